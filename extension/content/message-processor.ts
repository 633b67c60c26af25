/**
 * Turns the open messages of a page into banners, outlines and guarded targets, once per
 * message. A message is tracked by the adapter's key: reading the page again finds the same key
 * and does nothing but put the banner back if the webmail removed it. A message is read and
 * scanned again only when what the page shows of it changed shape (its body arrived, links or
 * attachment chips appeared) or the policy changed.
 *
 * A message that could not be read fully is never shown as safe: the scanner reports
 * `message-incomplete`, and this module enforces the rule again in case it did not.
 * Never writes into the mail body other than the outline on flagged elements.
 */
import type { Finding, MailSnapshot, Verdict } from '../../shared/model';
import type { Policy } from '../../shared/policy/types';
import type { MailProviderAdapter, MessageView } from '../hosts/types';
import type { BannerHandle, BannerOptions } from '../ui/banner';
import type { GuardedTarget } from '../ui/guard';
import type { Lang } from '../messages';

export interface ProcessorUi {
  mountBanner(doc: Document, place: { parent: Element; before: Node | null }, options: BannerOptions): BannerHandle;
  outlineElements(elements: readonly Element[], level: 'caution' | 'danger'): () => void;
}

export interface ProcessorDeps {
  doc: Document;
  adapter: MailProviderAdapter;
  ui: ProcessorUi;
  scan(snapshot: MailSnapshot, policy: Policy): Verdict;
  /** Called when a message's verdict is new or changed. */
  onVerdict(key: string, snapshot: MailSnapshot, verdict: Verdict): void;
  onConsult(key: string, snapshot: MailSnapshot, verdict: Verdict): void;
}

interface Tracked {
  key: string;
  view: MessageView;
  shape: string;
  snapshot: MailSnapshot;
  verdict: Verdict;
  banner: BannerHandle;
  links: Element[];
  chips: Element[];
  undoOutline: () => void;
}

export interface MessageProcessor {
  /** Reads the page; cheap when nothing changed. */
  process(): void;
  /** New policy or language: every tracked message is scanned again on the next process(). */
  setContext(policy: Policy, lang: Lang): void;
  /** The guard's resolver: the flagged link or chip `el` is, if any. */
  resolveGuarded(el: Element): GuardedTarget | undefined;
  /** The message key a target returned by resolveGuarded belongs to. */
  keyOf(target: GuardedTarget): string | undefined;
  trackedKeys(): string[];
  stop(): void;
}

const FLAG_SEVERITIES = new Set(['caution', 'danger']);

