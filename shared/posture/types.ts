/**
 * Device posture contracts (DESIGN.md §3 PostureVerdict). The browser cannot see Windows Update
 * or the antivirus: those facts come from IT tooling through policy (`policy.posture`); the host
 * adds what it can see itself (its own browser version, the Office build).
 */
import type { PolicyProblem } from '../policy/parse-policy';
import type { PostureMode } from '../policy/types';

export type PostureStatus = 'ok' | 'warn' | 'block' | 'unknown';

export type PostureCheckId =
  | 'facts-freshness'
  | 'os-patch-age'
  | 'av-definitions-age'
  | 'av-enabled'
  | 'browser-version'
  | 'office-build'
  | 'password-age';

export interface LocalizedText {
  ja: string;
  en: string;
}

export interface PostureCheck {
  id: PostureCheckId;
  status: PostureStatus;
  /** What was found: an ISO-8601 instant, `true`/`false`, a version. Absent when the fact is missing. */
  value?: string;
  /** The limit applied, e.g. `35 days`, `48 hours`, `142`, `true`. */
  limit?: string;
  /** Age of the fact in hours at evaluation time, when it is a valid date. */
  ageHours?: number;
  /** The limit in hours, for age checks. */
  limitHours?: number;
  /** One line on what was found, for the gate and the CLI. */
  summary: LocalizedText;
  /** How to fix it: the steps and whom to call. */
  remedy: LocalizedText;
}

/** What the host should do: nothing, the daily reminder, a dismissible warning, or the gate. */
export type PostureGate = 'none' | 'remind' | 'warn' | 'block';

export interface PostureReminder {
  everyHours: number;
  ja: string;
  en: string;
  checklist: readonly { id: string; ja: string; en: string }[];
}

export interface PostureVerdict {
  status: PostureStatus;
  /** posture.mode as applied (`off` means no checks were made). */
  mode: PostureMode;
  gate: PostureGate;
  checks: PostureCheck[];
  /** Present when the device state is unknown and policy asks for a reminder or more. */
  reminder?: PostureReminder;
  /** Policy values evaluatePosture had to ignore (only when given an unvalidated policy). */
  problems?: PolicyProblem[];
  /** The `now` the verdict was computed for (ISO-8601), absent if `now` was not a valid date. */
  evaluatedAt?: string;
}

/** What the host observes itself. Device facts (OS, antivirus, password) come from policy.posture. */
export interface PostureFacts {
  browser?: { name: 'chrome' | 'edge' | 'firefox' | string; version: string };
  /** Office build as reported by Office.context.diagnostics.version, e.g. `16.0.19127.20000`. */
  officeBuild?: string;
}
