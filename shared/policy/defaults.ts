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

/** What consult surfaces say when IT has configured no contact. */
export const DEFAULT_CONSULT_ADVICE = Object.freeze({
  ja: '開く前に、院内の情報システム担当（IT 担当）に電話などで相談してください。',
  en: 'Before opening it, ask your IT contact (by phone or another channel).',
});

/** Outside contact for a suspected incident, shown next to the IT contact. */
export const INCIDENT_PORTAL = Object.freeze({
  url: INCIDENT_PORTAL_URL,
  ja: '厚生労働省委託事業の医療機関向けセキュリティ相談窓口',
  en: 'MHLW-commissioned security help desk for medical institutions',
});

/**
 * The once-a-day checklist shown when the device state is unknown (no IT tooling writes facts).
 * Item 9 of the poster: patches and anti-malware definitions before reading mail.
 */
export const POSTURE_REMINDER = Object.freeze({
  everyHours: 24,
  ja: 'OSの更新とウイルス対策ソフトの定義ファイル更新は済んでいますか',
  en: 'Have the OS updates and the antivirus definition updates been installed?',
  checklist: Object.freeze([
    Object.freeze({ id: 'os-update', ja: 'Windows Update（OS の更新）を済ませた', en: 'Windows Update (OS updates) installed' }),
    Object.freeze({ id: 'av-definitions', ja: 'ウイルス対策ソフトの定義ファイルを更新した', en: 'Antivirus definitions updated' }),
    Object.freeze({ id: 'browser-update', ja: 'ブラウザーを最新にした（再起動も）', en: 'Browser updated (and restarted)' }),
  ]),
});
