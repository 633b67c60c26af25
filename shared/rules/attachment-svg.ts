/**
 * An attached SVG image. SVG files can carry scripts and links and open in the browser, which
 * is why they became a favourite carrier for fake sign-in pages in 2024–2025.
 */
import type { Rule } from './types';
import { flagAttachmentTypes } from './support/helpers';

export const attachmentSvg: Rule = {
  id: 'attachment-svg',
  scope: 'attachment',
  maxSeverity: 'caution',
  needs: ['attachments'],
  check(msg) {
    return flagAttachmentTypes(this.id, msg, (e) => e.ext === 'svg' || e.ext === 'svgz', () => 'caution');
  },
  examples: {
    flags: [{ name: 'svg attachment', snapshot: { attachments: [{ name: 'VoiceMessage.svg', contentType: 'image/svg+xml' }] } }],
    clean: [{ name: 'png attachment', snapshot: { attachments: [{ name: 'logo.png', contentType: 'image/png' }] } }],
  },
};
