/**
 * An attached macro-enabled Office file (docm, xlsm …): the macro runs once content is enabled — the Emotet route.
 * Names inside archives count too: the archive is only wrapping. Old-format .doc/.xls inside an
 * archive are a caution.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, LEGACY_OFFICE_EXTS, MACRO_OFFICE_EXTS } from './support/helpers';

export const attachmentMacroOffice: Rule = {
  id: 'attachment-macro-office',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => MACRO_OFFICE_EXTS.has(e.ext));
      if (hit) {
        out.push(attachmentFinding(this.id, 'danger', att, { file: hit.name.slice(0, 120), ext: hit.ext }));
        continue;
      }
      // An old-format Word/Excel file (which can carry macros) wrapped in an archive is how Emotet
      // got past gateways; a bare .doc from a colleague is ordinary.
      const legacy = attachmentEntries(att).find((e) => e.inner && LEGACY_OFFICE_EXTS.has(e.ext));
      if (legacy) out.push(attachmentFinding(this.id, 'caution', att, { file: legacy.name.slice(0, 120), ext: legacy.ext }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: '請求書.xlsm', snapshot: { attachments: [{ name: '請求書.xlsm' }] } },
      { name: 'order.docm inside a zip', snapshot: { attachments: [{ name: 'documents.zip', innerNames: ['order.docm'] }] } },
    ],
    clean: [
      { name: 'a PDF', snapshot: { attachments: [{ name: '紹介状.pdf', contentType: 'application/pdf' }] } },
      { name: 'a zip with a PDF', snapshot: { attachments: [{ name: 'docs.zip', innerNames: ['検査結果.pdf'] }] } },
    ],
  },
};
