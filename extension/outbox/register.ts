/**
 * The outbox in the service worker: wires the host-free state machine (shared/outbox) to
 * storage.local, fetch and alarms, answers the consult page and popup over the
 * `kokoroe-outbox` port, and keeps the `consults` key (consult pending / answered) in step.
 *
 * Call `registerOutbox()` once, synchronously, at the top of the background entrypoint, so its
 * listeners (alarm, port) are registered in the worker's first turn and wake it. Each start of
 * the worker resumes the outbox: interrupted attempts are resent with the same id.
 *
 * What it must never do: send anything before the user pressed 「送信」 (only a consult-send
 * request enqueues); take a destination from a page or content script (the endpoint and the
 * mailbox come from policy); answer anything but our own extension pages on its port.
 */
import { browser } from 'wxt/browser';
import type { MailSnapshot, Verdict } from '../../shared/model';
import { createOutbox, reportChannel, type Outbox, type OutboxConfig, type OutboxRecord } from '../../shared/outbox';
import type { Policy } from '../../shared/policy/types';
import { evaluatePosture } from '../../shared/posture/evaluate-posture';
import type { PostureFacts, PostureVerdict } from '../../shared/posture/types';
import { buildReport } from '../../shared/report/build-report';
import { buildMailto } from '../../shared/report/mailto';
import type { KokoroeReport, ReportKind } from '../../shared/report/types';
import { readBrowserFacts } from '../policy/browser-facts';
import { acceptOriginalUrl, loadConsultRequest, storeConsultRequest, type ConsultRequest } from './consult-requests';
import { CONSULTS_KEY, consultsFromRecords, readConsults, type ConsultMap } from './consults';
import { fetchTransport, type FetchTransportOptions } from './fetch-transport';
import { fetchOriginal } from './original';
import { OUTBOX_PORT, validateOutboxRequest, type ConsultView, type OutboxAnswer, type OutboxRequest } from './protocol';
import { browserOutboxStorage } from './storage-adapter';

export const OUTBOX_ALARM = 'kokoroe-outbox';

export interface RegisterOutboxOptions {
  /** The effective policy (managed → deployed → local → default), read at each use. */
  getPolicy(): Promise<Policy>;
  /** The device's posture for reports; evaluated from the browser version and policy when absent. */
  getPosture?(policy: Policy): Promise<PostureVerdict | undefined>;
  /** Origins the content scripts run on (fixed webmail hosts + policy's Roundcube origins). */
  webmailOrigins?(): Promise<readonly string[]>;
  config?: Partial<OutboxConfig>;
  transport?: FetchTransportOptions;
}

export interface OutboxService {
  outbox: Outbox;
  /**
   * For the background's `open-consult` handler: keeps what the consult is about (session
   * storage) and opens consult.html?id=… in a new tab. `senderUrl` is the content script's
   * page URL (sender.url), used to accept `originalUrl` only on that same webmail origin.
   */
  openConsult(request: { key: string; snapshot?: MailSnapshot; verdict?: Verdict; originalUrl?: string; mode?: 'consult' | 'opened' }, senderUrl?: string): Promise<{ id: string }>;
  /** Runs due work now and re-arms the alarm. */
  kick(): Promise<void>;
}

const DEFAULT_WEBMAIL_ORIGINS = ['https://mail.google.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://outlook.live.com'];

/** The verdict used when a consult is not about one message (from the gate or the popup). */
const NO_MESSAGE_VERDICT: Verdict = { level: 'caution', findings: [], unchecked: ['message'] };

let registered: OutboxService | undefined;

