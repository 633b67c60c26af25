/**
 * Contracts of the durable outbox: records as stored, the injected storage, transport and
 * clock. The state machine (outbox.ts) is host-free; the extension supplies
 * browser.storage.local, fetch and alarms (extension/outbox/), tests supply fakes.
 */
import type { ReportAnswer } from '../report/answer';
import type { ReportKind } from '../report/types';

/**
 * queued → sending → delivered
 *                  → failed (retrying with backoff) → sending …
 *                  → rejected (the endpoint refused it: 4xx other than 408/429)
 * queued | failed  → expired (not delivered within the time-to-live)
 */
export type OutboxState = 'queued' | 'sending' | 'delivered' | 'failed' | 'expired' | 'rejected';

export const OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'delivered', 'failed', 'expired', 'rejected'];

/** States in which the record still waits to be delivered (and counts against the bounds). */
export const PENDING_STATES: readonly OutboxState[] = ['queued', 'sending', 'failed'];

export interface OutboxRecord {
  /** The report id (UUID): the idempotency key sent on every attempt. */
  id: string;
  kind: ReportKind;
  /** The webmail message the report is about, for the consult-pending state. */
  messageKey?: string;
  /** What the popup shows (already in the report; no body text). */
  summary: { from?: string; subject?: string };
  state: OutboxState;
  /** ms since epoch. */
  createdAt: number;
  updatedAt: number;
  /** Attempts started, including one interrupted by a stopped service worker. */
  attempts: number;
  nextAttemptAt?: number;
  lastAttemptAt?: number;
  /** `http 503`, `timeout`, `network: …`, `interrupted`, `no-endpoint`. */
  lastError?: string;
  deliveredAt?: number;
  /** The exact JSON body sent on every attempt; dropped once delivered. */
  payload?: string;
  /** UTF-8 bytes of payload (kept after the payload is dropped, for the record). */
  bytes: number;
  /** Answer polling for delivered consults. */
  poll?: { nextAt: number; interval: number; until: number };
  answer?: ReportAnswer;
  /** The user marked the matter resolved (stops polling). */
  resolved?: boolean;
}

export interface OutboxData {
  version: 1;
  records: OutboxRecord[];
}

export interface OutboxStorage {
  /** The stored data as last saved (any shape: it is validated on load), or undefined. */
  load(): Promise<unknown>;
  save(data: OutboxData): Promise<void>;
}

export type TransportResult =
  | { ok: true; status: number; body?: string }
  | { ok: false; error: 'timeout' | 'network'; detail?: string };

export interface OutboxTransport {
  /** POST `body` (JSON) to `url` with `Authorization: Bearer <token>` when a token is given. */
  post(request: { url: string; token?: string; body: string; id: string }): Promise<TransportResult>;
  /** GET `url` (answer polling). */
  get(request: { url: string; token?: string }): Promise<TransportResult>;
}

/** Where reports go right now, read from policy at each attempt; undefined when none is set. */
export interface OutboxChannel {
  endpoint(): Promise<{ url: string; token?: string } | undefined>;
}

export interface OutboxDeps {
  storage: OutboxStorage;
  transport: OutboxTransport;
  channel: OutboxChannel;
  now(): number;
  /** Uniform in [0, 1). */
  random(): number;
  /** Called after every change that was saved, with the records (without payloads). */
  onChange?(records: readonly OutboxRecord[]): void | Promise<void>;
}

export interface OutboxConfig {
  /** First retry delay. @default 30_000 (30 s) */
  backoffBaseMs: number;
  /** Longest retry delay. @default 3_600_000 (1 h) */
  backoffCapMs: number;
  /** Undelivered records expire after this and the user is told. @default 259_200_000 (72 h) */
  ttlMs: number;
  /** Reports waiting to be delivered at once; more are refused with a reason. @default 20 */
  maxPending: number;
  /** UTF-8 bytes of all stored payloads; more are refused with a reason. @default 6 MiB */
  maxBytes: number;
  /** Finished records kept for the popup (oldest dropped beyond this). @default 50 */
  maxHistory: number;
  /** Finished records are dropped after this. @default 604_800_000 (7 days) */
  historyMs: number;
  /** First answer poll after delivery. @default 60_000 (1 min) */
  pollFirstMs: number;
  /** Poll interval grows ×1.5 up to this. @default 900_000 (15 min) */
  pollMaxMs: number;
  /** Polling stops this long after delivery. @default 604_800_000 (7 days) */
  pollForMs: number;
}

export const OUTBOX_DEFAULTS: Readonly<OutboxConfig> = Object.freeze({
  backoffBaseMs: 30_000,
  backoffCapMs: 3_600_000,
  ttlMs: 72 * 3_600_000,
  maxPending: 20,
  maxBytes: 6 * 1024 * 1024,
  maxHistory: 50,
  historyMs: 7 * 24 * 3_600_000,
  pollFirstMs: 60_000,
  pollMaxMs: 900_000,
  pollForMs: 7 * 24 * 3_600_000,
});

/** Why a report was not accepted; the UI shows it and offers the mail channel. */
export type EnqueueRefusal = 'no-endpoint' | 'outbox-full' | 'outbox-bytes' | 'too-large' | 'duplicate' | 'invalid';

export type EnqueueResult = { ok: true; record: OutboxRecord } | { ok: false; reason: EnqueueRefusal };