export function createMessageProcessor(deps: ProcessorDeps, initial: { policy: Policy; lang: Lang }): MessageProcessor {
  const tracked = new Map<string, Tracked>();
  let policy = initial.policy;
  let lang = initial.lang;
  let contextVersion = 0;
  const scannedWith = new Map<string, number>();
  const guardedKeys = new WeakMap<GuardedTarget, string>();

  const forget = (t: Tracked): void => {
    t.undoOutline();
    t.banner.remove();
    tracked.delete(t.key);
    scannedWith.delete(t.key);
  };

  const outline = (links: Element[], chips: Element[], verdict: Verdict): (() => void) => {
    const undos: (() => void)[] = [];
    for (const level of ['caution', 'danger'] as const) {
      const elements: Element[] = [];
      for (const f of verdict.findings) {
        if (worst(f) !== level || f.target.index === undefined) continue;
        const el = f.target.kind === 'link' ? links[f.target.index] : f.target.kind === 'attachment' ? chips[f.target.index] : undefined;
        if (el && !elements.includes(el)) elements.push(el);
      }
      // An element flagged danger is not also outlined as caution.
      const filtered = level === 'caution' ? elements.filter((el) => !dangerElements(links, chips, verdict).includes(el)) : elements;
      if (filtered.length > 0) undos.push(deps.ui.outlineElements(filtered, level));
    }
    return () => undos.forEach((u) => u());
  };

  const read = (view: MessageView): { snapshot: MailSnapshot; verdict: Verdict } => {
    const snapshot = deps.adapter.readSnapshot(view);
    // The scanner's link indexes refer to the anchors we hand it (DOM order, aligned with
    // linkElements), so findings map back to the exact elements.
    const verdict = neverSafeWhenIncomplete(snapshot, deps.scan(snapshot, policy));
    return { snapshot, verdict };
  };

  const process = (): void => {
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

      if (existing && existing.shape === shape && scannedWith.get(key) === contextVersion) {
        const sameNodes = existing.view.root === view.root && existing.view.body === view.body;
        if (!sameNodes) {
          // The webmail redrew the message: same content, new nodes. Move our marks along.
          existing.undoOutline();
          existing.view = view;
          existing.links = links;
          existing.chips = chips;
          existing.undoOutline = outline(links, chips, existing.verdict);
        }
        if (!existing.banner.isAttached() || !sameNodes) existing.banner.reattach(adapter.anchorForBanner(view));
        continue;
      }

      const { snapshot, verdict } = read(view);
      scannedWith.set(key, contextVersion);
      if (existing) {
        existing.undoOutline();
        existing.view = view;
        existing.shape = shape;
        existing.snapshot = snapshot;
        existing.links = links;
        existing.chips = chips;
        const changed = JSON.stringify(existing.verdict) !== JSON.stringify(verdict);
        existing.verdict = verdict;
        existing.banner.update({ verdict, lang });
        if (!existing.banner.isAttached()) existing.banner.reattach(adapter.anchorForBanner(view));
        existing.undoOutline = outline(links, chips, verdict);
        if (changed) deps.onVerdict(key, snapshot, verdict);
        continue;
      }

      const entry: Tracked = {
        key,
        view,
        shape,
        snapshot,
        verdict,
        links,
        chips,
        undoOutline: () => undefined,
        banner: undefined as unknown as BannerHandle,
      };
      entry.banner = deps.ui.mountBanner(doc, adapter.anchorForBanner(view), {
        verdict,
        lang,
        onConsult: () => deps.onConsult(key, entry.snapshot, entry.verdict),
        onDetails: () => undefined,
      });
      entry.undoOutline = outline(links, chips, verdict);
      tracked.set(key, entry);
      deps.onVerdict(key, snapshot, verdict);
    }
    for (const t of [...tracked.values()]) if (!seen.has(t.key)) forget(t);
  };

  return {
    process,
    setContext(nextPolicy, nextLang) {
      if (JSON.stringify(nextPolicy) !== JSON.stringify(policy)) contextVersion++;
      policy = nextPolicy;
      if (nextLang !== lang) {
        lang = nextLang;
        for (const t of tracked.values()) t.banner.update({ lang });
      }
    },
    resolveGuarded(el) {
      for (const t of tracked.values()) {
        const linkIndex = t.links.indexOf(el);
        if (linkIndex >= 0) {
          const findings = guardFindings(t.verdict, 'link', linkIndex);
          if (findings.length === 0) return undefined;
          const anchor = t.snapshot.anchors?.[linkIndex];
          const target: GuardedTarget = { kind: 'link', href: anchor?.href, text: anchor?.text ?? '', index: linkIndex, findings };
          guardedKeys.set(target, t.key);
          return target;
        }
        const chipIndex = t.chips.indexOf(el);
        if (chipIndex >= 0) {
          const findings = guardFindings(t.verdict, 'attachment', chipIndex);
          if (findings.length === 0) return undefined;
          const target: GuardedTarget = { kind: 'attachment', text: t.snapshot.attachments?.[chipIndex]?.name ?? '', index: chipIndex, findings };
          guardedKeys.set(target, t.key);
          return target;
        }
      }
      return undefined;
    },
    keyOf: (target) => guardedKeys.get(target),
    trackedKeys: () => [...tracked.keys()],
    stop() {
      for (const t of [...tracked.values()]) forget(t);
    },
  };
}

function worst(f: Finding): 'caution' | 'danger' | undefined {
  return f.severity === 'danger' ? 'danger' : f.severity === 'caution' ? 'caution' : undefined;
}

function dangerElements(links: Element[], chips: Element[], verdict: Verdict): Element[] {
  const out: Element[] = [];
  for (const f of verdict.findings) {
    if (f.severity !== 'danger' || f.target.index === undefined) continue;
    const el = f.target.kind === 'link' ? links[f.target.index] : f.target.kind === 'attachment' ? chips[f.target.index] : undefined;
    if (el) out.push(el);
  }
  return out;
}

/**
 * Findings that make a click on this link/chip go to the warning page: its own caution or
 * danger findings; and when the whole message is dangerous (a spoofed sender, say), every link
 * and attachment in it is guarded with the message's findings.
 */
export function guardFindings(verdict: Verdict, kind: 'link' | 'attachment', index: number): Finding[] {
  const own = verdict.findings.filter((f) => f.target.kind === kind && f.target.index === index && FLAG_SEVERITIES.has(f.severity));
  if (own.length > 0) return own;
  if (verdict.level !== 'danger') return [];
  return verdict.findings.filter((f) => FLAG_SEVERITIES.has(f.severity) && f.target.kind !== 'link' && f.target.kind !== 'attachment');
}

/** A snapshot with missing parts is at least caution, with the reason stated. */
export function neverSafeWhenIncomplete(snapshot: MailSnapshot, verdict: Verdict): Verdict {
  const missing = snapshot.missing ?? [];
  if (missing.length === 0 || verdict.level !== 'safe') return verdict;
  const hasReason = verdict.findings.some((f) => f.rule === 'message-incomplete');
  return {
    ...verdict,
    level: 'caution',
    findings: hasReason
      ? verdict.findings
      : [...verdict.findings, { rule: 'message-incomplete', severity: 'caution', target: { kind: 'message', value: missing.join(',') }, params: { parts: missing.join(', ') } }],
  };
}
