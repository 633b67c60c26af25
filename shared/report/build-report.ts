/**
 * Builds the `kokoroe.report/1` document from what the host already read (DESIGN.md §3).
 *
 * What it must never do: put body text, recipients (other than the reporter) or the original
 * message into the report unless policy allows the original (`reportOriginal: 'ask'`) AND the
 * user ticked it; take anything from the mail that is not in the list below; throw.
 */
import type { Finding, HostKind, MailAddress, MailSnapshot, Verdict } from '../model';
import type { Policy } from '../policy/types';
import type { PostureVerdict } from '../posture/types';
import { bytesToBase64 } from './base64';
import { REPORT_LIMITS as L } from './limits';
import { linkDestinations } from './link-destinations';
import { cap } from './cap';
import {
  REPORT_KINDS,
  REPORT_SCHEMA_ID,
  type KokoroeReport,
  type ReportAddress,
  type ReportAttachment,
  type ReportFinding,
  type ReportKind,
  type ReportOriginalPart,
  type ReportPosture,
} from './types';

export interface BuildReportInput {
  kind: ReportKind;
  snapshot: MailSnapshot;
  verdict: Verdict;
  /** The device's posture when the report is built. */
  posture?: PostureVerdict;
  policy: Policy;
  client: { host: HostKind; extensionVersion?: string; browser?: string; office?: string };
  /** The reporter's own mailbox or user name, where the host knows it. */
  reporter?: string;
  comment?: string;
  /** The user ticked 「元のメールも送る」. */
  includeOriginal: boolean;
  /** The raw .eml (bytes or text). Without it, an allowed original falls back to the body. */
  original?: Uint8Array | string;
  /** What `original` is. @default 'eml' */
  originalFormat?: 'eml' | 'text' | 'html';
  now: Date;
  /** A UUID to use (e.g. a retry of the same report); a fresh one otherwise. */
  id?: string;
}

