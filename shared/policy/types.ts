/**
 * The effective IT policy (DESIGN.md §3). `parsePolicy` turns any JSON into this shape, dropping
 * invalid fields with a problem that names them; the JSON Schema in policy-schema.json describes
 * the same keys and a test keeps the two in step.
 */

export interface Contact {
  name?: string;
  /** Phone as written by IT, e.g. `03-1234-5678` or `内線 1234`. */
  phone?: string;
  email?: string;
  /** Opening hours as free text, e.g. `平日 8:30–17:15`. */
  hours?: string;
}

export type PostureMode = 'off' | 'warn' | 'block';
export type UnknownDeviceAction = 'ignore' | 'remind' | 'warn' | 'block';
export type ReportOriginal = 'never' | 'ask';

export interface PosturePolicy {
  mode: PostureMode;
  maxOsPatchAgeDays: number;
  maxAvDefinitionsAgeHours: number;
  /** ISO-8601 date-time of the last installed OS update, written by IT tooling. */
  osPatchedAt?: string;
  avDefinitionsUpdatedAt?: string;
  /** Antivirus installed and its service running (Defender: AMServiceEnabled). */
  avEnabled?: boolean;
  /** Real-time protection on (Defender: RealTimeProtectionEnabled). */
  realTimeProtectionEnabled?: boolean;
  /** When the facts above were written; old facts make the device `unknown`. */
  factsUpdatedAt?: string;
  maxFactsAgeHours: number;
  /** Minimum browser version, e.g. `142` or `142.0.7444.60`. */
  minBrowserVersion?: string;
  /** Minimum Office build, e.g. `16.0.19127.20000`. */
  minOfficeBuild?: string;
  passwordChangedAt?: string;
  maxPasswordAgeDays?: number;
  unknownDevice: UnknownDeviceAction;
}

export interface ScanPolicy {
  disabledRules: string[];
  blockedDomains: string[];
  allowedDomains: string[];
  /** Extra names to protect against look-alikes: `{name, domains}` or a plain domain. */
  protectedNames: string[];
  /** Outbreak mode: every caution becomes danger and opening anyway is not offered. */
  alertMode: boolean;
}

export interface Policy {
  orgName?: string;
  orgDomains: string[];
  partnerDomains: string[];
  adminContact?: Contact;
  afterHoursContact?: Contact;
  reportMailbox?: string;
  reportEndpoint?: string;
  reportToken?: string;
  reportOriginal: ReportOriginal;
  /** Whether the guard offers 「それでも開く」. */
  allowOpenAnyway: boolean;
  /** Roundcube origins (https://webmail.example.jp) to watch. */
  roundcubeOrigins: string[];
  posture: PosturePolicy;
  scan: ScanPolicy;
}

/*
 * Key lists, checked by the compiler against the interfaces above (a missing or extra key is a
 * type error) and by a test against policy-schema.json, so the schema and the types cannot drift.
 */
type KeySet<T> = { readonly [K in keyof Required<T>]: true };

export const POLICY_KEYS: KeySet<Policy> = {
  orgName: true, orgDomains: true, partnerDomains: true, adminContact: true, afterHoursContact: true,
  reportMailbox: true, reportEndpoint: true, reportToken: true, reportOriginal: true,
  allowOpenAnyway: true, roundcubeOrigins: true, posture: true, scan: true,
};
export const POSTURE_POLICY_KEYS: KeySet<PosturePolicy> = {
  mode: true, maxOsPatchAgeDays: true, maxAvDefinitionsAgeHours: true, osPatchedAt: true,
  avDefinitionsUpdatedAt: true, avEnabled: true, realTimeProtectionEnabled: true,
  factsUpdatedAt: true, maxFactsAgeHours: true, minBrowserVersion: true, minOfficeBuild: true,
  passwordChangedAt: true, maxPasswordAgeDays: true, unknownDevice: true,
};
export const SCAN_POLICY_KEYS: KeySet<ScanPolicy> = {
  disabledRules: true, blockedDomains: true, allowedDomains: true, protectedNames: true, alertMode: true,
};
export const CONTACT_KEYS: KeySet<Contact> = { name: true, phone: true, email: true, hours: true };

/**
 * Device facts written by IT tooling. They describe one machine at one moment, so local
 * (user-editable) settings may never supply them, and they only count while `factsUpdatedAt` is fresh.
 */
export const DEVICE_FACT_KEYS = [
  'osPatchedAt', 'avDefinitionsUpdatedAt', 'avEnabled', 'realTimeProtectionEnabled',
  'factsUpdatedAt', 'passwordChangedAt',
] as const satisfies readonly (keyof PosturePolicy)[];
export type DeviceFactKey = (typeof DEVICE_FACT_KEYS)[number];
