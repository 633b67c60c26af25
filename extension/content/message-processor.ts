/**
 * Turns the open messages of a page into banners, outlines and guarded targets, once per
 * message. A message is tracked by the adapter's key: reading the page again finds the same key
 * and does nothing but put the banner back if the webmail removed it. A message is read and
 * scanned again only when what the page shows of it changed shape (its body arrived, links or
 * attachment chips appeared) or the policy changed.
 *
 * Scanning is asynchronous (the worker scans); while a scan is in flight the message is
 * "pending": further page changes only update which DOM nodes it lives in, and an answer for an
 * outdated read is dropped. A message that could not be read fully is never shown as safe.
 * Never writes into the mail body other than the outline on flagged elements.
 */
import type { Finding, MailSnapshot, Verdict } from '../../shared/model';
import type { MailProviderAdapter, MessageView } from '../hosts/types';
import type { BannerHandle, BannerOptions, ConsultState } from '../ui/banner';
import type { GuardedTarget } from '../ui/guard';
import type { Lang } from '../messages';
import { neverSafeWhenIncomplete } from './verdict-rules';

export { neverSafeWhenIncomplete } from './verdict-rules';

export interface ProcessorUi {
  mountBanner(doc: Document, place: { parent: Element; before: Node | null }, options: BannerOptions): BannerHandle;
  outlineElements(elements: readonly Element[], level: 'caution' | 'danger'): () => void;
}

export interface ProcessorDeps {
  doc: Document;
  adapter: MailProviderAdapter;
  ui: ProcessorUi;
  /** Scans one snapshot (in the worker); must resolve, with a caution verdict on failure. */
  scan(key: string, snapshot: MailSnapshot): Promise<Verdict>;
  /** Called when a message's verdict is new or changed. */
  onVerdict?(key: string, snapshot: MailSnapshot, verdict: Verdict): void;
  onConsult(key: string, snapshot: MailSnapshot, verdict: Verdict, originalUrl: string | undefined): void;
}

interface Tracked {
  key: string;
  view: MessageView;
  shape: string;
  snapshot: MailSnapshot;
  /** Absent while the first scan is in flight. */
  verdict?: Verdict;
  /** Where the provider serves the raw message (for a consult that includes the original). */
  originalUrl?: string;
  /** What `verdict` was computed from: its indexes refer to these links and chips. */
  scanned?: { snapshot: MailSnapshot; links: Element[]; chips: Element[] };
  banner?: BannerHandle;
  links: Element[];
  chips: Element[];
  undoOutline: () => void;
  /** Context version the current read was scanned with. */
  version: number;
  /** Increases with every read; a scan answer for an older ticket is dropped. */
  ticket: number;
}

export interface MessageProcessor {
  /** Reads the page; cheap when nothing changed. */
  process(): void;
  /** New policy (rescan everything on the next process()) and/or language. */
  setContext(next: { policyChanged: boolean; lang: Lang }): void;
  /** Consult state per message key (from the outbox): shown on banners; pending keeps links guarded. */
  setConsults(consults: Readonly<Record<string, ConsultState>>): void;
  /** The guard's resolver: the flagged link or chip `el` is, if any. */
  resolveGuarded(el: Element): GuardedTarget | undefined;
  /** The message key a target returned by resolveGuarded belongs to. */
  keyOf(target: GuardedTarget): string | undefined;
  trackedKeys(): string[];
  /** Resolves when no scan is in flight (tests, benchmarks). */
  idle(): Promise<void>;
  stop(): void;
}

const FLAG_SEVERITIES = new Set(['caution', 'danger']);

