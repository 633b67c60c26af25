import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createOutbox, OUTBOX_DEFAULTS, type OutboxData, type OutboxDeps, type OutboxRecord, type TransportResult } from '../../../shared/outbox';
import { buildReport } from '../../../shared/report';
import type { KokoroeReport, ReportKind } from '../../../shared/report';
import { phishSnapshot, phishVerdict, policyWith } from '../report/report-fixtures';

const START = Date.parse('2026-11-26T09:00:00Z');
const ENDPOINT = { url: 'https://it.hospital.example.jp/kokoroe/reports', token: 'tok-123' };

function makeReport(kind: ReportKind = 'consult', comment?: string): KokoroeReport {
  return buildReport({ kind, snapshot: phishSnapshot(), verdict: phishVerdict(), policy: policyWith({}), client: { host: 'gmail' }, includeOriginal: false, comment, now: new Date(Date.now()) }).report;
}

/** Storage that survives "restarts" (a new outbox over the same object), like storage.local. */
function memoryStorage() {
  let stored: unknown;
  return {
    load: async () => (stored === undefined ? undefined : structuredClone(stored)),
    save: async (data: OutboxData) => {
      stored = structuredClone(data);
    },
    peek: () => stored as OutboxData | undefined,
    poke: (v: unknown) => {
      stored = v;
    },
  };
}

type Behaviour = (call: { url: string; token?: string; body: string; id: string }) => Promise<TransportResult>;

/** An endpoint that dedupes by id like the contract asks; `behaviour` decides each POST's fate. */
function fakeEndpoint() {
  const received = new Map<string, number>();
  const posts: { id: string; token?: string; url: string; at: number }[] = [];
  const gets: string[] = [];
  let behaviour: Behaviour = async () => ({ ok: true, status: 201 });
  let answers: (url: string) => TransportResult = () => ({ ok: true, status: 404 });
  const transport = {
    post: async (req: { url: string; token?: string; body: string; id: string }) => {
      posts.push({ id: req.id, token: req.token, url: req.url, at: Date.now() });
      expect(JSON.parse(req.body).id).toBe(req.id);
      const result = await behaviour(req);
      return result;
    },
    get: async (req: { url: string }) => {
      gets.push(req.url);
      return answers(req.url);
    },
  };
  return {
    transport,
    posts,
    gets,
    received,
    set(b: Behaviour) {
      behaviour = b;
    },
    setAnswers(a: (url: string) => TransportResult) {
      answers = a;
    },
    /** The server accepted this POST (whether or not the client hears back). */
    land(id: string) {
      received.set(id, (received.get(id) ?? 0) + 1);
    },
  };
}

function setup(options: Partial<typeof OUTBOX_DEFAULTS> = {}, endpoint: { url: string; token?: string } | null = ENDPOINT) {
  const storage = memoryStorage();
  const server = fakeEndpoint();
  const changes: OutboxRecord[][] = [];
  let channel: { url: string; token?: string } | undefined = endpoint ?? undefined;
  const deps: OutboxDeps = {
    storage,
    transport: server.transport,
    channel: { endpoint: async () => channel },
    now: () => Date.now(),
    random: () => 0.5,
    onChange: (records) => {
      changes.push([...records]);
    },
  };
  const make = () => createOutbox(deps, options);
  return { storage, server, changes, deps, outbox: make(), restart: make, setChannel: (c: typeof channel) => (channel = c) };
}

