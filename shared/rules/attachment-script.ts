/**
 * An attached script (js, vbs, hta, ps1, bat, jar …): Windows runs these with one double-click.
 * Names inside archives count too: the archive is only wrapping.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, SCRIPT_EXTS } from './support/helpers';

const DEVELOPER_SCRIPTS = new Set(['py', 'pyw', 'sh', 'command', 'applescript', 'scpt']);

export const attachmentScript: Rule = {
  id: 'attachment-script',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    // Windows runs js/vbs/hta/bat… on a double-click; Python or shell scripts need an
    // interpreter and are everyday attachments on developer lists.
    const developerScript = msg.isMailingList ? 'info' : 'caution';
    return flagAttachmentTypes(this.id, msg, (e) => SCRIPT_EXTS.has(e.ext), (e) => (DEVELOPER_SCRIPTS.has(e.ext) ? developerScript : 'danger'));
  },
  examples: {
    flags: [
      { name: 'invoice.js', snapshot: { attachments: [{ name: 'invoice.js' }] } },
      { name: '見積書.vbs inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['見積書.vbs'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};