export interface BuildReportResult {
  report: KokoroeReport;
  /** Bounds that bit and inputs that were ignored, for the log and the dry-run CLI. */
  problems: string[];
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isReportId(id: unknown): id is string {
  return typeof id === 'string' && UUID_RE.test(id);
}

export function buildReport(input: BuildReportInput): BuildReportResult {
  const problems: string[] = [];
  const { snapshot, verdict } = input;

  let id = input.id;
  if (id !== undefined && !isReportId(id)) {
    problems.push('id: not a UUID, a fresh one was used');
    id = undefined;
  }
  const kind: ReportKind = REPORT_KINDS.includes(input.kind) ? input.kind : 'consult';
  if (kind !== input.kind) problems.push(`kind: unknown "${String(input.kind)}", "consult" was used`);
  const createdAt = Number.isFinite(input.now.getTime()) ? input.now.toISOString() : new Date(0).toISOString();

  const findingsIn = Array.isArray(verdict.findings) ? verdict.findings : [];
  if (findingsIn.length > L.findings) problems.push(`findings: ${findingsIn.length} cut to ${L.findings}`);
  const links = linkDestinations(snapshot, findingsIn);
  const guard = bodyGuard(snapshot, links.list);
  const findings = findingsIn.slice(0, L.findings).map((f) => reportFinding(f, guard));
  if (links.count > links.list.length) problems.push(`links: ${links.count} destinations cut to ${links.list.length}`);

  const attachmentsIn = snapshot.attachments ?? [];
  if (attachmentsIn.length > L.attachments) problems.push(`attachments: ${attachmentsIn.length} cut to ${L.attachments}`);
  const attachments = attachmentsIn.slice(0, L.attachments).map(reportAttachment);

  const authResults = (snapshot.headers ?? [])
    .filter((h) => h.name.toLowerCase() === 'authentication-results')
    .slice(0, L.authResults)
    .map((h) => cap(h.value, L.textChars));

  const report: KokoroeReport = {
    schema: REPORT_SCHEMA_ID,
    id: id ?? crypto.randomUUID(),
    kind,
    createdAt,
    verdict: {
      level: verdict.level,
      findings,
      unchecked: (verdict.unchecked ?? []).slice(0, L.findings).map((u) => cap(u, L.nameChars)),
    },
    message: {
      ...opt('from', snapshot.from && address(snapshot.from)),
      ...opt('sender', snapshot.sender && address(snapshot.sender)),
      ...opt('replyTo', snapshot.replyTo?.length ? snapshot.replyTo.slice(0, 10).map(address) : undefined),
      ...opt('subject', snapshot.subject !== undefined ? cap(snapshot.subject, L.textChars) : undefined),
      ...opt('date', snapshot.date !== undefined ? cap(snapshot.date, L.nameChars) : undefined),
      ...opt('messageId', snapshot.messageId !== undefined ? cap(snapshot.messageId, L.textChars) : undefined),
      authResults,
      links: links.list,
      linkCount: links.count,
      attachments,
      ...opt('missing', snapshot.missing?.length ? [...snapshot.missing] : undefined),
    },
    client: {
      host: input.client.host,
      product: 'kokoroe-mail-guard',
      ...opt('extensionVersion', short(input.client.extensionVersion)),
      ...opt('browser', short(input.client.browser)),
      ...opt('office', short(input.client.office)),
    },
    original: original(input, problems),
  };
  const reporter = short(input.reporter);
  if (reporter) report.reporter = reporter;
  const comment = input.comment?.trim();
  if (comment) {
    if (comment.length > L.commentChars) problems.push(`comment: cut to ${L.commentChars} characters`);
    report.comment = cap(comment, L.commentChars);
  }
  const posture = postureCopy(input.posture, problems);
  if (posture) report.posture = posture;
  return { report, problems };
}

function original(input: BuildReportInput, problems: string[]): ReportOriginalPart {
  if (!input.includeOriginal) return { included: false, reason: 'not-requested' };
  if (input.policy.reportOriginal !== 'ask') return { included: false, reason: 'policy-forbids' };
  let format: 'eml' | 'text' | 'html';
  let bytes: Uint8Array;
  if (input.original !== undefined) {
    format = input.originalFormat ?? 'eml';
    bytes = typeof input.original === 'string' ? new TextEncoder().encode(input.original) : input.original;
  } else if (input.snapshot.text) {
    // The host had no .eml (e.g. a webmail without "show original"): the body, labelled as such.
    format = 'text';
    bytes = new TextEncoder().encode(input.snapshot.text);
  } else if (input.snapshot.html) {
    format = 'html';
    bytes = new TextEncoder().encode(input.snapshot.html);
  } else {
    return { included: false, reason: 'unavailable' };
  }
  if (bytes.length > L.originalBytes) {
    problems.push(`original: ${bytes.length} bytes is over the ${L.originalBytes}-byte limit, not attached`);
    return { included: false, reason: 'unavailable' };
  }
  return { included: true, format, encoding: 'base64', bytes: bytes.length, data: bytesToBase64(bytes) };
}

/**
 * Findings may quote the body: rules about the body (a matched phrase, an archive password) and
 * link texts as written. Findings about the body keep their rule, severity and numbers only.
 * For the others, a string that occurs in the body but in none of the parts a report may carry
 * (headers, addresses, link destinations, attachment names) is left out and the finding marked
 * `redacted`.
 */
function reportFinding(f: Finding, guard: BodyGuard): ReportFinding {
  const fromBody = f.target?.kind === 'body';
  let redacted = fromBody;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params ?? {}).slice(0, 20)) {
    if (typeof v === 'number' && Number.isFinite(v)) params[cap(k, 64)] = v;
    else if (typeof v === 'string') {
      if (fromBody || guard.quotesBody(v)) redacted = true;
      else params[cap(k, 64)] = cap(v, L.textChars);
    }
  }
  const rawValue = String(f.target?.value ?? '');
  const hideValue = fromBody || (f.target?.kind !== 'link' && guard.quotesBody(rawValue));
  if (hideValue) redacted = true;
  const out: ReportFinding = {
    rule: cap(String(f.rule), 100),
    severity: f.severity,
    target: { kind: f.target?.kind ?? 'message', value: hideValue ? '' : cap(rawValue, L.urlChars) },
    params,
  };
  if (typeof f.target?.index === 'number' && Number.isInteger(f.target.index) && f.target.index >= 0) out.target.index = f.target.index;
  if (redacted) out.redacted = true;
  return out;
}

interface BodyGuard {
  quotesBody(value: string): boolean;
}

