/**
 * The durable outbox (DESIGN.md §6): every report is saved before any attempt, sent with the
 * same id on every attempt, retried with backoff and jitter until delivered, refused or
 * expired, and never sent again once the endpoint confirmed it. Delivered consults are then
 * polled, gently, for IT's answer.
 *
 * Delivery contract for endpoints: `POST <reportEndpoint>` with the report JSON and
 * `Authorization: Bearer <reportToken>`; any 2xx means received. A report whose attempt was
 * interrupted (service worker stopped, browser closed mid-request) is sent again with the same
 * id, so the endpoint must deduplicate by `id` and answer a repeated POST with 2xx (or 409).
 * 408, 429, 5xx, timeouts and network errors are retried; any other 4xx is final (`rejected`).
 *
 * What it must never do: drop a report it accepted without the user seeing it (refusals are
 * returned as reasons, expiry and rejection stay visible); send to a destination not given by
 * the channel (policy); send anything before `enqueue` (a user action) put it here.
 *
 * Host-free: storage, transport, clock and randomness are injected. Network calls happen
 * outside the internal lock, so a hanging endpoint never blocks a new report being saved.
 */
import { parseAnswerText } from '../report/answer';
import { isReportId } from '../report/build-report';
import { REPORT_KINDS, REPORT_SCHEMA_ID, type KokoroeReport } from '../report/types';
import { backoffDelay } from './backoff';
import {
  OUTBOX_DEFAULTS,
  OUTBOX_STATES,
  PENDING_STATES,
  type EnqueueResult,
  type OutboxConfig,
  type OutboxData,
  type OutboxDeps,
  type OutboxRecord,
  type TransportResult,
} from './types';

export interface Outbox {
  /** Saves the report (refusing with a reason when bounds or policy do not allow it). Sends nothing. */
  enqueue(report: KokoroeReport, meta?: { messageKey?: string }): Promise<EnqueueResult>;
  /**
   * Does whatever is due now: recovers attempts interrupted by a stopped worker, sends due
   * reports, expires old ones, polls answers. Returns when it should run next (ms), if ever.
   */
  tick(): Promise<number | undefined>;
  /** Makes every waiting report due now (the user's 「今すぐ再送」), then ticks. */
  retryNow(): Promise<number | undefined>;
  /** The user marked the matter resolved: polling stops. */
  resolve(id: string): Promise<boolean>;
  /** Removes a finished record (delivered, expired, rejected) the user has seen. */
  dismiss(id: string): Promise<boolean>;
  /** Records without payloads, newest first. */
  list(): Promise<OutboxRecord[]>;
  /** The stored report of a record still holding its payload (for the mail channel). */
  report(id: string): Promise<KokoroeReport | undefined>;
  /** When the next tick is due (ms), if anything is waiting. */
  nextWakeAt(): Promise<number | undefined>;
}

