/**
 * A file name padded with many spaces, dots or underscores before the extension, so the real
 * extension falls off the edge of the attachment box (`紹介状.pdf                 .exe`).
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding, runnableKind } from './support/helpers';

const PADDING = /(?:[\s\u3000_.\-]){8}[^.]*\.[a-z0-9]{1,12}\s*$/i;

export const attachmentPaddedName: Rule = {
  id: 'attachment-padded-name',
  scope: 'attachment',
  maxSeverity: 'danger',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => PADDING.test(e.name.slice(-200)));
      if (hit) out.push(attachmentFinding(this.id, runnableKind(hit.ext) ? 'danger' : 'caution', att, { file: hit.name.replace(/\s+/g, ' ').slice(0, 120) }));
    }
    return out;
  },
  examples: {
    flags: [{ name: 'spaces before .exe', snapshot: { attachments: [{ name: '紹介状.pdf                          .exe' }] } }],
    clean: [{ name: 'normal name', snapshot: { attachments: [{ name: '2026年度 研修 案内.pdf' }] } }],
  },
};
