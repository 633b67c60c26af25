/**
 * The runtime message protocol between content scripts, extension pages and the service worker
 * (see notes in the extension contract), with one validator per request and the sender rules.
 *
 * The content script runs inside a hostile page: anything it sends is checked for shape, enum
 * values and lengths before the worker acts on it, and the worker never takes a destination
 * (report address, endpoint) from a message. Validators return values; they never throw.
 *
 * Scanning runs in the worker (`scan-message`), not in the content script: the core with its
 * domain tables is ~300 kB minified, and loading it into every webmail tab and every Roundcube
 * frame would cost each of them parse time and memory. The worker loads it once.
 *
 * Why `wxt/browser` and not webextension-polyfill: with MV3 on every target, Chrome, Edge and
 * Firefox all expose promise-returning `browser`/`chrome` APIs, which is what WXT 0.20's
 * `wxt/browser` gives us; the polyfill would add ~10 kB to each bundle for no behaviour we use.
 * The package stays in package.json for anyone targeting an MV2-only browser; nothing imports it.
 */
import type { Finding, MailAnchor, MailAttachment, MailSnapshot, Verdict } from '../shared/model';
import type { PolicyProblem } from '../shared/policy/parse-policy';
import type { Policy } from '../shared/policy/types';
import type { PostureVerdict } from '../shared/posture/types';
import type { GuardedTarget } from './ui/guard';

export type Lang = 'ja' | 'en';

/** Fixed webmail origins (the manifest's host_permissions); Roundcube origins come from policy. */
export const WEBMAIL_ORIGINS: readonly string[] = [
  'https://mail.google.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
];

/** Worker → content scripts and pages: policy, posture or the gate may have changed; ask again. */
export const CONTEXT_CHANGED = 'kokoroe-context-changed';
export type GateMode = 'warn' | 'block';

export type Request =
  | { type: 'get-context' }
  /** content → worker: scan this snapshot with the effective policy; answers `{ verdict }`. */
  | { type: 'scan-message'; key: string; snapshot: MailSnapshot }
  | { type: 'message-verdict'; key: string; verdict: Verdict; summary: { from?: string; subject?: string } }
  | { type: 'open-warning'; key: string; target: GuardedTarget }
  | { type: 'get-warning'; id: string }
  | { type: 'warning-proceed'; id: string }
  /**
   * snapshot/verdict are absent when the consult is about the device (from the gate).
   * originalUrl: where the provider serves the raw message (kept only if on the sender's own
   * webmail origin); mode `opened`: the user already opened the link or file.
   */
  | { type: 'open-consult'; key: string; snapshot?: MailSnapshot; verdict?: Verdict; originalUrl?: string; mode?: 'consult' | 'opened' }
  | { type: 'gate-recheck' }
  | { type: 'gate-dismiss' }
  | { type: 'get-popup-state' };

export type RequestType = Request['type'];

export interface ContextAnswer {
  policy: Policy;
  problems: PolicyProblem[];
  managedKeys: string[];
  posture: PostureVerdict;
  gate: GateMode | null;
  lang: Lang;
}

export interface ScanAnswer {
  verdict: Verdict;
}

export interface WarningAnswer {
  target: GuardedTarget;
  allowOpenAnyway: boolean;
  lang: Lang;
}

export interface PopupStateAnswer {
  posture: PostureVerdict;
  lastVerdict?: { verdict: Verdict; summary: { from?: string; subject?: string } };
  contacts: Pick<Policy, 'adminContact' | 'afterHoursContact'>;
  lang: Lang;
}

export type Answer<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/** Who sent a message, as the worker sees it. */
export type SenderKind = 'content' | 'page';

/** Which senders may send which request. */
export const ALLOWED_SENDERS: Readonly<Record<RequestType, readonly SenderKind[]>> = {
  'get-context': ['content', 'page'],
  'scan-message': ['content'],
  'message-verdict': ['content'],
  'open-warning': ['content'],
  'get-warning': ['page'],
  'warning-proceed': ['page'],
  'open-consult': ['content', 'page'],
  'gate-recheck': ['content', 'page'],
  'gate-dismiss': ['content', 'page'],
  'get-popup-state': ['page'],
};

