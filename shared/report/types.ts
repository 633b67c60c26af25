/**
 * The report document `kokoroe.report/1` (DESIGN.md §3): what a staff member's device sends to
 * IT when they consult, report, or say they already opened a message. report-schema.json
 * describes the same shape; a test validates every built report against it.
 *
 * What it must never carry: body text (unless policy allows the original and the user ticked
 * it), recipients other than the reporter, or anything read from the mail that is not listed
 * here. Hospital mail carries patient data.
 */
import type { HostKind, Severity, TargetKind, VerdictLevel } from '../model';
import type { PostureMode } from '../policy/types';
import type { PostureCheckId, PostureGate, PostureStatus } from '../posture/types';

export const REPORT_SCHEMA_ID = 'kokoroe.report/1';

export type ReportKind = 'consult' | 'report' | 'opened-already';
export const REPORT_KINDS: readonly ReportKind[] = ['consult', 'report', 'opened-already'];

export interface ReportAddress {
  address?: string;
  name?: string;
}

export interface ReportFinding {
  rule: string;
  severity: Severity;
  target: { kind: TargetKind; value: string; index?: number };
  params: Record<string, string | number>;
  /** True when text taken from the body was removed from target/params. */
  redacted?: boolean;
}

export interface ReportAttachment {
  name: string;
  contentType?: string;
  size?: number;
  sha256?: string;
  encrypted?: boolean;
  /** Names inside an archive, where the host could list them (bounded). */
  innerNames?: string[];
}

export interface ReportMessage {
  from?: ReportAddress;
  sender?: ReportAddress;
  replyTo?: ReportAddress[];
  subject?: string;
  date?: string;
  messageId?: string;
  /** Raw Authentication-Results header values, newest first (bounded). */
  authResults: string[];
  /** Final link destinations after unwrapping provider wrappers, deduplicated, bounded. */
  links: string[];
  /** How many distinct destinations there were before the bound. */
  linkCount: number;
  attachments: ReportAttachment[];
  /** Parts the host could not read (from the snapshot). */
  missing?: string[];
}

export type OriginalAbsentReason = 'not-requested' | 'policy-forbids' | 'unavailable';

export type ReportOriginalPart =
  | {
      included: true;
      /** `eml`: the whole RFC 5322 message; `text`/`html`: only the body, where the host had no .eml. */
      format: 'eml' | 'text' | 'html';
      encoding: 'base64';
      /** Size of the decoded content in bytes. */
      bytes: number;
      data: string;
    }
  | { included: false; reason: OriginalAbsentReason };

export interface ReportClient {
  host: HostKind;
  product: 'kokoroe-mail-guard';
  extensionVersion?: string;
  browser?: string;
  office?: string;
}

/** The device's PostureVerdict (shared/posture) without its texts: what IT needs to judge it. */
export interface ReportPosture {
  status: PostureStatus;
  mode: PostureMode;
  gate: PostureGate;
  evaluatedAt?: string;
  checks: { id: PostureCheckId; status: PostureStatus; value?: string; limit?: string; ageHours?: number; limitHours?: number }[];
}

export interface KokoroeReport {
  schema: typeof REPORT_SCHEMA_ID;
  /** UUID; the idempotency key: every delivery attempt carries the same id. */
  id: string;
  kind: ReportKind;
  /** ISO-8601 UTC. */
  createdAt: string;
  reporter?: string;
  verdict: { level: VerdictLevel; findings: ReportFinding[]; unchecked: string[] };
  message: ReportMessage;
  posture?: ReportPosture;
  client: ReportClient;
  comment?: string;
  original: ReportOriginalPart;
}
