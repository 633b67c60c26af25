/**
 * Words of the task pane itself (rule texts come from shared/i18n, posture texts from
 * shared/posture). Japanese first: short sentences with one next step. Nothing mail-derived is
 * stored here; `{name}` placeholders are filled in as text by `paneText`.
 */

export type PaneLang = 'ja' | 'en';

const TEXTS = {
  productName: { ja: '心得メールガード', en: 'Kokoroe Mail Guard' },
  loading: { ja: 'メールを確認しています…', en: 'Checking the message…' },
  noItem: { ja: 'メールを選ぶと、ここに確認結果が出ます。', en: 'Select a message to see the check result here.' },
  officeMissing: {
    ja: 'Outlook と接続できませんでした。Outlook の中でこのウィンドウを開いてください。',
    en: 'Could not connect to Outlook. Open this pane from inside Outlook.',
  },
  levelDanger: { ja: '危険', en: 'Danger' },
  levelCaution: { ja: '注意', en: 'Caution' },
  levelSafe: { ja: '問題なし', en: 'No problem found' },
  dangerTitle: { ja: '危険なメールの可能性があります', en: 'This message may be dangerous' },
  dangerLead: {
    ja: 'リンクや添付ファイルは開かないでください。迷ったら管理者に相談してください。',
    en: 'Do not open links or attachments. If unsure, ask your IT administrator.',
  },
  cautionTitle: { ja: '注意が必要なメールです', en: 'Be careful with this message' },
  cautionLead: {
    ja: '送り主に心当たりがないときは、開く前に管理者に相談してください。',
    en: 'If you do not know the sender, ask your IT administrator before opening anything.',
  },
  safeTitle: { ja: '気になる点は見つかりませんでした', en: 'Nothing suspicious was found' },
  safeLead: {
    ja: 'それでも、心当たりのないリンクや添付ファイルは開かないでください。',
    en: 'Still, do not open links or attachments you did not expect.',
  },
  noticeSafe: { ja: '心得メールガード：気になる点はありません', en: 'Kokoroe Mail Guard: nothing suspicious found' },
  findingsHeading: { ja: '気になる点', en: 'Warning signs' },
  moreFindings: { ja: 'ほか {count} 件', en: '{count} more' },
  postureDetails: { ja: '確認が必要な項目（{count} 件）', en: 'Items to check ({count})' },
  uncheckedNote: { ja: '確認できなかった項目', en: 'Not checked' },
  problemsNote: { ja: '読み取れなかった部分があります', en: 'Some parts could not be read' },
  consult: { ja: '管理者に相談', en: 'Ask IT' },
  openedAlready: { ja: '開いてしまった', en: 'I already opened it' },
  postureHeading: { ja: 'この端末の状態', en: 'This device' },
  postureOk: { ja: '更新は確認できています', en: 'Updates are confirmed' },
  postureWarn: { ja: '更新を確認してください', en: 'Please check the updates' },
  postureBlock: { ja: 'この端末は更新が必要です。メールを読む前に対応してください', en: 'This device needs updates before you read mail' },
  postureUnknown: { ja: '端末の状態を確認できません', en: 'The device state is unknown' },
  postureFactsNote: {
    ja: 'OS とウイルス対策の状態は、情報システム担当が配布した設定から読んでいます。Office のバージョンは Outlook から読んでいます。',
    en: 'OS and antivirus state come from the settings IT deployed; the Office version comes from Outlook.',
  },
  policyProblem: { ja: '設定に問題があります（既定値で動いています）', en: 'There is a problem in the settings (defaults apply)' },
  // Consult
  consultHeading: { ja: '管理者に相談', en: 'Ask IT' },
  openedHeading: { ja: '開いてしまったときは', en: 'If you already opened it' },
  openedSteps: {
    ja: 'すぐにネットワーク（LAN ケーブル・Wi-Fi）を切って、管理者に電話してください。',
    en: 'Disconnect from the network (cable, Wi-Fi) now and call your IT administrator.',
  },
  callFirst: { ja: 'まず電話で相談してください', en: 'Call first' },
  noContact: {
    ja: '開く前に、院内の情報システム担当（IT 担当）に電話などで相談してください。',
    en: 'Before opening it, ask your IT contact (by phone or another channel).',
  },
  afterHours: { ja: '時間外', en: 'After hours' },
  hours: { ja: '受付時間', en: 'Hours' },
  incidentPortal: { ja: '厚生労働省委託事業の医療機関向けセキュリティ相談窓口', en: 'MHLW-commissioned security help desk for medical institutions' },
  previewHeading: { ja: '送られる内容', en: 'What will be sent' },
  previewNote: { ja: 'メールの本文は送りません。', en: 'The body of the message is not sent.' },
  commentLabel: { ja: 'ひとこと（任意）', en: 'Comment (optional)' },
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
  retry: { ja: '今すぐ再送', en: 'Retry now' },
  mailOpened: { ja: '報告メールを開きました。「送信」を押してください。', en: 'The report mail is open. Press Send.' },
  mailFailed: { ja: '報告メールを開けませんでした。電話で相談してください。', en: 'Could not open the report mail. Please call.' },
  consultPending: {
    ja: '管理者に相談中です。回答があるまでリンクと添付ファイルは開かないでください。',
    en: 'You asked IT about this message. Do not open links or attachments until they answer.',
  },
  answerHeading: { ja: '管理者からの回答', en: 'Answer from IT' },
  checkAnswer: { ja: '回答を確認', en: 'Check for an answer' },
  noAnswerYet: { ja: 'まだ回答はありません。', en: 'No answer yet.' },
} as const;

export type PaneTextKey = keyof typeof TEXTS;

export function paneText(key: PaneTextKey, lang: PaneLang, params: Record<string, string | number> = {}): string {
  const entry = TEXTS[key];
  const template: string = entry[lang] ?? entry.ja;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The pane's language from Office's display language: English only when Office is in English. */
export function paneLang(displayLanguage: string | undefined): PaneLang {
  return typeof displayLanguage === 'string' && /^en\b/i.test(displayLanguage) ? 'en' : 'ja';
}
