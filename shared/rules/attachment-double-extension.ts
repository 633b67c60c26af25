/**
 * A file name with a harmless-looking extension followed by a dangerous one
 * (`検査結果.pdf.exe`, `invoice.docx.js`): Windows hides the last one by default.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, DOCUMENT_EXTS, runnableKind } from './support/helpers';

function doubled(name: string): boolean {
  const n = name.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g, '').trim().toLowerCase();
  const parts = n.split('.');
  if (parts.length < 3) return false;
  const last = parts[parts.length - 1]!.trim();
  const before = parts[parts.length - 2]!.trim();
  return !!runnableKind(last) && DOCUMENT_EXTS.has(before);
}

export const attachmentDoubleExtension: Rule = {
  id: 'attachment-double-extension',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => doubled(e.name));
      if (hit) out.push(attachmentFinding(this.id, 'danger', att, { file: hit.name.slice(0, 120) }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'pdf.exe', snapshot: { attachments: [{ name: '検査結果.pdf.exe' }] } },
      { name: 'docx.js inside zip', snapshot: { attachments: [{ name: 'a.zip', innerNames: ['invoice.docx.js'] }] } },
    ],
    clean: [{ name: 'dotted name but a PDF', snapshot: { attachments: [{ name: 'ver.1.2.report.pdf' }] } }],
  },
};
