/**
 * What the task pane needs from Outlook, as plain data and promises. The only implementation
 * that talks to office.js is outlook-addin/mailbox/mailbox-host.ts; tests and the pane logic use
 * this interface, so nothing outside outlook-addin/mailbox/ touches `Office.*`.
 */
import type { MailSnapshot, VerdictLevel } from '../../shared/model';

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PaneHostInfo {
  /** Office.context.diagnostics.version, e.g. `16.0.19127.20000`. */
  officeVersion?: string;
  /** Office.context.diagnostics.platform: `PC`, `OfficeOnline`, `Mac`, `iOS`, `Android`, `Universal`. */
  platform?: string;
  /** Office.context.displayLanguage, e.g. `ja-JP`. */
  displayLanguage?: string;
  /** The signed-in mailbox, used as the reporter of a consult. */
  userEmail?: string;
}

/** Features the client offers, each tied to a Mailbox requirement set (README table). */
export interface PaneCapabilities {
  /** Internet headers and attachment contents (Mailbox 1.8). */
  headers: boolean;
  /** The pinned pane follows the selected message: mailbox ItemChanged (Mailbox 1.5). */
  itemChanged: boolean;
  /** The original as .eml via item.getAsFileAsync (Mailbox 1.14). */
  original: boolean;
  /** A new message to the report mailbox with the item attached (displayNewMessageForm, Mailbox 1.6). */
  newMessageForm: boolean;
  /** An InsightMessage with a 「管理者に相談」 action (Mailbox 1.10; read mode only in classic Outlook on Windows). */
  insightAction: boolean;
}

export interface ItemNotice {
  level: VerdictLevel;
  /** One line, at most 150 characters (Outlook's limit). */
  message: string;
  /** Label of the consult action, offered where the client supports it. */
  consultActionText?: string;
}

export interface ReportDraft {
  /** Always policy.reportMailbox: never an address taken from the message. */
  to: string;
  subject: string;
  body: string;
  /** Attach the selected message itself as an item attachment. */
  attachOriginal: boolean;
}

export interface PaneHost {
  info(): PaneHostInfo;
  capabilities(): PaneCapabilities;
  /** A key of the selected item (its id), to drop results that arrive after the selection changed. */
  currentItemKey(): string | undefined;
  readSnapshot(): Promise<MailSnapshot>;
  onItemChanged(listener: () => void): void;
  /** Puts (or replaces) the add-in's notification bar on the selected item. */
  showNotice(notice: ItemNotice): Promise<HostResult<'insight' | 'informational'>>;
  clearNotice(): Promise<void>;
  /** The selected message as base64 .eml (Mailbox 1.14). */
  readOriginal(): Promise<HostResult<string>>;
  /** Opens a new message form; the user reviews it and presses Send. */
  openReportMessage(draft: ReportDraft): Promise<HostResult<void>>;
  /** contextData from a notification action that opened the pane, if any. */
  initializationContext(): Promise<string | undefined>;
  /**
   * Calls `listener` when the notification's 「管理者に相談」 action is used while the pane is
   * already open (InitializationContextChanged, Mailbox 1.15). Per item: call again after a change.
   */
  watchConsultRequests(listener: () => void): void;
}
