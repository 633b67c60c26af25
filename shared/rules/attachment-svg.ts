/**
 * An attached SVG image. SVG files can carry scripts and links and open in the browser, which
 * is why they became a favourite carrier for fake sign-in pages in 2024–2025.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { attachmentEntries, attachmentFinding } from './support/helpers';

export const attachmentSvg: Rule = {
  id: 'attachment-svg',
  scope: 'attachment',
  maxSeverity: 'caution',
  needs: ['attachments'],
  check(msg) {
    const out: Finding[] = [];
    for (const att of msg.attachments) {
      const hit = attachmentEntries(att).find((e) => e.ext === 'svg' || e.ext === 'svgz');
      if (hit) out.push(attachmentFinding(this.id, 'caution', att, { file: hit.name.slice(0, 120) }));
    }
    return out;
  },
  examples: {
    flags: [{ name: 'svg attachment', snapshot: { attachments: [{ name: 'VoiceMessage.svg', contentType: 'image/svg+xml' }] } }],
    clean: [{ name: 'png attachment', snapshot: { attachments: [{ name: 'logo.png', contentType: 'image/png' }] } }],
  },
};
