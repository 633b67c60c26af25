/**
 * The file name contains a right-to-left override or similar control character, which makes
 * `report\u202Efdp.exe` display as `reportexe.pdf`. No honest file name needs one.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding } from './support/helpers';

const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

export const attachmentBidiControl: Rule = {
  id: 'attachment-bidi-control',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      if (attachmentEntries(att).some((e) => BIDI.test(e.name))) out.push(attachmentFinding(this.id, 'danger', att));
    }
    return out;
  },
  examples: {
    flags: [{ name: 'RLO in name', snapshot: { attachments: [{ name: '請求書\u202Efdp.exe' }] } }],
    clean: [{ name: 'plain name', snapshot: { attachments: [{ name: '請求書.pdf' }] } }],
  },
};
