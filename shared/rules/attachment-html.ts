/**
 * An attached web page (.html, .htm, .mht). Opened locally it can show a perfect copy of a
 * sign-in page or assemble a download in the browser (HTML smuggling); legitimate senders
 * almost never attach web pages.
 */
import type { Rule } from './types';
import { flagAttachmentTypes, HTML_EXTS } from './support/helpers';

export const attachmentHtml: Rule = {
  id: 'attachment-html',
  scope: 'attachment',
  maxSeverity: 'caution',
  needs: ['attachments'],
  check(msg) {
    return flagAttachmentTypes(this.id, msg, (e) => HTML_EXTS.has(e.ext), () => 'caution');
  },
  examples: {
    flags: [
      { name: 'attached html page', snapshot: { attachments: [{ name: 'Remittance_Advice.html', contentType: 'text/html' }] } },
      { name: 'mht in zip', snapshot: { attachments: [{ name: 'doc.zip', innerNames: ['fax.mht'] }] } },
    ],
    clean: [{ name: 'image', snapshot: { attachments: [{ name: 'photo.jpg', contentType: 'image/jpeg' }] } }],
  },
};
