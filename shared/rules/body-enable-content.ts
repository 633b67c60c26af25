/**
 * Instructions to press 「コンテンツの有効化」「編集を有効にする」, enable macros, or copy a file to
 * an Office "trusted location" — the Emotet playbook (JPCERT/CC). With an Office file or archive
 * attached it is danger.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { ARCHIVE_EXTS, LEGACY_OFFICE_EXTS, MACRO_OFFICE_EXTS, messageFinding } from './support/helpers';

export const bodyEnableContent: Rule = {
  id: 'body-enable-content',
  scope: 'body',
  maxSeverity: 'danger',
  check(msg) {
    const phrase = msg.lures.body.get('enable-content') ?? msg.lures.subject.get('enable-content');
    if (!phrase) return [];
    const officeOrArchive = msg.attachments.some((a) => MACRO_OFFICE_EXTS.has(a.ext) || LEGACY_OFFICE_EXTS.has(a.ext) || ARCHIVE_EXTS.has(a.ext) || ['docx', 'xlsx'].includes(a.ext));
    return [messageFinding(this.id, officeOrArchive ? 'danger' : 'caution', 'body', phrase, { phrase })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'Emotet reply with Excel', snapshot: { subject: 'RE: 見積書の件', text: 'ファイルを開いたら「コンテンツの有効化」をクリックしてください。', attachments: [{ name: '見積書.xls' }] } },
      { name: 'English enable content', snapshot: { text: 'If the document is not displayed, click Enable Content.' } },
    ],
    clean: [{ name: 'ordinary mail', snapshot: { text: '添付の資料をご確認ください。', attachments: [{ name: '資料.pdf' }] } }],
  },
};
