/**
 * What a press of Outlook's own Report button (integrated spam reporting, Mailbox 1.14) means
 * for us: the reasons the user ticked in Outlook's preprocessing dialog become the report's
 * comment, 「開いてしまった」 makes it an `opened-already` report, and 「元のメールも送る」 asks
 * for the original — honoured only when policy.reportOriginal is 'ask'. Pure: no `Office.*`.
 *
 * The option order here is the order of <Option> elements in manifest-report-phishing.xml; a
 * test keeps them in step.
 */
import type { Policy } from '../../shared/policy/types';
import type { ReportKind } from '../../shared/report';
import type { PaneLang } from '../taskpane/pane-texts';

export const SPAM_REPORT_OPTIONS = [
  { resid: 'ReportOption.Phishing', ja: 'ID やパスワードの入力を求められた', en: 'It asks for my ID or password' },
  { resid: 'ReportOption.Attachment', ja: '添付ファイルやリンクが怪しい', en: 'An attachment or link looks suspicious' },
  { resid: 'ReportOption.Unknown', ja: '心当たりのない相手から届いた', en: 'I do not know the sender' },
  { resid: 'ReportOption.Opened', ja: 'リンクや添付ファイルを開いてしまった', en: 'I already opened a link or attachment' },
  { resid: 'ReportOption.IncludeOriginal', ja: '元のメールも送る（管理者が許可している場合）', en: 'Also send the original message (where IT allows it)' },
] as const;

const OPENED = 3;
const INCLUDE_ORIGINAL = 4;
/** Characters of the user's free text kept (the report caps comments at 2000). */
const FREE_TEXT_CHARS = 1500;

export interface SpamReportPlan {
  kind: ReportKind;
  comment: string;
  includeOriginal: boolean;
}

export function planSpamReport(options: unknown, freeText: unknown, policy: Policy, lang: PaneLang): SpamReportPlan {
  const ticked = Array.isArray(options) ? options.map((o) => o === true) : [];
  const reasons = SPAM_REPORT_OPTIONS.filter((_, i) => i < INCLUDE_ORIGINAL && ticked[i]).map((o) => o[lang]);
  const text = typeof freeText === 'string' ? freeText.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim().slice(0, FREE_TEXT_CHARS) : '';
  const comment = [reasons.join(lang === 'ja' ? '、' : '; '), text].filter((s) => s !== '').join('\n');
  return {
    kind: ticked[OPENED] ? 'opened-already' : 'report',
    comment,
    includeOriginal: ticked[INCLUDE_ORIGINAL] === true && policy.reportOriginal === 'ask',
  };
}

/**
 * A v4 UUID for the report id. crypto.randomUUID first; the JavaScript-only runtime of classic
 * Outlook may lack it, so getRandomValues next. Never Math.random: ids must not collide.
 */
export function newReportId(cryptoLike: { randomUUID?: () => string; getRandomValues?: <T extends ArrayBufferView>(a: T) => T } | undefined): string | undefined {
  try {
    if (typeof cryptoLike?.randomUUID === 'function') return cryptoLike.randomUUID();
    if (typeof cryptoLike?.getRandomValues === 'function') {
      const b = cryptoLike.getRandomValues(new Uint8Array(16));
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
      const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
  } catch {
    // fall through: the caller lets the report builder choose
  }
  return undefined;
}
