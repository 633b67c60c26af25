/**
 * An attached web page (.html, .htm, .mht). Opened locally it can show a perfect copy of a
 * sign-in page or assemble a download in the browser (HTML smuggling); legitimate senders
 * almost never attach web pages.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, HTML_EXTS } from './support/helpers';

export const attachmentHtml: Rule = {
  id: 'attachment-html',
  scope: 'attachment',
  maxSeverity: 'caution',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => HTML_EXTS.has(e.ext));
      if (hit) out.push(attachmentFinding(this.id, 'caution', att, { file: hit.name.slice(0, 120) }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'attached html page', snapshot: { attachments: [{ name: 'Remittance_Advice.html', contentType: 'text/html' }] } },
      { name: 'mht in zip', snapshot: { attachments: [{ name: 'doc.zip', innerNames: ['fax.mht'] }] } },
    ],
    clean: [{ name: 'image', snapshot: { attachments: [{ name: 'photo.jpg', contentType: 'image/jpeg' }] } }],
  },
};