/** Plays the alarm: runs ticks, jumping the fake clock to each wake time, until idle or `until`. */
async function runAlarms(outbox: ReturnType<typeof createOutbox>, until: number) {
  for (let i = 0; i < 500; i++) {
    const next = await outbox.tick();
    if (next === undefined || next > until) return;
    if (next > Date.now()) vi.setSystemTime(next);
  }
  throw new Error('alarm loop did not settle');
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('outbox', () => {
  it('saves a report before any attempt, and sends nothing until ticked', async () => {
    const { outbox, storage, server } = setup();
    const report = makeReport();
    const result = await outbox.enqueue(report, { messageKey: 'gmail:abc' });
    expect(result).toMatchObject({ ok: true, record: { id: report.id, state: 'queued', attempts: 0, messageKey: 'gmail:abc' } });
    expect(storage.peek()!.records).toHaveLength(1);
    expect(JSON.parse(storage.peek()!.records[0]!.payload!)).toEqual(report);
    expect(server.posts).toEqual([]);
    await outbox.tick();
    expect(server.posts).toEqual([{ id: report.id, token: 'tok-123', url: ENDPOINT.url, at: START }]);
    expect((await outbox.list())[0]).toMatchObject({ state: 'delivered', attempts: 1, deliveredAt: START });
    expect(storage.peek()!.records[0]!.payload).toBeUndefined();
  });

  it('marks the record sending, saved, before the request goes out', async () => {
    const { outbox, storage, server } = setup();
    const report = makeReport();
    await outbox.enqueue(report);
    let seen: string | undefined;
    server.set(async () => {
      seen = storage.peek()!.records[0]!.state;
      return { ok: true, status: 200 };
    });
    await outbox.tick();
    expect(seen).toBe('sending');
  });

  it('retries 503, hanging requests and refused connections with growing delays, then delivers exactly once', async () => {
    const { outbox, server } = setup();
    const report = makeReport();
    await outbox.enqueue(report);
    const script: Behaviour[] = [
      async () => ({ ok: true, status: 503 }),
      () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: 'timeout' }), 30_000)),
      async () => ({ ok: false, error: 'network', detail: 'ECONNREFUSED' }),
      async () => ({ ok: true, status: 429 }),
      async () => {
        throw new Error('socket hang up');
      },
    ];
    server.set((req) => {
      const step = script[server.posts.length - 1];
      if (step) return step(req);
      server.land(req.id);
      return Promise.resolve({ ok: true, status: 202 });
    });
    // The hanging attempt resolves on the fake clock: run ticks and timers together.
    for (let i = 0; i < 20 && (await outbox.list())[0]!.state !== 'delivered'; i++) {
      const ticking = outbox.tick();
      await vi.advanceTimersByTimeAsync(30_000);
      const next = await ticking;
      if (next !== undefined && next > Date.now()) vi.setSystemTime(next);
    }
    const [record] = await outbox.list();
    expect(record).toMatchObject({ state: 'delivered', attempts: 6 });
    expect(server.posts.map((p) => p.id)).toEqual(Array(6).fill(report.id));
    expect(server.received.get(report.id)).toBe(1);
    const gaps = server.posts.slice(1).map((p, i) => p.at - server.posts[i]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(backoffDelay(1, () => 0, OUTBOX_DEFAULTS.backoffBaseMs, OUTBOX_DEFAULTS.backoffCapMs));
    expect(gaps[3]!).toBeGreaterThan(gaps[0]!);
    // Nothing is ever sent again.
    vi.setSystemTime(Date.now() + 10 * 3_600_000);
    await runAlarms(outbox, Date.now() + 24 * 3_600_000);
    expect(server.posts).toHaveLength(6);
  });

  it('resends with the same id after a restart in the sending state; the endpoint dedupes', async () => {
    const { outbox, restart, server, storage } = setup();
    const report = makeReport();
    await outbox.enqueue(report);
    // First attempt lands at the server, but the worker dies before the answer arrives.
    server.set((req) => {
      server.land(req.id);
      return new Promise(() => undefined);
    });
    void outbox.tick();
    await vi.advanceTimersByTimeAsync(10);
    expect(storage.peek()!.records[0]).toMatchObject({ state: 'sending', attempts: 1 });

    const revived = restart();
    server.set(async (req) => {
      const already = server.received.has(req.id);
      if (!already) server.land(req.id);
      return { ok: true, status: already ? 409 : 201 };
    });
    await revived.tick();
    expect(server.posts.map((p) => p.id)).toEqual([report.id, report.id]);
    expect(server.received.get(report.id)).toBe(1);
    expect((await revived.list())[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('treats 4xx other than 408/429 as final and keeps the report for the mail channel', async () => {
    const { outbox, server } = setup();
    const report = makeReport();
    await outbox.enqueue(report);
    server.set(async () => ({ ok: true, status: 401 }));
    await runAlarms(outbox, Date.now() + 3_600_000);
    expect(server.posts).toHaveLength(1);
    expect((await outbox.list())[0]).toMatchObject({ state: 'rejected', lastError: 'http 401' });
    expect(await outbox.report(report.id)).toEqual(report);
    expect(await outbox.dismiss(report.id)).toBe(true);
    expect(await outbox.list()).toEqual([]);
  });

  it('expires a report that could not be delivered within the time-to-live, and stops', async () => {
    const { outbox, server } = setup({ ttlMs: 6 * 3_600_000 });
    await outbox.enqueue(makeReport());
    server.set(async () => ({ ok: true, status: 503 }));
    await runAlarms(outbox, START + 48 * 3_600_000);
    const [record] = await outbox.list();
    expect(record!.state).toBe('expired');
    const attempts = server.posts.length;
    expect(attempts).toBeGreaterThan(3);
    expect(server.posts.every((p) => p.at < START + 6 * 3_600_000)).toBe(true);
    vi.setSystemTime(START + 50 * 3_600_000);
    await outbox.tick();
    expect(server.posts).toHaveLength(attempts);
  });

  it('refuses, with a reason, what it cannot hold — never dropping silently', async () => {
    const base = new TextEncoder().encode(JSON.stringify(makeReport())).length;
    const { outbox } = setup({ maxPending: 2, maxBytes: 3 * base + 1_000 });
    expect(await outbox.enqueue({ ...makeReport(), id: 'nope' })).toEqual({ ok: false, reason: 'invalid' });
    const a = makeReport();
    expect((await outbox.enqueue(a)).ok).toBe(true);
    expect(await outbox.enqueue(a)).toEqual({ ok: false, reason: 'duplicate' });
    expect(await outbox.enqueue(makeReport('report', 'あ'.repeat(1_000)))).toEqual({ ok: false, reason: 'outbox-bytes' });
    const tiny = setup({ maxBytes: base + 100 });
    expect(await tiny.outbox.enqueue(makeReport('report', 'x'.repeat(1_000)))).toEqual({ ok: false, reason: 'too-large' });
    expect((await outbox.enqueue(makeReport())).ok).toBe(true);
    expect(await outbox.enqueue(makeReport())).toEqual({ ok: false, reason: 'outbox-full' });
    expect((await outbox.list()).map((r) => r.state)).toEqual(['queued', 'queued']);


    const none = setup({}, null);
    expect(await none.outbox.enqueue(makeReport())).toEqual({ ok: false, reason: 'no-endpoint' });
  });

  it('keeps waiting, with backoff, when policy loses its endpoint, and sends once it is back', async () => {
    const { outbox, server, setChannel } = setup();
    const report = makeReport();
    await outbox.enqueue(report);
    setChannel(undefined);
    await outbox.tick();
    expect((await outbox.list())[0]).toMatchObject({ state: 'failed', lastError: 'no-endpoint' });
    setChannel(ENDPOINT);
    await runAlarms(outbox, Date.now() + 3_600_000);
    expect(server.posts.map((p) => p.id)).toEqual([report.id]);
  });

  it('polls answers for delivered consults, gently, until answered', async () => {
    const { outbox, server } = setup();
    const report = makeReport('consult');
    await outbox.enqueue(report, { messageKey: 'gmail:1' });
    let status = 'pending';
    server.setAnswers(() => ({ ok: true, status: 200, body: JSON.stringify(status === 'pending' ? { status } : { status, answer: 'delete', note: '削除してください' }) }));
    await outbox.tick();
    expect(server.gets).toEqual([]);
    await runAlarms(outbox, START + 20 * 60_000);
    expect(server.gets.length).toBeGreaterThanOrEqual(3);
    expect(server.gets.length).toBeLessThanOrEqual(8);
    expect(new Set(server.gets)).toEqual(new Set([`${ENDPOINT.url}/${report.id}`]));
    status = 'answered';
    await runAlarms(outbox, START + 2 * 3_600_000);
    const [record] = await outbox.list();
    expect(record).toMatchObject({ state: 'delivered', answer: { status: 'answered', answer: 'delete', note: '削除してください' } });
    expect(record!.poll).toBeUndefined();
    const polls = server.gets.length;
    await runAlarms(outbox, START + 48 * 3_600_000);
    expect(server.gets).toHaveLength(polls);
  });

  it('stops polling when the user resolves it, when the endpoint has no answers, and never polls plain reports', async () => {
    const a = setup();
    const consult = makeReport('consult');
    await a.outbox.enqueue(consult);
    await a.outbox.tick();
    expect(await a.outbox.resolve(consult.id)).toBe(true);
    await runAlarms(a.outbox, START + 24 * 3_600_000);
    expect(a.server.gets).toEqual([]);

    const b = setup();
    await b.outbox.enqueue(makeReport('opened-already'));
    await runAlarms(b.outbox, START + 24 * 3_600_000);
    expect(b.server.gets).toHaveLength(1);

    const c = setup();
    await c.outbox.enqueue(makeReport('report'));
    await runAlarms(c.outbox, START + 24 * 3_600_000);
    expect(c.server.gets).toEqual([]);
    expect((await c.outbox.list())[0]!.poll).toBeUndefined();
  });

  it('ignores corrupted stored data and notifies every saved change without payloads', async () => {
    const { outbox, storage, changes } = setup();
    storage.poke({ version: 1, records: [{ id: 'x' }, null, 'junk'] });
    expect(await outbox.list()).toEqual([]);
    await outbox.enqueue(makeReport());
    await outbox.tick();
    expect(changes.length).toBeGreaterThanOrEqual(3);
    expect(changes.flat().every((r) => r.payload === undefined)).toBe(true);
    expect(changes.at(-1)![0]!.state).toBe('delivered');
  });

  it('retryNow makes waiting reports due at once', async () => {
    const { outbox, server } = setup();
    await outbox.enqueue(makeReport());
    server.set(async () => ({ ok: true, status: 503 }));
    await outbox.tick();
    server.set(async () => ({ ok: true, status: 200 }));
    await outbox.tick();
    expect(server.posts).toHaveLength(1);
    await outbox.retryNow();
    expect(server.posts).toHaveLength(2);
    expect((await outbox.list())[0]!.state).toBe('delivered');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, with jitter in the upper half', () => {
    expect(backoffDelay(1, () => 0, 30_000, 3_600_000)).toBe(15_000);
    expect(backoffDelay(1, () => 0.999999, 30_000, 3_600_000)).toBe(30_000);
    expect(backoffDelay(3, () => 0.5, 30_000, 3_600_000)).toBe(90_000);
    expect(backoffDelay(40, () => 1, 30_000, 3_600_000)).toBe(3_600_000);
    expect(backoffDelay(40, () => 0, 30_000, 3_600_000)).toBe(1_800_000);
  });
});
