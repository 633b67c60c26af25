/**
 * Words of the consult page and the outbox list (Japanese first, English second). Short,
 * plain sentences with one next step; words the task pane and the extension's other pages show
 * too come from shared/i18n/surface-texts. Never holds anything mail-derived.
 */
import type { Lang as TextLang } from '../../shared/i18n/types';
import { lookupText, withSurfaceTexts } from '../../shared/i18n/surface-texts';
import type { OutboxState } from '../../shared/outbox';

export type Lang = TextLang;

const TEXTS = withSurfaceTexts({
  openedTitle: { ja: 'メールを開いてしまったとき', en: 'If you already opened it' },
  noContact: { ja: '院内の情報システム担当者に相談してください', en: 'Please contact your hospital’s IT staff' },
  portalLead: { ja: '院外の相談先', en: 'Outside help' },
  openedSteps: { ja: 'いますぐすること', en: 'Do this now' },
  openedStep1: { ja: 'ネットワークから切断する（LANケーブルを抜く／Wi-Fiを切る）', en: 'Disconnect from the network (unplug the LAN cable / turn off Wi-Fi)' },
  openedStep2: { ja: '管理者にすぐ電話する', en: 'Call IT right away' },
  openedStep3: { ja: '管理者の指示に従う（自分で削除や再起動をしない）', en: 'Follow IT’s instructions (do not delete or restart on your own)' },
  openedSwitch: { ja: 'メールを開いてしまった場合はこちら', en: 'I already opened it' },
  consultSwitch: { ja: '開く前の相談に戻る', en: 'Back to asking before opening' },
  whatIsSent: { ja: '管理者に送る内容', en: 'What will be sent to IT' },
  whatIsSentLead: { ja: '次の内容だけを送ります。メールの本文は送りません。', en: 'Only the following is sent. The body of the message is not sent.' },
  noMessage: { ja: '特定のメールについての相談ではありません（この端末の状態だけを送ります）。', en: 'Not about a specific message (only this device’s state is sent).' },
  replyTo: { ja: '返信先', en: 'Reply-To' },
  date: { ja: '日付', en: 'Date' },
  messageId: { ja: 'Message-ID', en: 'Message-ID' },
  auth: { ja: '送信元の認証結果', en: 'Authentication results' },
  links: { ja: 'リンク先', en: 'Link destinations' },
  linksMore: { ja: 'ほか {n} 件', en: '{n} more' },
  attachments: { ja: '添付ファイル名', en: 'Attachment names' },
  findings: { ja: '気になる点', en: 'Findings' },
  includeOriginalEml: { ja: '元のメールも送る（本文と添付を含みます）', en: 'Also send the original message (includes body and attachments)' },
  includeOriginalBody: { ja: 'メールの本文も送る（元のメールは取得できないため本文のみ）', en: 'Also send the body (the original message is not available)' },
  includeOriginalNote: { ja: '患者さんの情報が含まれる場合があります。管理者に頼まれたときだけ選んでください。', en: 'It may contain patient information. Tick it only if IT asked for it.' },
  commentHint: { ja: '例：差出人に心当たりがありません', en: 'e.g. I do not know the sender' },
  send: { ja: '送信', en: 'Send' },
  sendByMail: { ja: 'メールで送る', en: 'Send by mail' },
  openMail: { ja: 'メールソフトを開く', en: 'Open the mail program' },
  noChannel: { ja: '送信先が設定されていません。電話で相談してください。', en: 'No report destination is configured. Please call.' },
  sending: { ja: '保存しています…', en: 'Saving…' },
  sentLead: { ja: '管理者に相談しました。回答があるまでリンクと添付は開かないでください。', en: 'You asked IT. Do not open links or attachments until they answer.' },
  openedSentLead: { ja: '管理者に知らせました。電話もしてください。', en: 'IT has been told. Please call them too.' },
  mailLead: { ja: 'メールソフトで送信してください。送るまで相談は届きません。', en: 'Send it from your mail program. IT gets nothing until you do.' },
  resolve: { ja: '解決済みにする', en: 'Mark as resolved' },
  resolved: { ja: '解決済みにしました。', en: 'Marked as resolved.' },
  dismiss: { ja: '一覧から消す', en: 'Remove from the list' },
  reportId: { ja: '報告ID', en: 'Report ID' },
  attempts: { ja: '送信 {n} 回', en: '{n} attempts' },
  notFound: { ja: '相談の内容が見つかりません（ブラウザーを閉じると消えます）。電話で相談してください。', en: 'This consult could not be found (it is cleared when the browser closes). Please call.' },
  loadFailed: { ja: '情報を読み込めませんでした。電話で相談してください。', en: 'Could not load. Please call.' },
  outboxTitle: { ja: '送った報告', en: 'Reports' },
  refusal_no_endpoint: { ja: '送信先が設定されていません。', en: 'No report destination is configured.' },
  'refusal_outbox-full': { ja: '送信待ちの報告が多すぎるため保存できませんでした。', en: 'Too many reports are waiting; this one was not saved.' },
  'refusal_outbox-bytes': { ja: '送信待ちの報告が大きすぎるため保存できませんでした。', en: 'The waiting reports are too large; this one was not saved.' },
  'refusal_too-large': { ja: '報告が大きすぎるため保存できませんでした。元のメールを外してください。', en: 'The report is too large. Untick the original message.' },
  refusal_duplicate: { ja: 'この報告はすでに保存されています。', en: 'This report is already saved.' },
  refusal_other: { ja: '保存できませんでした。', en: 'It could not be saved.' },
  refusalMail: { ja: 'メールで送るか、電話で相談してください。', en: 'Send it by mail or call IT.' },
  state_queued: { ja: '送信待ち', en: 'Waiting to send' },
  state_sending: { ja: '送信中', en: 'Sending' },
  state_delivered: { ja: '送信済み', en: 'Delivered' },
  state_failed: { ja: '送信できず再送待ち', en: 'Not sent yet, will retry' },
  state_expired: { ja: '期限切れ（届いていません）', en: 'Expired (not delivered)' },
  state_rejected: { ja: '受け付けられませんでした', en: 'Refused by the server' },
  kind_consult: { ja: '相談', en: 'Consult' },
  kind_report: { ja: '報告', en: 'Report' },
  'kind_opened-already': { ja: '開いてしまった', en: 'Opened already' },
} as const);

export type OutboxTextKey = keyof typeof TEXTS;

export function ot(key: OutboxTextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return lookupText(TEXTS, key, lang, params);
}

export function stateText(state: OutboxState, lang: Lang): string {
  return ot(`state_${state}` as OutboxTextKey, lang);
}

export function refusalText(reason: string, lang: Lang): string {
  const key = `refusal_${reason === 'no-endpoint' ? 'no_endpoint' : reason}`;
  return key in TEXTS ? ot(key as OutboxTextKey, lang) : ot('refusal_other', lang);
}
