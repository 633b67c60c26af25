/**
 * The Outlook implementation of PaneHost: the task pane's only door to office.js. Reads the
 * selected item (mailbox-snapshot), follows the selection, puts the notification bar on the item,
 * fetches the original as .eml, and opens a new message to the report mailbox.
 *
 * Must never: send anything by itself (a new message form waits for the user's Send), take a
 * recipient from anywhere but its caller (who takes it from policy), or throw into the pane.
 */
import type { HostResult, ItemNotice, PaneCapabilities, PaneHost, PaneHostInfo, ReportDraft } from '../core/pane-host';
import { readMailboxItem, type ReadItemOptions } from './mailbox-snapshot';
import { callHost, supportsMailbox } from './mailbox-office';

/** Key of our notification bar on an item (replaceAsync keeps one per key). */
export const NOTICE_KEY = 'kokoroe-verdict';
/** Control id of the task pane button in manifest.xml: the insight action opens it. */
export const PANE_COMMAND_ID = 'KokoroeOpenPane';
/** Image resource id in manifest.xml used as the notification icon. */
export const NOTICE_ICON_ID = 'Icon.16x16';
/** Outlook rejects longer notification messages. */
export const NOTICE_MAX_CHARS = 150;

export function createMailboxHost(options?: ReadItemOptions): PaneHost {
  const item = (): Office.MessageRead | undefined => {
    try {
      return (Office.context.mailbox.item ?? undefined) as Office.MessageRead | undefined;
    } catch {
      return undefined;
    }
  };

  const info = (): PaneHostInfo => {
    const out: PaneHostInfo = {};
    try {
      const diagnostics = Office.context.diagnostics;
      if (typeof diagnostics?.version === 'string') out.officeVersion = diagnostics.version;
      if (diagnostics?.platform !== undefined) out.platform = String(diagnostics.platform);
    } catch {
      // diagnostics missing on this client: posture says the Office build is unknown.
    }
    try {
      if (typeof Office.context.displayLanguage === 'string') out.displayLanguage = Office.context.displayLanguage;
    } catch {
      // keep the default language
    }
    try {
      const email = Office.context.mailbox.userProfile?.emailAddress;
      if (typeof email === 'string' && email !== '') out.userEmail = email;
    } catch {
      // no reporter address
    }
    return out;
  };

  const capabilities = (): PaneCapabilities => ({
    headers: supportsMailbox('1.8'),
    itemChanged: supportsMailbox('1.5'),
    original: supportsMailbox('1.14') && typeof item()?.getAsFileAsync === 'function',
    // displayNewMessageForm is not offered by Outlook on iOS or Android, whatever the set says.
    newMessageForm: supportsMailbox('1.6') && !isMobile(info().platform),
    // Outlook on the web and new Outlook show actions in compose mode only.
    insightAction: supportsMailbox('1.10') && info().platform === 'PC',
  });

  return {
    info,
    capabilities,
    currentItemKey: () => {
      const current = item();
      if (!current) return undefined;
      try {
        return current.itemId ?? current.internetMessageId;
      } catch {
        return undefined;
      }
    },
    readSnapshot: () => readMailboxItem(options),
    onItemChanged(listener) {
      if (!supportsMailbox('1.5')) return;
      try {
        // Office.EventType.ItemChanged is the string 'olkItemSelectedChanged'.
        Office.context.mailbox.addHandlerAsync('olkItemSelectedChanged' as unknown as Office.EventType, () => listener(), () => undefined);
      } catch {
        // Without the event the pane closes on item change anyway (not pinnable on this client).
      }
    },
    async showNotice(notice: ItemNotice): Promise<HostResult<'insight' | 'informational'>> {
      const current = item();
      const messages = current?.notificationMessages;
      if (!messages) return { ok: false, error: 'notifications need Mailbox 1.3' };
      const message = notice.message.length > NOTICE_MAX_CHARS ? `${notice.message.slice(0, NOTICE_MAX_CHARS - 1)}…` : notice.message;
      if (notice.consultActionText && capabilities().insightAction) {
        const insight = await callHost<void>((cb) =>
          messages.replaceAsync(
            NOTICE_KEY,
            {
              type: 'insightMessage' as Office.MailboxEnums.ItemNotificationMessageType,
              message,
              icon: NOTICE_ICON_ID,
              actions: [{ actionType: 'showTaskPane', actionText: notice.consultActionText ?? '', commandId: PANE_COMMAND_ID, contextData: JSON.stringify({ open: 'consult' }) }],
            },
            cb,
          ),
        );
        if (insight.ok) return { ok: true, value: 'insight' };
      }
      const informational = await callHost<void>((cb) =>
        messages.replaceAsync(
          NOTICE_KEY,
          {
            type: 'informationalMessage' as Office.MailboxEnums.ItemNotificationMessageType,
            message,
            icon: NOTICE_ICON_ID,
            // A danger bar stays on the item until dismissed, even after the pane is closed.
            persistent: notice.level === 'danger',
          },
          cb,
        ),
      );
      return informational.ok ? { ok: true, value: 'informational' } : informational;
    },
    async clearNotice() {
      const messages = item()?.notificationMessages;
      if (!messages) return;
      await callHost<void>((cb) => messages.removeAsync(NOTICE_KEY, cb));
    },
    async readOriginal(): Promise<HostResult<string>> {
      const current = item();
      if (!current || !supportsMailbox('1.14') || typeof current.getAsFileAsync !== 'function') {
        return { ok: false, error: 'the original message needs Mailbox 1.14' };
      }
      // Large messages take a while to serialise on Outlook on the web.
      const result = await callHost<string>((cb) => current.getAsFileAsync(cb), 60_000);
      if (!result.ok) return result;
      return typeof result.value === 'string' && result.value !== '' ? result : { ok: false, error: 'empty original' };
    },
    async openReportMessage(draft: ReportDraft): Promise<HostResult<void>> {
      const current = item();
      const form: Office.MessageForm = { toRecipients: [draft.to], subject: draft.subject, htmlBody: plainToHtml(draft.body) };
      if (draft.attachOriginal && current?.itemId) {
        form.attachments = [{ type: 'item', name: current.subject || 'message', itemId: current.itemId }];
      }
      try {
        const mailbox = Office.context.mailbox;
        if (supportsMailbox('1.9') && typeof mailbox.displayNewMessageFormAsync === 'function') {
          return await callHost<void>((cb) => mailbox.displayNewMessageFormAsync(form, cb));
        }
        if (supportsMailbox('1.6') && typeof mailbox.displayNewMessageForm === 'function') {
          mailbox.displayNewMessageForm(form);
          return { ok: true, value: undefined };
        }
        return { ok: false, error: 'a new message form needs Mailbox 1.6' };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : 'new message form failed' };
      }
    },
    watchConsultRequests(listener: () => void): void {
      const current = item();
      if (!current || !supportsMailbox('1.15') || typeof current.addHandlerAsync !== 'function') return;
      try {
        // Office.EventType.InitializationContextChanged is the string 'olkInitializationContextChanged'.
        current.addHandlerAsync(
          'olkInitializationContextChanged' as unknown as Office.EventType,
          (args: { contextData?: unknown }) => {
            if (String(args?.contextData ?? '').includes('consult')) listener();
          },
          () => undefined,
        );
      } catch {
        // The action then reopens the pane, which reads the context on start.
      }
    },
    async initializationContext(): Promise<string | undefined> {
      const current = item();
      if (!current || !supportsMailbox('1.10') || typeof current.getInitializationContextAsync !== 'function') return undefined;
      const result = await callHost<string>((cb) => current.getInitializationContextAsync(cb));
      return result.ok && typeof result.value === 'string' ? result.value : undefined;
    },
  };
}

function isMobile(platform: string | undefined): boolean {
  return platform === 'iOS' || platform === 'Android';
}

/** The report summary as HTML for the message form, built as text: every character escaped. */
export function plainToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<div style="font-family:sans-serif;white-space:pre-wrap">${escaped.replace(/\r?\n/g, '<br>')}</div>`;
}

/**
 * Resolves once office.js says the host is ready, with whether this really is Outlook. Resolves
 * `false` (never hangs) when office.js did not load (opened outside Outlook, CDN blocked).
 */
export function whenOfficeReady(timeoutMs = 10_000): Promise<boolean> {
  return new Promise((resolve) => {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (!office || typeof office.onReady !== 'function') {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => resolve(false), timeoutMs);
    try {
      void office.onReady((info) => {
        clearTimeout(timer);
        resolve(String(info?.host ?? '') === 'Outlook');
      });
    } catch {
      clearTimeout(timer);
      resolve(false);
    }
  });
}
