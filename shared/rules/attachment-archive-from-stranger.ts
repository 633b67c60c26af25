/**
 * An archive from a sender outside the organisation and its partners. Zip is common and only
 * noted; rar, 7z and other formats are rare in Japanese business mail and a caution (IPA
 * guidance on targeted attacks).
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { ARCHIVE_EXTS, attachmentFinding, senderIsStranger } from './support/helpers';

export const attachmentArchiveFromStranger: Rule = {
  id: 'attachment-archive-from-stranger',
  scope: 'attachment',
  maxSeverity: 'caution',
  weight: 1,
  needs: ['attachments'],
  check(msg) {
    if (!senderIsStranger(msg)) return [];
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      if (!ARCHIVE_EXTS.has(att.ext)) continue;
      out.push(attachmentFinding(this.id, att.ext === 'zip' ? 'info' : 'caution', att, { ext: att.ext }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'rar from a stranger', snapshot: { from: { address: 'someone@unknown.example' }, attachments: [{ name: 'inquiry.rar' }] } },
      { name: 'zip from a stranger (noted)', snapshot: { from: { address: 'someone@unknown.example' }, attachments: [{ name: 'docs.zip' }] } },
    ],
    clean: [
      { name: 'zip from a partner', policy: { partnerDomains: ['lab-partner.example.jp'] }, snapshot: { from: { address: 'kensa@lab-partner.example.jp' }, attachments: [{ name: 'results.zip' }] } },
      { name: 'pdf from a stranger', snapshot: { from: { address: 'someone@unknown.example' }, attachments: [{ name: 'a.pdf' }] } },
    ],
  },
};
