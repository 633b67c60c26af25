/**
 * The label the banner puts before a finding's target value (「リンク先」, 「ファイル名」 …). The
 * lines themselves come from shared/i18n/finding-lines; only these words are the extension's own.
 */
import type { TargetKind } from '../../shared/model';
import { t, type TextKey, type UiLang } from './texts';

const TARGET_LABEL: Record<TargetKind, TextKey> = {
  link: 'targetLink',
  attachment: 'targetAttachment',
  sender: 'targetSender',
  header: 'targetHeader',
  subject: 'subject',
  body: 'targetBody',
  message: 'targetMessage',
};

/** The label for a target kind; an unknown kind reads as being about the message. */
export function targetLabel(kind: TargetKind, lang: UiLang): string {
  return t(TARGET_LABEL[kind] ?? 'targetMessage', lang);
}
