/**
 * An attached program (exe, scr, msi, apk …): opening it runs it with the user’s rights.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, EXECUTABLE_EXTS } from './support/helpers';

export const attachmentExecutable: Rule = {
  id: 'attachment-executable',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => EXECUTABLE_EXTS.has(e.ext));
      if (hit) out.push(attachmentFinding(this.id, 'danger', att, { file: hit.name.slice(0, 120), ext: hit.ext }));
    }
    return out;
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