/** Size limits for everything a message may carry. */
export const LIMITS = {
  key: 300,
  id: 64,
  href: 8_192,
  text: 2_000,
  summary: 1_000,
  rule: 100,
  value: 8_192,
  params: 20,
  paramValue: 2_000,
  findings: 300,
  unchecked: 100,
  anchors: 1_000,
  attachments: 100,
  innerNames: 500,
  bodyText: 1_000_000,
  headers: 500,
  headerValue: 16_384,
  addresses: 200,
  references: 200,
  problems: 100,
  index: 100_000,
} as const;

const VERDICT_LEVELS = new Set(['safe', 'caution', 'danger']);
const SEVERITIES = new Set(['info', 'caution', 'danger']);
const TARGET_KINDS = new Set(['link', 'attachment', 'sender', 'header', 'subject', 'body', 'message']);
const HOST_KINDS = new Set(['eml', 'gmail', 'outlook-web', 'roundcube', 'outlook-addin', 'unknown']);
const MISSING_PARTS = new Set(['body', 'links', 'attachments']);
const ANCHOR_SOURCES = new Set(['html', 'text', 'dom']);
const REQUEST_TYPES = new Set<string>(Object.keys(ALLOWED_SENDERS));
/** Warning ids are the worker's own `crypto.randomUUID()`. */
const UUID_CHARS = /^[0-9a-f-]{36}$/;

export type Validation = { ok: true; request: Request } | { ok: false; error: string };

/** Checks one incoming message's shape. Unknown fields are dropped from the result. */
export function validateRequest(message: unknown): Validation {
  try {
    if (!isRecord(message) || typeof message.type !== 'string' || !REQUEST_TYPES.has(message.type)) {
      return fail('unknown request type');
    }
    const type = message.type as RequestType;
    switch (type) {
      case 'get-context':
      case 'gate-recheck':
      case 'gate-dismiss':
      case 'get-popup-state':
        return { ok: true, request: { type } };
      case 'get-warning':
      case 'warning-proceed': {
        const id = message.id;
        if (typeof id !== 'string' || !UUID_CHARS.test(id)) return fail('id: expected a warning id');
        return { ok: true, request: { type, id } };
      }
      case 'message-verdict': {
        const key = checkKey(message.key);
        if (!key.ok) return key;
        const verdict = checkVerdict(message.verdict, 'verdict');
        if (!verdict.ok) return verdict;
        const summary = message.summary === undefined ? {} : message.summary;
        if (!isRecord(summary)) return fail('summary: expected an object');
        const out: { from?: string; subject?: string } = {};
        for (const field of ['from', 'subject'] as const) {
          const value = summary[field];
          if (value === undefined) continue;
          if (!isString(value, LIMITS.summary)) return fail(`summary.${field}: expected text up to ${LIMITS.summary} characters`);
          out[field] = value;
        }
        return { ok: true, request: { type, key: key.value, verdict: verdict.value, summary: out } };
      }
      case 'scan-message': {
        const key = checkKey(message.key);
        if (!key.ok) return key;
        const snapshot = checkSnapshot(message.snapshot);
        if (!snapshot.ok) return snapshot;
        return { ok: true, request: { type, key: key.value, snapshot: snapshot.value } };
      }
      case 'open-warning': {
        const key = checkKey(message.key);
        if (!key.ok) return key;
        const target = checkGuardedTarget(message.target);
        if (!target.ok) return target;
        return { ok: true, request: { type, key: key.value, target: target.value } };
      }
      case 'open-consult': {
        const key = checkKey(message.key);
        if (!key.ok) return key;
        const request: Extract<Request, { type: 'open-consult' }> = { type, key: key.value };
        if (message.snapshot !== undefined) {
          const snapshot = checkSnapshot(message.snapshot);
          if (!snapshot.ok) return snapshot;
          request.snapshot = snapshot.value;
        }
        if (message.verdict !== undefined) {
          const verdict = checkVerdict(message.verdict, 'verdict');
          if (!verdict.ok) return verdict;
          request.verdict = verdict.value;
        }
        if (message.originalUrl !== undefined) {
          if (!isString(message.originalUrl, LIMITS.href)) return fail(`originalUrl: expected text up to ${LIMITS.href} characters`);
          request.originalUrl = message.originalUrl;
        }
        if (message.mode !== undefined) {
          if (message.mode !== 'consult' && message.mode !== 'opened') return fail('mode: expected consult or opened');
          request.mode = message.mode;
        }
        return { ok: true, request };
      }
    }
  } catch {
    // A getter on a hostile object, a revoked proxy…: still an answer, never a throw.
    return fail('unreadable message');
  }
}