/** Characters of body text searched for quotes. @default 262_144 */
const BODY_SEARCH_CHARS = 262_144;
/** Checks per report (bounded work whatever the findings). @default 2_000 */
const BODY_SEARCH_CHECKS = 2_000;

/** One ASCII token with a dot or colon and no spaces: a URL, a domain, an address. */
const URL_OR_DOMAIN = /^(?=[\x21-\x7e]*[.:])[\x21-\x7e]+$/;

function bodyGuard(snapshot: MailSnapshot, links: readonly string[]): BodyGuard {
  const body = `${snapshot.text ?? ''}\n${snapshot.html ?? ''}`.slice(0, BODY_SEARCH_CHARS);
  const carried = [
    snapshot.subject,
    snapshot.from?.address,
    snapshot.from?.name,
    snapshot.sender?.address,
    snapshot.sender?.name,
    snapshot.messageId,
    snapshot.date,
    ...(snapshot.replyTo ?? []).flatMap((a) => [a.address, a.name]),
    ...(snapshot.headers ?? []).slice(0, 200).map((h) => h.value),
    ...(snapshot.anchors ?? []).slice(0, 2_000).map((a) => a.href),
    ...links,
    ...(snapshot.attachments ?? []).slice(0, 200).flatMap((a) => [a.name, ...(a.innerNames ?? []).slice(0, 50)]),
  ]
    .filter((x): x is string => typeof x === 'string' && x !== '')
    .join('\n')
    .slice(0, BODY_SEARCH_CHARS);
  let checks = 0;
  return {
    quotesBody(value: string): boolean {
      const v = value.trim();
      if (v.length < 2 || !body.trim()) return false;
      // A URL or domain written as link text is what IT needs to see, not patient data.
      if (URL_OR_DOMAIN.test(v)) return false;
      // Past the bound, stay on the safe side: anything unverified counts as a quote.
      if (++checks > BODY_SEARCH_CHECKS) return true;
      return body.includes(v) && !carried.includes(v);
    },
  };
}

function reportAttachment(a: MailSnapshot['attachments'] extends (infer T)[] | undefined ? T : never): ReportAttachment {
  const out: ReportAttachment = { name: cap(String(a.name ?? ''), L.nameChars) };
  if (a.contentType) out.contentType = cap(a.contentType, 200);
  if (typeof a.size === 'number' && Number.isFinite(a.size) && a.size >= 0) out.size = Math.floor(a.size);
  if (typeof a.sha256 === 'string' && /^[0-9a-f]{64}$/.test(a.sha256)) out.sha256 = a.sha256;
  if (typeof a.encrypted === 'boolean') out.encrypted = a.encrypted;
  if (a.innerNames?.length) out.innerNames = a.innerNames.slice(0, L.innerNames).map((n) => cap(String(n), L.nameChars));
  return out;
}

function address(a: MailAddress): ReportAddress {
  const out: ReportAddress = {};
  if (a.address) out.address = cap(a.address, L.nameChars);
  if (a.name) out.name = cap(a.name, L.nameChars);
  return out;
}

function postureCopy(posture: PostureVerdict | undefined, problems: string[]): ReportPosture | undefined {
  if (!posture || typeof posture !== 'object') return undefined;
  const checks = Array.isArray(posture.checks) ? posture.checks : [];
  if (checks.length > 20) problems.push(`posture: ${checks.length} checks cut to 20`);
  const out: ReportPosture = {
    status: posture.status,
    mode: posture.mode,
    gate: posture.gate,
    checks: checks.slice(0, 20).map((c) => {
      const check: ReportPosture['checks'][number] = { id: c.id, status: c.status };
      if (typeof c.value === 'string') check.value = cap(c.value, 100);
      if (typeof c.limit === 'string') check.limit = cap(c.limit, 100);
      if (typeof c.ageHours === 'number' && Number.isFinite(c.ageHours)) check.ageHours = c.ageHours;
      if (typeof c.limitHours === 'number' && Number.isFinite(c.limitHours)) check.limitHours = c.limitHours;
      return check;
    }),
  };
  if (typeof posture.evaluatedAt === 'string') out.evaluatedAt = cap(posture.evaluatedAt, 40);
  return out;
}

function short(s: string | undefined): string | undefined {
  const t = s?.trim();
  return t ? cap(t, L.nameChars) : undefined;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
