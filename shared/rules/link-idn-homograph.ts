/**
 * The link's domain mixes writing systems so that it reads like a familiar name (Cyrillic
 * "аррӏе", kana mixed with Latin). Chromium's IDN policy treats these as spoofs; staff cannot see
 * the difference.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding } from './support/helpers';
import { isMixedScriptHomograph } from '../scan/deps';

export const linkIdnHomograph: Rule = {
  id: 'link-idn-homograph',
  scope: 'link',
  maxSeverity: 'danger',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link)) continue;
      const uni = link.dest.unicodeHostname;
      if (!uni || uni === link.dest.hostname && !uni.includes('xn--')) continue;
      let homograph = false;
      try {
        homograph = isMixedScriptHomograph(uni);
      } catch {
        homograph = false;
      }
      if (homograph) out.push(linkFinding(this.id, 'danger', link, { shown: uni }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'Cyrillic letters posing as apple.com', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://\u0430\u0440\u0440\u04cf\u0435.com/', text: 'Apple ID', source: 'html' }] } },
    ],
    clean: [
      { name: 'an all-Japanese domain', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://日本語.jp/', text: 'サイト', source: 'html' }] } },
      { name: 'plain ASCII domain', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.apple.com/jp/', text: 'Apple', source: 'html' }] } },
    ],
  },
};