/** What the worker knows to classify a sender. */
export interface SenderContext {
  extensionId: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, from runtime.getURL('/'). */
  extensionBaseUrl: string;
  /** Origins our content scripts run on: the fixed webmail hosts plus policy's Roundcube origins. */
  webmailOrigins: readonly string[];
}

/** The parts of runtime.MessageSender we look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Who sent this: one of our content scripts on a webmail page, one of our extension pages, or
 * nobody we answer (another extension, a web page via externally_connectable — which we do not
 * declare — or a content script on a page we do not watch).
 */
export function classifySender(sender: SenderLike | undefined, context: SenderContext): SenderKind | undefined {
  if (!sender || sender.id !== context.extensionId) return undefined;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(context.extensionBaseUrl)) return 'page';
  if (!sender.tab || typeof sender.tab.id !== 'number') return undefined;
  const origin = originOf(sender.origin ?? url);
  if (origin && context.webmailOrigins.includes(origin)) return 'content';
  return undefined;
}

/** Sender and shape together: what the worker's onMessage calls first. */
export function acceptRequest(message: unknown, sender: SenderLike | undefined, context: SenderContext): Validation & { sender?: SenderKind } {
  const kind = classifySender(sender, context);
  if (!kind) return fail('sender not allowed');
  const validation = validateRequest(message);
  if (!validation.ok) return validation;
  if (!ALLOWED_SENDERS[validation.request.type].includes(kind)) return fail(`${validation.request.type} is not accepted from this sender`);
  return { ...validation, sender: kind };
}

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

// ---- shape checks -------------------------------------------------------------------------

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= LIMITS.index;
}

function checkKey(value: unknown): Checked<string> {
  return isString(value, LIMITS.key) && value.length > 0 ? { ok: true, value } : fail(`key: expected text up to ${LIMITS.key} characters`);
}

function checkStringList(value: unknown, path: string, maxItems: number, maxLength: number): Checked<string[]> {
  if (!Array.isArray(value) || value.length > maxItems) return fail(`${path}: expected a list of at most ${maxItems}`);
  for (let i = 0; i < value.length; i++) {
    if (!isString(value[i], maxLength)) return fail(`${path}[${i}]: expected text up to ${maxLength} characters`);
  }
  return { ok: true, value: [...(value as string[])] };
}

export function checkFinding(value: unknown, path: string): Checked<Finding> {
  if (!isRecord(value)) return fail(`${path}: expected an object`);
  if (!isString(value.rule, LIMITS.rule) || value.rule.length === 0) return fail(`${path}.rule: expected a rule id`);
  if (typeof value.severity !== 'string' || !SEVERITIES.has(value.severity)) return fail(`${path}.severity: expected info, caution or danger`);
  const target = value.target;
  if (!isRecord(target)) return fail(`${path}.target: expected an object`);
  if (typeof target.kind !== 'string' || !TARGET_KINDS.has(target.kind)) return fail(`${path}.target.kind: unknown kind`);
  if (!isString(target.value, LIMITS.value)) return fail(`${path}.target.value: expected text up to ${LIMITS.value} characters`);
  if (target.index !== undefined && !isIndex(target.index)) return fail(`${path}.target.index: expected a small whole number`);
  const params = value.params === undefined ? {} : value.params;
  if (!isRecord(params)) return fail(`${path}.params: expected an object`);
  const keys = Object.keys(params);
  if (keys.length > LIMITS.params) return fail(`${path}.params: too many values`);
  const outParams: Record<string, string | number> = {};
  for (const k of keys) {
    const p = params[k];
    if (k.length > LIMITS.rule || !(isString(p, LIMITS.paramValue) || (typeof p === 'number' && Number.isFinite(p)))) {
      return fail(`${path}.params.${k.slice(0, 40)}: expected short text or a number`);
    }
    outParams[k] = p as string | number;
  }
  const finding: Finding = {
    rule: value.rule,
    severity: value.severity as Finding['severity'],
    target: { kind: target.kind as Finding['target']['kind'], value: target.value },
    params: outParams,
  };
  if (target.index !== undefined) finding.target.index = target.index as number;
  return { ok: true, value: finding };
}

