/**
 * The embedded default policy: what the product does with no IT configuration at all.
 * Scanning on, posture `unknown` with a daily reminder, consult surfaces that point to the
 * user's IT contact and the MHLW-commissioned incident portal.
 */
import type { Policy } from './types';

/** MHLW-commissioned incident consultation portal for medical institutions. */
export const INCIDENT_PORTAL_URL = 'https://mhlw-training.saj.or.jp/';

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  orgDomains: [],
  partnerDomains: [],
  reportOriginal: 'ask',
  allowOpenAnyway: true,
  roundcubeOrigins: [],
  posture: {
    mode: 'warn',
    maxOsPatchAgeDays: 35,
    maxAvDefinitionsAgeHours: 48,
    maxFactsAgeHours: 48,
    unknownDevice: 'remind',
  },
  scan: {
    disabledRules: [],
    blockedDomains: [],
    allowedDomains: [],
    protectedNames: [],
    alertMode: false,
  },
}) as Policy;
