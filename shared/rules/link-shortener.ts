/**
 * The link goes through a URL shortener, which hides the real destination. Shorteners are common
 * in legitimate mail too, so this is only a note that adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding } from './support/helpers';
import { shortenerInfo } from '../scan/deps';

export const linkShortener: Rule = {
  id: 'link-shortener',
  scope: 'link',
  maxSeverity: 'info',
  // Lists write short links out in plain text; a short link behind HTML text hides more.
  weight: (f) => (f.params.source === 'text' ? 0.5 : 1),
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link) || !link.dest.hostname) continue;
      let info: ReturnType<typeof shortenerInfo>;
      try {
        info = shortenerInfo(link.dest.hostname);
      } catch {
        info = undefined;
      }
      // A brand's own short domain (aka.ms, amzn.to) leads into the brand: not hiding anything.
      if (info && !info.brand) out.push(linkFinding(this.id, 'info', link, { source: link.source }));
      if (out.length >= 5) break;
    }
    return out;
  },
  examples: {
    flags: [{ name: 'bit.ly link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://bit.ly/3abcDEF', text: 'こちら', source: 'html' }] } }],
    clean: [{ name: 'direct link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.jma.go.jp/', text: '気象庁', source: 'html' }] } }],
  },
};