function checkFindings(value: unknown, path: string): Checked<Finding[]> {
  if (!Array.isArray(value) || value.length > LIMITS.findings) return fail(`${path}: expected a list of at most ${LIMITS.findings} findings`);
  const out: Finding[] = [];
  for (let i = 0; i < value.length; i++) {
    const f = checkFinding(value[i], `${path}[${i}]`);
    if (!f.ok) return f;
    out.push(f.value);
  }
  return { ok: true, value: out };
}

export function checkVerdict(value: unknown, path: string): Checked<Verdict> {
  if (!isRecord(value)) return fail(`${path}: expected an object`);
  if (typeof value.level !== 'string' || !VERDICT_LEVELS.has(value.level)) return fail(`${path}.level: expected safe, caution or danger`);
  const findings = checkFindings(value.findings, `${path}.findings`);
  if (!findings.ok) return findings;
  const unchecked = checkStringList(value.unchecked ?? [], `${path}.unchecked`, LIMITS.unchecked, LIMITS.rule);
  if (!unchecked.ok) return unchecked;
  return { ok: true, value: { level: value.level as Verdict['level'], findings: findings.value, unchecked: unchecked.value } };
}

export function checkGuardedTarget(value: unknown): Checked<GuardedTarget> {
  if (!isRecord(value)) return fail('target: expected an object');
  if (value.kind !== 'link' && value.kind !== 'attachment') return fail('target.kind: expected link or attachment');
  if (value.href !== undefined && !isString(value.href, LIMITS.href)) return fail(`target.href: expected text up to ${LIMITS.href} characters`);
  if (!isString(value.text, LIMITS.text)) return fail(`target.text: expected text up to ${LIMITS.text} characters`);
  if (!isIndex(value.index)) return fail('target.index: expected a small whole number');
  const findings = checkFindings(value.findings, 'target.findings');
  if (!findings.ok) return findings;
  const target: GuardedTarget = { kind: value.kind, text: value.text, index: value.index, findings: findings.value };
  if (value.href !== undefined) target.href = value.href as string;
  return { ok: true, value: target };
}

function checkAddress(value: unknown, path: string): Checked<{ address?: string; name?: string }> {
  if (!isRecord(value)) return fail(`${path}: expected an object`);
  const out: { address?: string; name?: string } = {};
  for (const field of ['address', 'name'] as const) {
    if (value[field] === undefined) continue;
    if (!isString(value[field], LIMITS.summary)) return fail(`${path}.${field}: expected text up to ${LIMITS.summary} characters`);
    out[field] = value[field] as string;
  }
  return { ok: true, value: out };
}

function checkAddressList(value: unknown, path: string): Checked<{ address?: string; name?: string }[]> {
  if (!Array.isArray(value) || value.length > LIMITS.addresses) return fail(`${path}: expected a list of at most ${LIMITS.addresses}`);
  const out: { address?: string; name?: string }[] = [];
  for (let i = 0; i < value.length; i++) {
    const a = checkAddress(value[i], `${path}[${i}]`);
    if (!a.ok) return a;
    out.push(a.value);
  }
  return { ok: true, value: out };
}

