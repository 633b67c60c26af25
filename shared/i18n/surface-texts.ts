/**
 * Words that more than one host shows around a check result — the extension's banner and pages,
 * its consult page, and the Outlook task pane — kept once so every surface says the same thing
 * the same way. Japanese first: short, plain sentences with one next step. Host-only words stay
 * in each host's own table, joined to this one with `withSurfaceTexts`.
 *
 * Must never: hold anything mail-derived, or turn a parameter into markup. Placeholders
 * (`{name}`) are filled in as plain text; hosts render the result with textContent only.
 */
import type { Lang } from './types';
import { UI_TEXTS } from './ui-texts';

/** One entry of a text table: the same words in every language. */
export type TextEntry = Readonly<Record<Lang, string>>;

/** A table of entries by key. */
export type TextTable = Readonly<Record<string, TextEntry>>;

export const SURFACE_TEXTS = {
  productName: { ja: '心得メールガード', en: 'Kokoroe Mail Guard' },
  // The verdict headlines are the generic ones every host uses (shared/i18n/ui-texts).
  dangerTitle: UI_TEXTS['verdict.danger'],
  dangerLead: {
    ja: 'リンクや添付ファイルは開かないでください。迷ったら管理者に相談してください。',
    en: 'Do not open links or attachments. If unsure, ask your IT administrator.',
  },
  cautionTitle: UI_TEXTS['verdict.caution'],
  levelCaution: UI_TEXTS['level.caution'],
  moreFindings: { ja: 'ほか {count} 件', en: '{count} more' },
  uncheckedNote: { ja: '確認できなかった項目', en: 'Not checked' },
  // Consult
  consult: { ja: '管理者に相談', en: 'Ask IT' },
  answerFromIt: { ja: '管理者からの回答', en: 'Answer from IT' },
  callFirst: { ja: 'まず電話で相談してください', en: 'Call first' },
  comment: { ja: 'ひとこと（任意）', en: 'Comment (optional)' },
  retryNow: { ja: '今すぐ再送', en: 'Retry now' },
  from: { ja: '差出人', en: 'From' },
  subject: { ja: '件名', en: 'Subject' },
  // Contacts
  phone: { ja: '電話', en: 'Phone' },
  email: { ja: 'メール', en: 'Email' },
  hours: { ja: '受付時間', en: 'Hours' },
  afterHoursContact: { ja: '時間外の連絡先', en: 'After hours' },
  // Posture
  postureHeading: { ja: 'この端末の状態', en: 'This device' },
  postureBlock: {
    ja: 'この端末は更新が必要です。メールを読む前に対応してください',
    en: 'This device needs updates before you read mail',
  },
  none: { ja: 'なし', en: 'None' },
  unknown: { ja: '不明', en: 'Unknown' },
} as const satisfies TextTable;

export type SurfaceTextKey = keyof typeof SURFACE_TEXTS;

/**
 * A host's own table joined to the shared one. A host key that repeats a shared key does not
 * compile: the shared words must not be silently replaced on one surface only.
 */
export function withSurfaceTexts<T extends TextTable>(
  own: T & { readonly [K in keyof T & SurfaceTextKey]: never },
): typeof SURFACE_TEXTS & T {
  return { ...SURFACE_TEXTS, ...own };
}

/**
 * The text for `key` in `lang` from `table` (Japanese when the language has none), with
 * `{name}` placeholders filled in as plain text; a placeholder without a parameter stays as written.
 */
export function lookupText<K extends string>(
  table: Readonly<Record<K, TextEntry>>,
  key: K,
  lang: Lang,
  params: Readonly<Record<string, string | number>> = {},
): string {
  const entry = table[key];
  const template = entry[lang] ?? entry.ja;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A shared surface text (see `lookupText`). */
export function surfaceText(key: SurfaceTextKey, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return lookupText(SURFACE_TEXTS, key, lang, params);
}
