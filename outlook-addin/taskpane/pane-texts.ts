/**
 * Words of the task pane itself (rule texts come from shared/i18n, posture texts from
 * shared/posture, words the extension shows too from shared/i18n/surface-texts). Japanese
 * first: short sentences with one next step. Nothing mail-derived is stored here; `{name}`
 * placeholders are filled in as text by `paneText`.
 */

import type { Lang } from '../../shared/i18n/types';
import { lookupText, withSurfaceTexts } from '../../shared/i18n/surface-texts';
import { UI_TEXTS } from '../../shared/i18n/ui-texts';

export type PaneLang = Lang;

const TEXTS = withSurfaceTexts({
  loading: { ja: 'メールを確認しています…', en: 'Checking the message…' },
  noItem: { ja: 'メールを選ぶと、ここに確認結果が出ます。', en: 'Select a message to see the check result here.' },
  officeMissing: {
    ja: 'Outlook と接続できませんでした。Outlook の中でこのウィンドウを開いてください。',
    en: 'Could not connect to Outlook. Open this pane from inside Outlook.',
  },
  levelDanger: UI_TEXTS['level.danger'],
  levelSafe: { ja: '問題なし', en: 'No problem found' },
  cautionLead: {
    ja: '送り主に心当たりがないときは、開く前に管理者に相談してください。',
    en: 'If you do not know the sender, ask your IT administrator before opening anything.',
  },
  safeTitle: UI_TEXTS['verdict.none'],
  safeLead: {
    ja: 'それでも、心当たりのないリンクや添付ファイルは開かないでください。',
    en: 'Still, do not open links or attachments you did not expect.',
  },
  noticeSafe: { ja: '心得メールガード：気になる点はありません', en: 'Kokoroe Mail Guard: nothing suspicious found' },
  findingsHeading: { ja: '気になる点', en: 'Warning signs' },
  postureDetails: { ja: '確認が必要な項目（{count} 件）', en: 'Items to check ({count})' },
  problemsNote: { ja: '読み取れなかった部分があります', en: 'Some parts could not be read' },
  openedAlready: { ja: '開いてしまった', en: 'I already opened it' },
  postureOk: { ja: '更新は確認できています', en: 'Updates are confirmed' },
  postureWarn: { ja: '更新を確認してください', en: 'Please check the updates' },
  postureUnknown: { ja: '端末の状態を確認できません', en: 'The device state is unknown' },
  postureFactsNote: {
    ja: 'OS とウイルス対策の状態は、情報システム担当が配布した設定から読んでいます。Office のバージョンは Outlook から読んでいます。',
    en: 'OS and antivirus state come from the settings IT deployed; the Office version comes from Outlook.',
  },
  policyProblem: { ja: '設定に問題があります（既定値で動いています）', en: 'There is a problem in the settings (defaults apply)' },
  // Consult
  openedHeading: { ja: '開いてしまったときは', en: 'If you already opened it' },
  openedSteps: {
    ja: 'すぐにネットワーク（LAN ケーブル・Wi-Fi）を切って、管理者に電話してください。',
    en: 'Disconnect from the network (cable, Wi-Fi) now and call your IT administrator.',
  },
  noContact: {
    ja: '開く前に、院内の情報システム担当（IT 担当）に電話などで相談してください。',
    en: 'Before opening it, ask your IT contact (by phone or another channel).',
  },
  afterHours: { ja: '時間外', en: 'After hours' },
  incidentPortal: { ja: '厚生労働省委託事業の医療機関向けセキュリティ相談窓口', en: 'MHLW-commissioned security help desk for medical institutions' },
  previewHeading: { ja: '送られる内容', en: 'What will be sent' },
  previewNote: { ja: 'メールの本文は送りません。', en: 'The body of the message is not sent.' },
  commentPlaceholder: { ja: '例：心当たりのない請求書です', en: 'e.g. An invoice I did not expect' },
  includeOriginal: { ja: '元のメールも送る', en: 'Also send the original message' },
  includeOriginalUnavailable: {
    ja: 'この Outlook では元のメールを添付できません。',
    en: 'This Outlook cannot attach the original message.',
  },
  send: { ja: '送る', en: 'Send' },
  openMail: { ja: '報告メールを作る', en: 'Write the report mail' },
  openMailNote: {
    ja: '新しいメールが開きます。宛先と内容を確かめて「送信」を押してください。',
    en: 'A new message opens. Check it and press Send.',
  },
  mailtoLink: { ja: 'メールソフトで報告する', en: 'Report with your mail program' },
  noChannel: {
    ja: '送り先が設定されていません。電話で相談してください。',
    en: 'No report destination is set. Please call.',
  },
  back: { ja: '戻る', en: 'Back' },
  sending: { ja: '送っています…', en: 'Sending…' },
  sent: { ja: '送りました。回答があるまで、リンクと添付ファイルは開かないでください。', en: 'Sent. Do not open links or attachments until IT answers.' },
  queued: {
    ja: 'まだ届いていません。自動で送り直します。急ぐときは電話してください。',
    en: 'Not delivered yet; it will be retried. If it is urgent, please call.',
  },
  refused: { ja: '送れませんでした。電話で相談してください。', en: 'Could not send. Please call.' },
  mailOpened: { ja: '報告メールを開きました。「送信」を押してください。', en: 'The report mail is open. Press Send.' },
  mailFailed: { ja: '報告メールを開けませんでした。電話で相談してください。', en: 'Could not open the report mail. Please call.' },
  consultPending: {
    ja: '管理者に相談中です。回答があるまでリンクと添付ファイルは開かないでください。',
    en: 'You asked IT about this message. Do not open links or attachments until they answer.',
  },
  checkAnswer: { ja: '回答を確認', en: 'Check for an answer' },
  noAnswerYet: { ja: 'まだ回答はありません。', en: 'No answer yet.' },
} as const);

export type PaneTextKey = keyof typeof TEXTS;

export function paneText(key: PaneTextKey, lang: PaneLang, params: Record<string, string | number> = {}): string {
  return lookupText(TEXTS, key, lang, params);
}

/** The pane's language from Office's display language: English only when Office is in English. */
export function paneLang(displayLanguage: string | undefined): PaneLang {
  return typeof displayLanguage === 'string' && /^en\b/i.test(displayLanguage) ? 'en' : 'ja';
}
