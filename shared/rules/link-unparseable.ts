/**
 * A link that looks like a web address but that the browser's URL parser rejects (for example a
 * fullwidth ＠ inside the host). What it would open cannot be judged, so it is never treated as
 * safe.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

export const linkUnparseable: Rule = {
  id: 'link-unparseable',
  scope: 'link',
  maxSeverity: 'caution',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (link.url.ok) continue;
      const h = link.href.trim().slice(0, 40).toLowerCase();
      if (/^(https?:|ｈｔｔｐ|www\.|\/\/)/.test(h) || h.includes('://')) {
        // Plain-text extraction sometimes keeps stray markup from quoted HTML; only real anchors count.
        out.push({ ...linkFinding(this.id, link.source === 'text' ? 'info' : 'caution', link), target: { kind: 'link', value: link.href.slice(0, 300), index: link.anchorIndex }, params: { url: link.href.slice(0, 80) } });
      }
      if (out.length >= 3) break;
    }
    return out;
  },
  examples: {
    flags: [{ name: 'fullwidth @ in host', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp＠evil.example/', text: '厚生労働省', source: 'html' }] } }],
    clean: [{ name: 'normal link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/', text: '厚生労働省', source: 'html' }] } }],
  },
};