export function registerOutbox(options: RegisterOutboxOptions): OutboxService {
  if (registered) return registered;
  let consultChain: Promise<unknown> = Promise.resolve();
  /** Serialised read-modify-write of the consults key. */
  const updateConsults = (fn: (map: ConsultMap) => ConsultMap | Promise<ConsultMap>) => {
    const run = consultChain.then(async () => {
      const next = await fn(await readConsults());
      await browser.storage.local.set({ [CONSULTS_KEY]: next });
    });
    consultChain = run.catch(() => undefined);
    return run;
  };

  const outbox = createOutbox(
    {
      storage: browserOutboxStorage(),
      transport: fetchTransport(options.transport),
      channel: { endpoint: async () => reportChannel(await options.getPolicy()) },
      now: () => Date.now(),
      random: () => Math.random(),
      onChange: (records: readonly OutboxRecord[]) => updateConsults((map) => consultsFromRecords(map, records, Date.now())),
    },
    options.config,
  );

  let ticking: Promise<void> | undefined;
  let again = false;
  function kick(): Promise<void> {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = (async () => {
      do {
        again = false;
        try {
          await outbox.tick();
        } catch (error) {
          console.warn('outbox tick failed', error);
        }
      } while (again);
      await schedule();
    })().finally(() => {
      ticking = undefined;
    });
    return ticking;
  }

  async function schedule(): Promise<void> {
    const next = await outbox.nextWakeAt();
    if (next === undefined) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(next, Date.now() + 1_000) });
  }

  async function posture(policy: Policy): Promise<PostureVerdict | undefined> {
    try {
      if (options.getPosture) return await options.getPosture(policy);
      return evaluatePosture(await browserFacts(), policy, new Date());
    } catch {
      return undefined;
    }
  }

  async function report(request: ConsultRequest | undefined, kind: ReportKind, policy: Policy, extra: { comment?: string; includeOriginal: boolean; original?: Uint8Array }): Promise<KokoroeReport> {
    const snapshot: MailSnapshot = request?.snapshot ?? { host: 'unknown' };
    const built = buildReport({
      kind,
      snapshot,
      verdict: request?.verdict ?? NO_MESSAGE_VERDICT,
      posture: await posture(policy),
      policy,
      client: { host: snapshot.host, extensionVersion: browser.runtime.getManifest().version, browser: await browserLabel() },
      comment: extra.comment,
      includeOriginal: extra.includeOriginal,
      original: extra.original,
      now: new Date(),
    });
    return built.report;
  }

  async function requestFor(id: string | undefined): Promise<ConsultRequest | undefined | 'missing'> {
    if (!id) return undefined;
    return (await loadConsultRequest(id)) ?? 'missing';
  }

  async function handle(request: OutboxRequest): Promise<OutboxAnswer<Record<string, unknown>>> {
    switch (request.type) {
      case 'consult-get': {
        const req = await requestFor(request.id);
        if (req === 'missing') return { ok: false, error: 'not-found' };
        const policy = await options.getPolicy();
        const preview = await report(req, req?.mode === 'opened' ? 'opened-already' : 'consult', policy, { includeOriginal: false });
        const view: ConsultView = {
          preview,
          contacts: pick(policy),
          reportOriginal: policy.reportOriginal,
          channels: { endpoint: !!reportChannel(policy), mail: !!buildMailto(policy, preview) },
          originalSource: policy.reportOriginal !== 'ask' ? 'none' : req?.originalUrl ? 'eml' : req?.snapshot?.text || req?.snapshot?.html ? 'body' : 'none',
        };
        if (request.id) view.id = request.id;
        if (req) {
          view.key = req.key;
          const consult = (await readConsults())[req.key];
          if (consult) view.consult = consult;
        }
        return { ok: true, view };
      }
      case 'consult-send': {
        const req = await requestFor(request.id);
        if (req === 'missing') return { ok: false, error: 'not-found' };
        const policy = await options.getPolicy();
        const includeOriginal = request.includeOriginal && policy.reportOriginal === 'ask';
        // Fetched only now, after the click, and only when ticked.
        const original = includeOriginal && req?.originalUrl ? await fetchOriginal(req.originalUrl) : undefined;
        const built = await report(req, request.kind, policy, { comment: request.comment, includeOriginal, original });
        const result = await outbox.enqueue(built, req ? { messageKey: req.key } : {});
        if (!result.ok) {
          const mailto = buildMailto(policy, built, request.lang);
          return { ok: false, error: result.reason, reportId: built.id, ...(mailto ? { mailto } : {}) };
        }
        void kick();
        return { ok: true, reportId: built.id, state: result.record.state };
      }
      case 'consult-mail': {
        const req = await requestFor(request.id);
        if (req === 'missing') return { ok: false, error: 'not-found' };
        const policy = await options.getPolicy();
        const built = await report(req, request.kind, policy, { comment: request.comment, includeOriginal: false });
        const mailto = buildMailto(policy, built, request.lang);
        if (!mailto) return { ok: false, error: 'no-mailbox' };
        if (req) {
          const now = Date.now();
          await updateConsults((map) => ({ ...map, [req.key]: { reportId: built.id, status: 'pending', channel: 'mail', since: now, updatedAt: now } }));
        }
        return { ok: true, reportId: built.id, mailto };
      }
      case 'consult-resolve': {
        // Every report about this message is settled, or an older one would bring the pending state back.
        for (const r of await outbox.list()) if (r.messageKey === request.key && !r.resolved) await outbox.resolve(r.id);
        await updateConsults((map) => {
          const { [request.key]: _gone, ...rest } = map;
          return rest;
        });
        return { ok: true };
      }
      case 'outbox-list':
        return { ok: true, records: await outbox.list() };
      case 'outbox-retry':
        void outbox.retryNow().then(() => schedule(), () => schedule());
        return { ok: true };
      case 'outbox-dismiss':
        return (await outbox.dismiss(request.reportId)) ? { ok: true } : { ok: false, error: 'not-found' };
      case 'outbox-mailto': {
        const stored = await outbox.report(request.reportId);
        const mailto = stored && buildMailto(await options.getPolicy(), stored, request.lang);
        return mailto ? { ok: true, reportId: request.reportId, mailto } : { ok: false, error: stored ? 'no-mailbox' : 'not-found' };
      }
    }
  }

  // Listeners first, synchronously: these are what wake a stopped worker.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void kick();
  });
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== OUTBOX_PORT) return;
    const sender = port.sender;
    const base = browser.runtime.getURL('/');
    if (!sender || sender.id !== browser.runtime.id || typeof sender.url !== 'string' || !sender.url.startsWith(base)) {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const checked = validateOutboxRequest(message);
      const answer: Promise<OutboxAnswer<Record<string, unknown>>> = checked.ok
        ? handle(checked.request).catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }))
        : Promise.resolve({ ok: false as const, error: checked.error });
      void answer.then((a) => {
        try {
          port.postMessage(a);
        } catch {
          // The page went away; the outbox state is in storage either way.
        }
      });
    });
  });
  // Start-up: resume whatever a stopped worker or a closed browser left (interrupted attempts, due retries).
  void kick();

  registered = {
    outbox,
    kick,
    async openConsult(request, senderUrl) {
      const origins = options.webmailOrigins ? await options.webmailOrigins() : DEFAULT_WEBMAIL_ORIGINS;
      const originalUrl = acceptOriginalUrl(request.originalUrl, senderUrl, origins);
      const id = await storeConsultRequest({
        key: request.key,
        ...(request.snapshot ? { snapshot: request.snapshot } : {}),
        ...(request.verdict ? { verdict: request.verdict } : {}),
        ...(originalUrl ? { originalUrl } : {}),
        mode: request.mode ?? 'consult',
      });
      const query = new URLSearchParams({ id });
      if (request.mode === 'opened') query.set('mode', 'opened');
      await browser.tabs.create({ url: `${browser.runtime.getURL('/consult.html')}?${query.toString()}` });
      return { id };
    },
  };
  return registered;
}

function pick(policy: Policy): ConsultView['contacts'] {
  const out: ConsultView['contacts'] = {};
  if (policy.adminContact) out.adminContact = policy.adminContact;
  if (policy.afterHoursContact) out.afterHoursContact = policy.afterHoursContact;
  if (policy.orgName) out.orgName = policy.orgName;
  return out;
}

let facts: Promise<PostureFacts> | undefined;

/** What the browser can say about itself, read the way the background reads it for the gate. */
function browserFacts(): Promise<PostureFacts> {
  facts ??= readBrowserFacts({
    getBrowserInfo: (browser.runtime as { getBrowserInfo?: () => Promise<{ name: string; version: string }> }).getBrowserInfo,
    userAgentData: (navigator as Navigator & { userAgentData?: never }).userAgentData,
    userAgent: navigator.userAgent,
  }).catch(() => ({}));
  return facts;
}

async function browserLabel(): Promise<string | undefined> {
  const b = (await browserFacts()).browser;
  return b ? `${b.name} ${b.version}` : undefined;
}
