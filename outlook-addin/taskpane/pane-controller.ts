/**
 * The task pane's flow: load the deployed policy, evaluate posture (Office build against
 * minOfficeBuild, device facts from policy), then for the selected message — and each message
 * selected after it while the pane is pinned — read the snapshot, scan it with the shared core,
 * render the verdict and put a one-line notification on the item. 「管理者に相談」 and
 * 「開いてしまった」 open the consult view.
 *
 * Must never: touch `Office.*` (it gets a PaneHost), let a slow read of an earlier message
 * overwrite the view of the current one, or send anything without the user's action.
 */
import type { MailSnapshot, Verdict } from '../../shared/model';
import { ANSWER_TEXTS, type ReportKind } from '../../shared/report';
import { scanMessage } from '../../shared/scan/scan-message';
import { evaluatePosture } from '../../shared/posture/evaluate-posture';
import type { PostureVerdict } from '../../shared/posture/types';
import type { Outbox } from '../../shared/outbox';
import type { PaneHost } from '../core/pane-host';
import { renderConsult } from './consult-view';
import { el } from './dom';
import { loadPolicy, type LoadedPolicy } from './load-policy';
import { createPaneOutbox } from './pane-outbox';
import { paneLang, paneText, type PaneLang } from './pane-texts';
import { noticeLine, renderContacts, renderPolicyProblems, renderPosture, renderVerdict } from './pane-view';

export interface PaneDeps {
  host: PaneHost;
  doc: Document;
  /** The element the pane renders into. */
  root: HTMLElement;
  fetch: typeof fetch;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  policyUrl: URL;
  now?: () => Date;
}

export interface PaneController {
  readonly lang: PaneLang;
  refresh(): Promise<void>;
  openConsult(kind: ReportKind): void;
}

/** Longest wait between outbox ticks while the pane is open. */
const MAX_TICK_DELAY_MS = 15 * 60_000;

export async function startPane(deps: PaneDeps): Promise<PaneController> {
  const { host, doc, root } = deps;
  const now = deps.now ?? (() => new Date());
  const lang = paneLang(host.info().displayLanguage);
  doc.documentElement.lang = lang;
  root.replaceChildren(el(doc, 'p', { className: 'loading', text: paneText('loading', lang) }));

  const loaded: LoadedPolicy = await loadPolicy(deps.fetch, deps.policyUrl, now());
  const policy = loaded.policy;
  const officeBuild = host.info().officeVersion;
  const posture: PostureVerdict = evaluatePosture(officeBuild ? { officeBuild } : {}, policy, now());
  const outbox: Outbox = createPaneOutbox({ storage: deps.storage, fetch: deps.fetch, policy: () => policy });
  const scheduleOutbox = outboxScheduler(outbox, () => void showPending());
  scheduleOutbox();

  let sequence = 0;
  let current: { snapshot: MailSnapshot; verdict: Verdict } | undefined;
  let currentKey: string | undefined;

  const showMain = (): void => {
    const children: Node[] = [];
    const problems = renderPolicyProblems(doc, loaded.problems, lang);
    // A device that must be updated first is shown above the message.
    if (posture.status === 'block') children.push(renderPosture(doc, posture, lang));
    if (current) {
      children.push(
        renderVerdict(doc, {
          snapshot: current.snapshot,
          verdict: current.verdict,
          lang,
          onConsult: () => openConsult('consult'),
          onOpenedAlready: () => openConsult('opened-already'),
        }),
      );
    } else {
      children.push(el(doc, 'p', { className: 'no-item', attrs: { id: 'kokoroe-no-item' }, text: paneText('noItem', lang) }));
    }
    if (posture.status !== 'block') children.push(renderPosture(doc, posture, lang));
    children.push(renderContacts(doc, policy, lang));
    if (problems) children.push(problems);
    root.replaceChildren(...children);
    void showPending();
  };

  /** 「管理者に相談中」 or IT's answer, for the message on screen, from the outbox records. */
  const showPending = async (): Promise<void> => {
    const key = host.currentItemKey();
    const section = doc.getElementById('kokoroe-verdict');
    if (!key || !section) return;
    const record = (await outbox.list()).find((r) => r.messageKey === key && r.kind !== 'report');
    doc.getElementById('kokoroe-pending')?.remove();
    if (!record || record.resolved) return;
    const answer = record.answer?.answer;
    const text = answer
      ? `${paneText('answerFromIt', lang)}: ${ANSWER_TEXTS[answer][lang]}${record.answer?.note ? ` ${record.answer.note}` : ''}`
      : record.state === 'rejected' || record.state === 'expired'
        ? paneText('refused', lang)
        : paneText('consultPending', lang);
    section.append(el(doc, 'p', { className: 'pending', attrs: { id: 'kokoroe-pending', role: 'status', 'data-state': record.state }, text }));
  };

  const openConsult = (kind: ReportKind): void => {
    if (!current) return;
    root.replaceChildren(
      renderConsult(doc, {
        kind,
        snapshot: current.snapshot,
        verdict: current.verdict,
        posture,
        policy,
        lang,
        host,
        outbox,
        now,
        onBack: () => {
          showMain();
          doc.getElementById(kind === 'opened-already' ? 'kokoroe-opened' : 'kokoroe-consult')?.focus();
        },
        onSent: () => scheduleOutbox(),
      }),
    );
    doc.getElementById('kokoroe-consult-title')?.focus?.();
  };

  const refresh = async (): Promise<void> => {
    const mine = ++sequence;
    const key = host.currentItemKey();
    if (key === undefined) {
      current = undefined;
      showMain();
      return;
    }
    root.setAttribute('aria-busy', 'true');
    if (current && key !== currentKey) {
      // Never leave the previous message's verdict next to a newly selected message.
      current = undefined;
      root.replaceChildren(el(doc, 'p', { className: 'loading', text: paneText('loading', lang) }));
    }
    const snapshot = await host.readSnapshot();
    // The selection moved on while we were reading: a newer refresh owns the view.
    if (mine !== sequence) return;
    const verdict = scanMessage(snapshot, policy);
    current = { snapshot, verdict };
    currentKey = key;
    root.removeAttribute('aria-busy');
    showMain();
    host.watchConsultRequests(() => openConsult('consult'));
    const announce = doc.getElementById('kokoroe-announce');
    if (announce) announce.textContent = verdict.level === 'safe' ? paneText('noticeSafe', lang) : noticeLine(verdict, lang);
    if (verdict.level === 'safe') {
      await host.clearNotice();
    } else {
      await host.showNotice({ level: verdict.level, message: noticeLine(verdict, lang), consultActionText: paneText('consult', lang) });
    }
  };

  host.onItemChanged(() => {
    void refresh();
  });
  await refresh();
  // Opened from the notification's 「管理者に相談」 action: go straight to the consult view.
  const context = await host.initializationContext();
  if (context && context.includes('consult')) openConsult('consult');

  return { lang, refresh, openConsult };
}

/** Ticks the outbox now and again when it says something is due, while the pane is open. One timer. */
function outboxScheduler(outbox: Outbox, afterTick: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    void outbox
      .tick()
      .then((next) => {
        afterTick();
        if (next === undefined) return;
        const delay = Math.min(Math.max(next - Date.now(), 1_000), MAX_TICK_DELAY_MS);
        timer = setTimeout(run, delay);
      })
      .catch(() => undefined);
  };
  return run;
}
