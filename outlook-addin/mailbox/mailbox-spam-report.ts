/**
 * Handler of the integrated Report button (manifest-report-phishing.xml, Mailbox 1.14): builds a
 * `report` (or `opened-already`) for the selected message and sends it to policy.reportEndpoint
 * through the outbox, then tells Outlook what to do with the message and what to show.
 *
 * - Delivered: the message goes to Junk Email and a short thank-you is shown.
 * - Not delivered: the message stays where it is; the dialog says it will be retried (the pane
 *   retries from the shared localStorage outbox when it is next open) and gives the phone number.
 * - No endpoint in policy: an event handler cannot open a message form, so on Mailbox 1.15 the
 *   task pane opens in its consult view (which can); before that, the dialog gives the phone.
 *
 * Must never: leave the event uncompleted (Outlook would wait), move the message when the
 * report did not arrive, or send anywhere but policy.reportEndpoint.
 */
import type { Policy } from '../../shared/policy/types';
import { scanMessage } from '../../shared/scan/scan-message';
import { evaluatePosture } from '../../shared/posture/evaluate-posture';
import { buildReport } from '../../shared/report';
import { base64ToBytes } from '../../shared/report/base64';
import { reportChannel } from '../../shared/outbox';
import { newReportId, planSpamReport } from '../commands/spam-report-plan';
import { loadPolicy } from '../taskpane/load-policy';
import { createPaneOutbox } from '../taskpane/pane-outbox';
import { paneLang, type PaneLang } from '../taskpane/pane-texts';
import { PANE_COMMAND_ID } from './mailbox-host';
import { readMailboxItem } from './mailbox-snapshot';
import { callHost, supportsMailbox } from './mailbox-office';

export const SPAM_REPORT_FUNCTION = 'onSpamReport';

interface SpamEvent {
  options?: unknown;
  freeText?: unknown;
  completed(options: Record<string, unknown>): void;
}

const DIALOG = {
  sent: {
    ja: { title: '報告しました', description: 'ありがとうございました。このメールは迷惑メールフォルダーに移しました。' },
    en: { title: 'Reported', description: 'Thank you. The message was moved to Junk Email.' },
  },
  queued: {
    ja: { title: 'まだ届いていません', description: '報告はあとで自動で送り直します。急ぐときは管理者に電話してください。' },
    en: { title: 'Not delivered yet', description: 'The report will be retried. If it is urgent, call IT.' },
  },
  noChannel: {
    ja: { title: '送り先が設定されていません', description: '「メールを確認」から「管理者に相談」を使うか、管理者に電話してください。' },
    en: { title: 'No report destination', description: 'Use “Ask IT” in the Check message pane, or call IT.' },
  },
  failed: {
    ja: { title: '報告できませんでした', description: '管理者に電話で相談してください。' },
    en: { title: 'Could not report', description: 'Please call IT.' },
  },
  opened: {
    ja: '開いてしまったときは、すぐにネットワークを切ってください。',
    en: 'If you opened it, disconnect from the network now.',
  },
} as const;

/** In-memory storage where the runtime has no localStorage (classic Outlook's JavaScript runtime). */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function dialog(kind: 'sent' | 'queued' | 'noChannel' | 'failed', lang: PaneLang, policy: Policy | undefined, opened: boolean): { title: string; description: string } {
  const base = DIALOG[kind][lang];
  const phone = policy?.adminContact?.phone ? (lang === 'ja' ? `電話: ${policy.adminContact.phone}` : `Phone: ${policy.adminContact.phone}`) : '';
  const description = [opened ? DIALOG.opened[lang] : '', base.description, phone].filter((s) => s !== '').join(' ');
  // Outlook limits the dialog description; keep it short.
  return { title: base.title, description: description.slice(0, 250) };
}

export async function handleSpamReport(event: SpamEvent, baseUrl: string): Promise<void> {
  let lang: PaneLang = 'ja';
  let policy: Policy | undefined;
  let opened = false;
  try {
    lang = paneLang(typeof Office.context.displayLanguage === 'string' ? Office.context.displayLanguage : undefined);
    const now = new Date();
    policy = (await loadPolicy(fetch, new URL('policy.json', `${baseUrl}/`), now)).policy;
    const effective = policy;
    const plan = planSpamReport(event.options, event.freeText, effective, lang);
    opened = plan.kind === 'opened-already';
    if (!reportChannel(effective)) {
      if (supportsMailbox('1.15')) {
        event.completed({ commandId: PANE_COMMAND_ID, contextData: JSON.stringify({ open: 'consult' }), moveItemTo: 'noMove' });
      } else {
        event.completed({ moveItemTo: 'noMove', showPostProcessingDialog: dialog('noChannel', lang, effective, opened) });
      }
      return;
    }
    const snapshot = await readMailboxItem();
    const verdict = scanMessage(snapshot, effective);
    const officeBuild = Office.context.diagnostics?.version;
    const posture = evaluatePosture(typeof officeBuild === 'string' ? { officeBuild } : {}, effective, now);
    let original: Uint8Array | undefined;
    const item = Office.context.mailbox.item as Office.MessageRead | undefined;
    if (plan.includeOriginal && item && typeof item.getAsFileAsync === 'function') {
      const eml = await callHost<string>((cb) => item.getAsFileAsync(cb), 60_000);
      if (eml.ok && typeof eml.value === 'string') original = base64ToBytes(eml.value);
    }
    const reporter = Office.context.mailbox.userProfile?.emailAddress;
    const id = newReportId(typeof crypto === 'undefined' ? undefined : crypto);
    const { report } = buildReport({
      kind: plan.kind,
      snapshot,
      verdict,
      posture,
      policy: effective,
      client: typeof officeBuild === 'string' ? { host: 'outlook-addin', office: officeBuild } : { host: 'outlook-addin' },
      ...(typeof reporter === 'string' && reporter ? { reporter } : {}),
      comment: plan.comment,
      includeOriginal: plan.includeOriginal,
      ...(original ? { original, originalFormat: 'eml' as const } : {}),
      now,
      ...(id ? { id } : {}),
    });
    let storage: Pick<Storage, 'getItem' | 'setItem'>;
    try {
      storage = typeof localStorage !== 'undefined' ? localStorage : memoryStorage();
    } catch {
      storage = memoryStorage();
    }
    const outbox = createPaneOutbox({ storage, fetch, policy: () => effective });
    const queued = await outbox.enqueue(report, { messageKey: item?.itemId ?? report.id });
    if (!queued.ok) {
      event.completed({ moveItemTo: 'noMove', showPostProcessingDialog: dialog('failed', lang, effective, opened) });
      return;
    }
    await outbox.tick();
    const record = (await outbox.list()).find((r) => r.id === report.id);
    if (record?.state === 'delivered') {
      event.completed({ moveItemTo: 'junkFolder', showPostProcessingDialog: dialog('sent', lang, effective, opened) });
    } else {
      event.completed({ moveItemTo: 'noMove', showPostProcessingDialog: dialog(record?.state === 'rejected' ? 'failed' : 'queued', lang, effective, opened) });
    }
  } catch {
    event.completed({ moveItemTo: 'noMove', onErrorDeleteItem: false, showPostProcessingDialog: dialog('failed', lang, policy, opened) });
  }
}

/** Registers the Report button's function with Outlook. */
export function registerSpamReportHandler(baseUrl: string): void {
  try {
    Office.actions.associate(SPAM_REPORT_FUNCTION, (event: SpamEvent) => {
      void handleSpamReport(event, baseUrl);
    });
  } catch {
    // office.js without actions (very old client): the Report button is not offered there.
  }
}
