/**
 * An attached OneNote file: used in 2023 waves to hide a script behind a fake “double-click to view” button.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, ONENOTE_EXTS } from './support/helpers';

export const attachmentOnenote: Rule = {
  id: 'attachment-onenote',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    return flagAttachmentTypes(this.id, msg, (e) => ONENOTE_EXTS.has(e.ext), () => 'danger');
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
