/**
 * Words of the extension's own surfaces (banner, gate, warning page, popup, options) that are
 * not rule texts. Rule titles and messages come from shared/i18n (findingText); words the task
 * pane and the consult page also show come from shared/i18n/surface-texts, generic button words
 * from shared/i18n/ui-texts; this table holds only the extension's own chrome around them.
 * Japanese first: short, plain sentences with one next step. It must never hold anything
 * mail-derived; parameters are filled in as text by `t`.
 */

import type { Lang } from '../../shared/i18n/types';
import { lookupText, withSurfaceTexts } from '../../shared/i18n/surface-texts';
import { UI_TEXTS } from '../../shared/i18n/ui-texts';
import { CHECK_TITLES } from '../../shared/posture/posture-texts';

export type UiLang = Lang;

const TEXTS = withSurfaceTexts({
  daysAgo: { ja: '{n} 日前', en: '{n} days ago' },
  hoursAgo: { ja: '{n} 時間前', en: '{n} hours ago' },
  // Banner
  bannerLabel: { ja: '心得メールガードの確認結果', en: 'Kokoroe Mail Guard check result' },
  bannerCautionLead: {
    ja: '送り主に心当たりがない場合は、リンクや添付を開く前に管理者に相談してください。',
    en: 'If you do not know the sender, ask your IT administrator before opening links or attachments.',
  },
  bannerSafe: {
    ja: '心得メールガード：気になる点は見つかりませんでした',
    en: 'Kokoroe Mail Guard: nothing suspicious was found',
  },
  details: UI_TEXTS['action.details'],
  hideDetails: { ja: '詳細を閉じる', en: 'Hide details' },
  consultPending: {
    ja: '管理者に相談中です。回答があるまでリンクと添付は開かないでください',
    en: 'You asked IT about this message. Do not open links or attachments until they answer',
  },
  targetLink: { ja: 'リンク先', en: 'Link goes to' },
  targetAttachment: { ja: 'ファイル名', en: 'File name' },
  targetSender: { ja: '差出人', en: 'Sender' },
  targetHeader: { ja: 'ヘッダー', en: 'Header' },
  targetBody: { ja: '本文', en: 'Body' },
  targetMessage: { ja: 'メール', en: 'Message' },
  // Gate
  gateLabel: { ja: '端末の安全確認', en: 'Device safety check' },
  gateWarnTitle: {
    ja: 'この端末の更新を確認してください',
    en: 'Please check the updates on this device',
  },
  gateUnknownTitle: {
    ja: 'この端末の状態を確認できません',
    en: 'The state of this device could not be checked',
  },
  gateLead: {
    ja: '次の項目が古くなっています。直し方に従ってから「再確認」を押してください。',
    en: 'The items below are out of date. Follow the steps, then press "Check again".',
  },
  gateUnknownLead: {
    ja: '次の項目は、情報システム担当のツールから記録が届いていないため確認できません。更新を済ませてから「再確認」を押すか、管理者に相談してください。',
    en: 'The items below could not be confirmed: your IT department’s tools have not reported them. Update the device, then press "Check again", or ask IT.',
  },
  gateFactsNote: {
    ja: '端末の情報は情報システム担当のツールが記録したものです。直したのに表示が変わらない場合は管理者に相談してください。',
    en: 'These device facts come from your IT department’s tools. If you fixed them and nothing changes, ask IT.',
  },
  gateValue: { ja: '現在', en: 'Now' },
  gateLimit: { ja: '基準', en: 'Required' },
  gateRemedy: { ja: '直し方', en: 'How to fix' },
  gateRecheck: UI_TEXTS['action.recheck'],
  gateDismiss: { ja: '今日は閉じる', en: 'Close for today' },
  gateRechecking: { ja: '確認しています…', en: 'Checking…' },
  statusFail: { ja: '要対応', en: 'Needs action' },
  statusOk: { ja: '問題なし', en: 'OK' },
  // Warning page
  warnPageTitle: { ja: '開く前に確認してください', en: 'Check before you open this' },
  warnLinkLead: {
    ja: 'このリンクは危険な可能性があります。本当の行き先は次のとおりです。',
    en: 'This link may be dangerous. This is where it really goes.',
  },
  warnAttachmentLead: {
    ja: 'この添付ファイルは危険な可能性があります。',
    en: 'This attachment may be dangerous.',
  },
  warnDestination: { ja: '本当の行き先', en: 'Real destination' },
  warnDomain: { ja: 'ドメイン', en: 'Domain' },
  warnShownAs: { ja: '表示は', en: 'Shown as' },
  warnPunycode: { ja: '実際の文字（punycode）', en: 'Actual characters (punycode)' },
  warnFile: { ja: 'ファイル名', en: 'File name' },
  warnLinkText: { ja: 'メールでの表示', en: 'Text in the message' },
  warnWhy: { ja: '怪しい理由', en: 'Why it looks suspicious' },
  warnBack: UI_TEXTS['action.back'],
  warnOpenAnyway: UI_TEXTS['action.openAnyway'],
  warnConfirmTitle: { ja: '本当に開きますか？', en: 'Really open it?' },
  warnConfirmText: {
    ja: '開くとウイルス感染や情報漏えいにつながるおそれがあります。送り主に電話などで確認できた場合だけ開いてください。',
    en: 'Opening it may infect this device or leak information. Open it only if you confirmed with the sender by phone or similar.',
  },
  warnConfirmYes: { ja: '確認したので開く', en: 'I checked, open it' },
  warnConfirmNo: { ja: 'やめる', en: 'Cancel' },
  warnNotFound: {
    ja: 'この警告の内容が見つかりません。メールの画面に戻ってください。',
    en: 'This warning could not be found. Please go back to your mail.',
  },
  warnAttachmentNoOpen: {
    ja: '添付ファイルはこの画面からは開けません。必要な場合は管理者に相談してください。',
    en: 'Attachments cannot be opened from this page. Ask IT if you need it.',
  },
  warnProceedFailed: { ja: '開けませんでした。', en: 'It could not be opened.' },
  // Contacts (popup, warning, consult fallback)
  contactsTitle: { ja: '困ったときの連絡先', en: 'Who to contact' },
  contactAdmin: { ja: '管理者', en: 'IT administrator' },
  contactPortal: { ja: '医療機関向けインシデント相談窓口', en: 'Incident consultation portal for medical institutions' },
  contactNone: {
    ja: '管理者の連絡先が設定されていません。施設の情報システム担当に電話で相談してください。',
    en: 'No IT contact is configured. Please call your IT department.',
  },
  // Popup
  popupPostureOk: { ja: '更新の問題は見つかっていません', en: 'No update problems found' },
  popupPostureUnknown: { ja: '端末の状態はわかりません（管理者が設定していません）', en: 'Device state unknown (not configured by IT)' },
  popupPostureStale: { ja: '更新が必要な項目があります', en: 'Some items need updates' },
  popupVerdict: { ja: '開いているメール', en: 'Open message' },
  popupNoMessage: { ja: '確認したメールはまだありません', en: 'No message checked yet' },
  popupPending: { ja: '送信待ちの報告', en: 'Reports waiting to be sent' },
  levelDanger: { ja: '危険の可能性', en: 'May be dangerous' },
  levelSafe: { ja: '気になる点なし', en: 'Nothing found' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  loadFailed: { ja: '情報を読み込めませんでした。', en: 'Could not load the information.' },
  openOptions: { ja: '設定', en: 'Settings' },
  // Options
  optionsTitle: { ja: '心得メールガードの設定', en: 'Kokoroe Mail Guard settings' },
  optionsManagedNote: {
    ja: '「管理者が設定」の印がある項目は、ここでは変更できません。',
    en: 'Items marked "Set by IT" cannot be changed here.',
  },
  optionsManaged: { ja: '管理者が設定', en: 'Set by IT' },
  optionsLocal: { ja: 'この端末の設定', en: 'Local settings' },
  optionsEffective: { ja: '現在有効な設定', en: 'Effective settings' },
  optionsProblems: { ja: '設定の問題', en: 'Problems in the settings' },
  optionsNoProblems: { ja: '問題はありません', en: 'No problems' },
  optionsSave: { ja: '保存', en: 'Save' },
  optionsSaved: { ja: '保存しました', en: 'Saved' },
  optionsSaveFailed: { ja: '保存できませんでした', en: 'Could not save' },
  optionsGrant: { ja: 'Roundcube の許可を求める', en: 'Request access to Roundcube' },
  optionsGranted: { ja: '許可されました', en: 'Access granted' },
  optionsNotGranted: { ja: '許可されませんでした', en: 'Access not granted' },
  optionsListHint: { ja: '1 行に 1 つ', en: 'One per line' },
  optionsLang: { ja: '表示言語', en: 'Language' },
  optionsLangAuto: { ja: 'ブラウザーに合わせる', en: 'Follow the browser' },
  fieldOrgName: { ja: '施設名', en: 'Organisation name' },
  fieldOrgDomains: { ja: '施設のドメイン', en: 'Organisation domains' },
  fieldPartnerDomains: { ja: '取引先のドメイン', en: 'Partner domains' },
  fieldAdminName: { ja: '管理者の名前', en: 'IT contact name' },
  fieldAdminPhone: { ja: '管理者の電話', en: 'IT contact phone' },
  fieldAdminEmail: { ja: '管理者のメール', en: 'IT contact email' },
  fieldRoundcubeOrigins: { ja: 'Roundcube のアドレス（https://…）', en: 'Roundcube addresses (https://…)' },
  yes: { ja: 'はい', en: 'Yes' },
  no: { ja: 'いいえ', en: 'No' },
} as const);

export type TextKey = keyof typeof TEXTS;

/** The text for `key` in `lang`, with `{name}` placeholders filled in as plain text. */
export function t(key: TextKey, lang: UiLang, params: Record<string, string | number> = {}): string {
  return lookupText(TEXTS, key, lang, params);
}

/** Normalises a language tag: Japanese for `ja*` (and when unknown), English for anything else. */
export function uiLangOf(tag: string | undefined): UiLang {
  if (typeof tag !== 'string' || tag === '') return 'ja';
  return tag.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Title of a posture check, from the posture module's own table (ids shown as-is if unknown). */
export function checkLabel(id: string, lang: UiLang): string {
  const entry = (CHECK_TITLES as Record<string, { ja: string; en: string } | undefined>)[id];
  return entry ? entry[lang] : id;
}

/** A posture limit for people: `35 days` → 「35 日」, `48 hours` → 「48 時間」, others as written. */
export function postureLimitText(limit: string | undefined, lang: UiLang): string {
  if (!limit) return t('unknown', lang);
  const match = /^(\d+) (day|hour)s?$/.exec(limit.trim());
  if (!match) return limit === 'true' || limit === 'false' ? t(limit === 'true' ? 'yes' : 'no', lang) : limit;
  const n = match[1]!;
  if (lang === 'ja') return match[2] === 'day' ? `${n} 日以内` : `${n} 時間以内`;
  return match[2] === 'day' ? `within ${n} days` : `within ${n} hours`;
}

/**
 * A posture value for people: ISO-8601 instants as a local date (with "n days ago" when the age is
 * known), booleans as yes/no, anything else as written.
 */
export function postureValueText(value: string | undefined, lang: UiLang, ageHours?: number): string {
  if (value === undefined || value === '') return t('unknown', lang);
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'yes' : 'no', lang);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) {
      const shown = date.toLocaleDateString(lang === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
      if (typeof ageHours === 'number' && Number.isFinite(ageHours) && ageHours >= 0) {
        const days = Math.floor(ageHours / 24);
        return `${shown}（${t(days >= 1 ? 'daysAgo' : 'hoursAgo', lang, { n: days >= 1 ? days : Math.floor(ageHours) })}）`;
      }
      return shown;
    }
  }
  return value;
}