export function createOutbox(deps: OutboxDeps, options: Partial<OutboxConfig> = {}): Outbox {
  const config: OutboxConfig = { ...OUTBOX_DEFAULTS, ...options };
  /** Ids this instance is sending right now; a stored `sending` not in here was interrupted. */
  const inFlight = new Set<string>();
  const polling = new Set<string>();
  let chain: Promise<unknown> = Promise.resolve();

  /** Runs `fn` on the stored data with no other read-modify-write in between. */
  function exclusive<T>(fn: (data: OutboxData) => T | Promise<T>, save: boolean): Promise<T> {
    const run = chain.then(async () => {
      const data = validate(await deps.storage.load());
      const result = await fn(data);
      if (save) {
        await deps.storage.save(data);
        await deps.onChange?.(data.records.map(withoutPayload));
      }
      return result;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  async function enqueue(report: KokoroeReport, meta: { messageKey?: string } = {}): Promise<EnqueueResult> {
    if (!report || report.schema !== REPORT_SCHEMA_ID || !isReportId(report.id) || !REPORT_KINDS.includes(report.kind)) {
      return { ok: false, reason: 'invalid' };
    }
    if (!(await deps.channel.endpoint())) return { ok: false, reason: 'no-endpoint' };
    const payload = JSON.stringify(report);
    const bytes = utf8Length(payload);
    if (bytes > config.maxBytes) return { ok: false, reason: 'too-large' };
    return exclusive((data): EnqueueResult => {
      const now = deps.now();
      housekeeping(data, now);
      if (data.records.some((r) => r.id === report.id)) return { ok: false, reason: 'duplicate' };
      if (data.records.filter((r) => PENDING_STATES.includes(r.state)).length >= config.maxPending) return { ok: false, reason: 'outbox-full' };
      const stored = data.records.reduce((n, r) => n + (r.payload ? r.bytes : 0), 0);
      if (stored + bytes > config.maxBytes) return { ok: false, reason: 'outbox-bytes' };
      const record: OutboxRecord = {
        id: report.id,
        kind: report.kind,
        summary: summaryOf(report),
        state: 'queued',
        createdAt: now,
        updatedAt: now,
        attempts: 0,
        nextAttemptAt: now,
        payload,
        bytes,
      };
      if (meta.messageKey) record.messageKey = meta.messageKey.slice(0, 500);
      data.records.push(record);
      return { ok: true, record: withoutPayload(record) };
    }, true);
  }

  async function tick(): Promise<number | undefined> {
    const endpoint = await deps.channel.endpoint();
    // 1. Under the lock: recover, expire, prune, and claim what is due (marked `sending` and saved before the request).
    const claimed = await exclusive((data) => {
      const now = deps.now();
      housekeeping(data, now);
      const sends: { id: string; payload: string }[] = [];
      const polls: string[] = [];
      for (const r of data.records) {
        const due = (r.state === 'queued' || r.state === 'failed') && (r.nextAttemptAt ?? 0) <= now;
        if (due && r.payload) {
          if (!endpoint) {
            r.state = 'failed';
            r.lastError = 'no-endpoint';
            r.nextAttemptAt = now + backoffDelay(Math.max(1, r.attempts), deps.random, config.backoffBaseMs, config.backoffCapMs);
            r.updatedAt = now;
            continue;
          }
          r.state = 'sending';
          r.attempts += 1;
          r.lastAttemptAt = now;
          r.updatedAt = now;
          delete r.nextAttemptAt;
          inFlight.add(r.id);
          sends.push({ id: r.id, payload: r.payload });
        } else if (r.state === 'delivered' && r.poll && !polling.has(r.id) && r.poll.nextAt <= now && endpoint) {
          polling.add(r.id);
          polls.push(r.id);
        }
      }
      return { sends, polls };
    }, true);

    // 2. Outside the lock: the requests, one at a time (a hospital has one endpoint; no burst).
    for (const { id, payload } of claimed.sends) {
      let result: TransportResult;
      try {
        result = endpoint ? await deps.transport.post({ url: endpoint.url, token: endpoint.token, body: payload, id }) : { ok: false, error: 'network', detail: 'no endpoint' };
      } catch (e) {
        result = { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
      }
      await exclusive((data) => {
        inFlight.delete(id);
        const r = data.records.find((x) => x.id === id);
        if (r) applySendResult(r, result, deps.now());
      }, true);
    }
    for (const id of claimed.polls) {
      let result: TransportResult;
      try {
        result = endpoint ? await deps.transport.get({ url: answerUrl(endpoint.url, id), token: endpoint.token }) : { ok: false, error: 'network' };
      } catch (e) {
        result = { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
      }
      await exclusive((data) => {
        polling.delete(id);
        const r = data.records.find((x) => x.id === id);
        if (r) applyPollResult(r, result, deps.now());
      }, true);
    }
    return nextWakeAt();
  }

  function applySendResult(r: OutboxRecord, result: TransportResult, now: number): void {
    r.updatedAt = now;
    if (r.state !== 'sending') return;
    if (result.ok && ((result.status >= 200 && result.status < 300) || result.status === 409)) {
      r.state = 'delivered';
      r.deliveredAt = now;
      delete r.payload;
      delete r.lastError;
      if (r.kind !== 'report') r.poll = { nextAt: now + config.pollFirstMs, interval: config.pollFirstMs, until: now + config.pollForMs };
      return;
    }
    if (result.ok && result.status >= 400 && result.status < 500 && result.status !== 408 && result.status !== 429) {
      r.state = 'rejected';
      r.lastError = `http ${result.status}`;
      return;
    }
    r.lastError = result.ok ? `http ${result.status}` : result.detail ? `${result.error}: ${result.detail.slice(0, 200)}` : result.error;
    if (now >= r.createdAt + config.ttlMs) {
      r.state = 'expired';
      return;
    }
    r.state = 'failed';
    r.nextAttemptAt = now + backoffDelay(r.attempts, deps.random, config.backoffBaseMs, config.backoffCapMs);
  }

  function applyPollResult(r: OutboxRecord, result: TransportResult, now: number): void {
    if (!r.poll || r.resolved) {
      delete r.poll;
      return;
    }
    r.updatedAt = now;
    const again = () => {
      const interval = Math.min(config.pollMaxMs, Math.round(r.poll!.interval * 1.5));
      r.poll = { ...r.poll!, interval, nextAt: now + interval };
      if (r.poll.nextAt > r.poll.until) delete r.poll;
    };
    if (!result.ok) return again();
    if ([404, 405, 410, 501].includes(result.status)) {
      // The endpoint offers no answers: stop asking.
      delete r.poll;
      return;
    }
    if (result.status < 200 || result.status >= 300) return again();
    const parsed = parseAnswerText(result.body ?? '');
    if (!parsed.answer) return again();
    if (parsed.answer.status === 'pending') return again();
    r.answer = parsed.answer;
    delete r.poll;
  }

  /** Recovery of interrupted attempts, expiry and pruning; runs inside the lock. */
  function housekeeping(data: OutboxData, now: number): void {
    for (const r of data.records) {
      if (r.state === 'sending' && !inFlight.has(r.id)) {
        // The worker stopped mid-attempt: it may have landed. Resend with the same id; the endpoint dedupes.
        r.state = 'failed';
        r.lastError = 'interrupted';
        r.nextAttemptAt = now;
        r.updatedAt = now;
      }
      if ((r.state === 'queued' || r.state === 'failed') && now >= r.createdAt + config.ttlMs) {
        r.state = 'expired';
        r.updatedAt = now;
        delete r.nextAttemptAt;
      }
      if (r.poll && (r.resolved || now > r.poll.until)) delete r.poll;
    }
    const finished = data.records.filter((r) => !PENDING_STATES.includes(r.state) && !r.poll);
    const drop = new Set(finished.filter((r) => now - r.updatedAt > config.historyMs).map((r) => r.id));
    const kept = finished.filter((r) => !drop.has(r.id)).sort((a, b) => b.updatedAt - a.updatedAt);
    for (const r of kept.slice(config.maxHistory)) drop.add(r.id);
    if (drop.size) data.records = data.records.filter((r) => !drop.has(r.id));
  }

  async function nextWakeAt(): Promise<number | undefined> {
    return exclusive((data) => {
      let next: number | undefined;
      const at = (t: number) => (next = next === undefined ? t : Math.min(next, t));
      for (const r of data.records) {
        if (r.state === 'queued' || r.state === 'failed') {
          at(r.nextAttemptAt ?? r.createdAt);
          at(r.createdAt + config.ttlMs);
        } else if (r.state === 'sending' && !inFlight.has(r.id)) at(deps.now());
        if (r.poll) at(r.poll.nextAt);
      }
      return next;
    }, false);
  }

  return {
    enqueue,
    tick,
    async retryNow() {
      await exclusive((data) => {
        const now = deps.now();
        for (const r of data.records) if (r.state === 'failed' || r.state === 'queued') r.nextAttemptAt = now;
      }, true);
      return tick();
    },
    resolve: (id) =>
      exclusive((data) => {
        const r = data.records.find((x) => x.id === id);
        if (!r) return false;
        r.resolved = true;
        delete r.poll;
        r.updatedAt = deps.now();
        return true;
      }, true),
    dismiss: (id) =>
      exclusive((data) => {
        const i = data.records.findIndex((x) => x.id === id && !PENDING_STATES.includes(x.state));
        if (i < 0) return false;
        data.records.splice(i, 1);
        return true;
      }, true),
    list: () => exclusive((data) => data.records.map(withoutPayload).sort((a, b) => b.createdAt - a.createdAt), false),
    report: (id) =>
      exclusive((data) => {
        const payload = data.records.find((x) => x.id === id)?.payload;
        return payload ? (JSON.parse(payload) as KokoroeReport) : undefined;
      }, false),
    nextWakeAt,
  };
}

/** `GET <endpoint>/<id>`: the id appended as one more path segment. */
export function answerUrl(endpoint: string, id: string): string {
  const url = new URL(endpoint);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(id)}`;
  url.search = '';
  return url.href;
}

function summaryOf(report: KokoroeReport): OutboxRecord['summary'] {
  const s: OutboxRecord['summary'] = {};
  const from = report.message.from?.address ?? report.message.from?.name;
  if (from) s.from = from.slice(0, 200);
  if (report.message.subject) s.subject = report.message.subject.slice(0, 200);
  return s;
}

function withoutPayload(r: OutboxRecord): OutboxRecord {
  const { payload: _payload, ...rest } = r;
  return structuredClone(rest);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Stored data is re-validated on every load: a corrupted record is left out rather than crash the worker. */
function validate(input: unknown): OutboxData {
  const data: OutboxData = { version: 1, records: [] };
  if (!input || typeof input !== 'object') return data;
  const records = (input as { records?: unknown }).records;
  if (!Array.isArray(records)) return data;
  for (const r of records) if (isRecord(r)) data.records.push(r);
  return data;
}

function isRecord(r: unknown): r is OutboxRecord {
  if (!r || typeof r !== 'object') return false;
  const o = r as Record<string, unknown>;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  return (
    isReportId(o.id) &&
    REPORT_KINDS.includes(o.kind as never) &&
    OUTBOX_STATES.includes(o.state as never) &&
    num(o.createdAt) &&
    num(o.updatedAt) &&
    num(o.attempts) &&
    num(o.bytes) &&
    (o.payload === undefined || typeof o.payload === 'string') &&
    typeof o.summary === 'object' &&
    o.summary !== null
  );
}