/** A MailSnapshot as a content script may send it (for the consult page's preview and report). */
export function checkSnapshot(value: unknown): Checked<MailSnapshot> {
  if (!isRecord(value)) return fail('snapshot: expected an object');
  if (typeof value.host !== 'string' || !HOST_KINDS.has(value.host)) return fail('snapshot.host: unknown host');
  const out: MailSnapshot = { host: value.host as MailSnapshot['host'] };
  for (const field of ['from', 'sender'] as const) {
    if (value[field] === undefined) continue;
    const a = checkAddress(value[field], `snapshot.${field}`);
    if (!a.ok) return a;
    out[field] = a.value;
  }
  for (const field of ['replyTo', 'to', 'cc'] as const) {
    if (value[field] === undefined) continue;
    const list = checkAddressList(value[field], `snapshot.${field}`);
    if (!list.ok) return list;
    out[field] = list.value;
  }
  for (const field of ['subject', 'date', 'messageId', 'inReplyTo'] as const) {
    if (value[field] === undefined) continue;
    if (!isString(value[field], LIMITS.summary)) return fail(`snapshot.${field}: expected text up to ${LIMITS.summary} characters`);
    out[field] = value[field] as string;
  }
  if (value.references !== undefined) {
    const refs = checkStringList(value.references, 'snapshot.references', LIMITS.references, LIMITS.summary);
    if (!refs.ok) return refs;
    out.references = refs.value;
  }
  if (value.headers !== undefined) {
    if (!Array.isArray(value.headers) || value.headers.length > LIMITS.headers) return fail('snapshot.headers: too many');
    const headers: { name: string; value: string }[] = [];
    for (let i = 0; i < value.headers.length; i++) {
      const h = value.headers[i] as unknown;
      if (!isRecord(h) || !isString(h.name, LIMITS.rule) || !isString(h.value, LIMITS.headerValue)) return fail(`snapshot.headers[${i}]: expected name and value`);
      headers.push({ name: h.name, value: h.value });
    }
    out.headers = headers;
  }
  for (const field of ['html', 'text'] as const) {
    if (value[field] === undefined) continue;
    if (!isString(value[field], LIMITS.bodyText)) return fail(`snapshot.${field}: too long`);
    out[field] = value[field] as string;
  }
  if (value.anchors !== undefined) {
    if (!Array.isArray(value.anchors) || value.anchors.length > LIMITS.anchors) return fail(`snapshot.anchors: at most ${LIMITS.anchors}`);
    const anchors: MailAnchor[] = [];
    for (let i = 0; i < value.anchors.length; i++) {
      const a = value.anchors[i] as unknown;
      if (!isRecord(a) || !isString(a.href, LIMITS.href) || !isString(a.text, LIMITS.text)) return fail(`snapshot.anchors[${i}]: expected href and text`);
      if (a.source !== undefined && (typeof a.source !== 'string' || !ANCHOR_SOURCES.has(a.source))) return fail(`snapshot.anchors[${i}].source: unknown`);
      const anchor: MailAnchor = { href: a.href, text: a.text };
      if (a.source !== undefined) anchor.source = a.source as MailAnchor['source'];
      anchors.push(anchor);
    }
    out.anchors = anchors;
  }
  if (value.attachments !== undefined) {
    if (!Array.isArray(value.attachments) || value.attachments.length > LIMITS.attachments) return fail(`snapshot.attachments: at most ${LIMITS.attachments}`);
    const attachments: MailAttachment[] = [];
    for (let i = 0; i < value.attachments.length; i++) {
      const a = value.attachments[i] as unknown;
      const path = `snapshot.attachments[${i}]`;
      if (!isRecord(a) || !isString(a.name, LIMITS.text)) return fail(`${path}.name: expected text`);
      const item: MailAttachment = { name: a.name };
      if (a.contentType !== undefined) {
        if (!isString(a.contentType, LIMITS.rule * 2)) return fail(`${path}.contentType: expected text`);
        item.contentType = a.contentType;
      }
      if (a.size !== undefined) {
        if (typeof a.size !== 'number' || !Number.isFinite(a.size) || a.size < 0) return fail(`${path}.size: expected a number of bytes`);
        item.size = a.size;
      }
      if (a.encrypted !== undefined) {
        if (typeof a.encrypted !== 'boolean') return fail(`${path}.encrypted: expected true or false`);
        item.encrypted = a.encrypted;
      }
      if (a.innerNames !== undefined) {
        const names = checkStringList(a.innerNames, `${path}.innerNames`, LIMITS.innerNames, LIMITS.text);
        if (!names.ok) return names;
        item.innerNames = names.value;
      }
      if (a.sha256 !== undefined) {
        if (typeof a.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(a.sha256)) return fail(`${path}.sha256: expected 64 hex digits`);
        item.sha256 = a.sha256;
      }
      attachments.push(item);
    }
    out.attachments = attachments;
  }
  if (value.missing !== undefined) {
    if (!Array.isArray(value.missing) || value.missing.length > 3 || !value.missing.every((m) => typeof m === 'string' && MISSING_PARTS.has(m))) {
      return fail('snapshot.missing: expected body, links or attachments');
    }
    out.missing = [...(value.missing as MailSnapshot['missing'] & string[])];
  }
  if (value.problems !== undefined) {
    const problems = checkStringList(value.problems, 'snapshot.problems', LIMITS.problems, LIMITS.summary);
    if (!problems.ok) return problems;
    out.problems = problems.value;
  }
  return { ok: true, value: out };
}
