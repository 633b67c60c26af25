/**
 * An attached program (exe, scr, msi, apk …): opening it runs it with the user’s rights.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, EXECUTABLE_EXTS } from './support/helpers';

export const attachmentExecutable: Rule = {
  id: 'attachment-executable',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    return flagAttachmentTypes(this.id, msg, (e) => EXECUTABLE_EXTS.has(e.ext), () => 'danger');
  },
  examples: {
    flags: [
      { name: '請求書.exe', snapshot: { attachments: [{ name: '請求書.exe' }] } },
      { name: 'setup.scr inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['setup.scr'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};
