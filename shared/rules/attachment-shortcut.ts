/**
 * An attached shortcut (lnk, url …): it can start any program while looking like a document.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, SHORTCUT_EXTS } from './support/helpers';

const WEB_SHORTCUTS = new Set(['url', 'website', 'webloc', 'desktop']);

export const attachmentShortcut: Rule = {
  id: 'attachment-shortcut',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    // .lnk and friends start programs; .url/.webloc open a web address (or an SMB share) — milder.
    return flagAttachmentTypes(this.id, msg, (e) => SHORTCUT_EXTS.has(e.ext), (e) => (WEB_SHORTCUTS.has(e.ext) ? 'caution' : 'danger'));
  },
  examples: {
    flags: [
      { name: '検査結果.lnk', snapshot: { attachments: [{ name: '検査結果.lnk' }] } },
      { name: 'report.lnk inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['report.lnk'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};
