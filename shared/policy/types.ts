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
  avEnabled?: boolean;
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
