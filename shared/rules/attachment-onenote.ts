/**
 * An attached OneNote file: used in 2023 waves to hide a script behind a fake “double-click to view” button.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, ONENOTE_EXTS } from './support/helpers';

export const attachmentOnenote: Rule = {
  id: 'attachment-onenote',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => ONENOTE_EXTS.has(e.ext));
      if (hit) out.push(attachmentFinding(this.id, 'danger', att, { file: hit.name.slice(0, 120), ext: hit.ext }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: '議事録.one', snapshot: { attachments: [{ name: '議事録.one' }] } },
      { name: 'note.one inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['note.one'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};