export function createMessageProcessor(deps: ProcessorDeps, initial: { lang: Lang }): MessageProcessor {
  const tracked = new Map<string, Tracked>();
  let lang = initial.lang;
  let contextVersion = 0;
  let stopped = false;
  const inflight = new Set<Promise<void>>();
  const guardedKeys = new WeakMap<GuardedTarget, string>();
  let consults: Readonly<Record<string, ConsultState>> = {};
  const consultOf = (key: string): ConsultState => consults[key] ?? { status: 'none' };

  const forget = (t: Tracked): void => {
    t.undoOutline();
    t.banner?.remove();
    tracked.delete(t.key);
  };

  const elementFor = (t: Tracked, f: Finding): Element | undefined => {
    if (f.target.index === undefined || !t.scanned) return undefined;
    if (f.target.kind === 'link') return t.scanned.links[f.target.index];
    if (f.target.kind === 'attachment') return t.scanned.chips[f.target.index];
    return undefined;
  };

  const outline = (t: Tracked): void => {
    t.undoOutline();
    const verdict = t.verdict;
    if (!verdict) {
      t.undoOutline = () => undefined;
      return;
    }
    const danger = new Set<Element>();
    const caution = new Set<Element>();
    for (const f of verdict.findings) {
      const el = elementFor(t, f);
      if (!el) continue;
      if (f.severity === 'danger') danger.add(el);
      else if (f.severity === 'caution') caution.add(el);
    }
    // An element flagged danger is not also outlined as caution.
    for (const el of danger) caution.delete(el);
    const undos: (() => void)[] = [];
    if (danger.size > 0) undos.push(deps.ui.outlineElements([...danger], 'danger'));
    if (caution.size > 0) undos.push(deps.ui.outlineElements([...caution], 'caution'));
    t.undoOutline = () => undos.forEach((u) => u());
  };

  const apply = (t: Tracked, verdict: Verdict, scanned: NonNullable<Tracked['scanned']>): void => {
    const changed = JSON.stringify(t.verdict) !== JSON.stringify(verdict);
    t.verdict = verdict;
    t.scanned = scanned;
    if (!t.banner) {
      t.banner = deps.ui.mountBanner(deps.doc, deps.adapter.anchorForBanner(t.view), {
        verdict,
        lang,
        consult: consultOf(t.key),
        onConsult: () => {
          if (t.verdict && t.scanned) deps.onConsult(t.key, t.scanned.snapshot, t.verdict, t.originalUrl);
        },
        onDetails: () => undefined,
      });
    } else {
      if (changed) t.banner.update({ verdict, lang });
      if (!t.banner.isAttached()) t.banner.reattach(deps.adapter.anchorForBanner(t.view));
    }
    outline(t);
    if (changed) deps.onVerdict?.(t.key, scanned.snapshot, verdict);
  };

  const scan = (t: Tracked): void => {
    const ticket = ++t.ticket;
    const snapshot = t.snapshot;
    const scanned = { snapshot, links: t.links, chips: t.chips };
    const job = deps
      .scan(t.key, snapshot)
      .then((verdict) => {
        if (stopped || tracked.get(t.key) !== t || t.ticket !== ticket) return;
        apply(t, neverSafeWhenIncomplete(snapshot, verdict), scanned);
      })
      .catch((error: unknown) => console.warn('Kokoroe: scan failed', error))
      .finally(() => inflight.delete(job));
    inflight.add(job);
  };

  const process = (): void => {
    if (stopped) return;
    const { doc, adapter } = deps;
    // Cheap check first: one selector query when no message is open.
    if (!adapter.hasOpenMessage(doc)) {
      for (const t of [...tracked.values()]) forget(t);
      return;
    }
    const seen = new Set<string>();
    for (const view of adapter.findOpenMessages(doc)) {
      const key = adapter.messageKey(view);
      if (seen.has(key)) continue;
      seen.add(key);
      const links = adapter.linkElements(view);
      const chips = adapter.attachmentElements(view);
      const shape = `${view.body ? 1 : 0}:${links.length}:${chips.length}`;
      const existing = tracked.get(key);

      if (existing && existing.shape === shape && existing.version === contextVersion) {
        const sameNodes = existing.view.root === view.root && existing.view.body === view.body;
        if (!sameNodes) {
          // The webmail redrew the message: same content, new nodes. Move our marks along.
          existing.view = view;
          existing.links = links;
          existing.chips = chips;
          // Same shape: the last verdict's indexes still line up with the new nodes.
          if (existing.scanned) existing.scanned = { ...existing.scanned, links, chips };
          outline(existing);
        }
        if (existing.banner && (!sameNodes || !existing.banner.isAttached())) existing.banner.reattach(adapter.anchorForBanner(view));
        continue;
      }

      const entry: Tracked = existing ?? { key, view, shape, snapshot: { host: 'unknown' }, links, chips, undoOutline: () => undefined, version: contextVersion, ticket: 0 };
      entry.view = view;
      entry.shape = shape;
      entry.links = links;
      entry.chips = chips;
      entry.version = contextVersion;
      entry.snapshot = adapter.readSnapshot(view);
      entry.originalUrl = adapter.originalUrl?.(view);
      tracked.set(key, entry);
      scan(entry);
    }
    for (const t of [...tracked.values()]) if (!seen.has(t.key)) forget(t);
  };

  const guardedTarget = (t: Tracked, kind: 'link' | 'attachment', index: number): GuardedTarget | undefined => {
    if (!t.verdict || !t.scanned) return undefined;
    const findings = guardFindings(t.verdict, kind, index, consultOf(t.key).status !== 'none');
    if (!findings) return undefined;
    const snap = t.scanned.snapshot;
    const target: GuardedTarget =
      kind === 'link'
        ? { kind, href: snap.anchors?.[index]?.href, text: snap.anchors?.[index]?.text ?? '', index, findings }
        : { kind, text: snap.attachments?.[index]?.name ?? '', index, findings };
    guardedKeys.set(target, t.key);
    return target;
  };

  return {
    process,
    setContext(next) {
      if (next.policyChanged) contextVersion++;
      if (next.lang !== lang) {
        lang = next.lang;
        for (const t of tracked.values()) t.banner?.update({ lang });
      }
    },
    setConsults(next) {
      consults = next;
      for (const t of tracked.values()) t.banner?.update({ consult: consultOf(t.key) });
    },
    resolveGuarded(el) {
      for (const t of tracked.values()) {
        if (!t.scanned) continue;
        const linkIndex = t.scanned.links.indexOf(el);
        if (linkIndex >= 0) return guardedTarget(t, 'link', linkIndex);
        const chipIndex = t.scanned.chips.indexOf(el);
        if (chipIndex >= 0) return guardedTarget(t, 'attachment', chipIndex);
      }
      return undefined;
    },
    keyOf: (target) => guardedKeys.get(target),
    trackedKeys: () => [...tracked.keys()],
    async idle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    stop() {
      stopped = true;
      for (const t of [...tracked.values()]) forget(t);
    },
  };
}

/**
 * Findings that make a click on this link/chip go to the warning page: its own caution or
 * danger findings; when the whole message is dangerous (a spoofed sender, say), every link and
 * attachment in it is guarded with the message's findings. Returns undefined when the click may
 * pass. While a consult about the message is open (IT has not closed it), every link and
 * attachment stays guarded, with whatever findings there are (possibly none).
 */
export function guardFindings(verdict: Verdict, kind: 'link' | 'attachment', index: number, consultOpen = false): Finding[] | undefined {
  const own = verdict.findings.filter((f) => f.target.kind === kind && f.target.index === index && FLAG_SEVERITIES.has(f.severity));
  if (own.length > 0) return own;
  const messageLevel = verdict.findings.filter((f) => FLAG_SEVERITIES.has(f.severity) && f.target.kind !== 'link' && f.target.kind !== 'attachment');
  if (verdict.level === 'danger' || consultOpen) return messageLevel;
  return undefined;
}
