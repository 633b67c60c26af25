/**
 * The written link uses tricks that change where the browser goes or what the reader sees:
 * percent-encoded or fullwidth host letters, ideographic dots, numeric IP forms, invisible
 * characters, backslashes. Legitimate senders have no reason to write links this way.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

const TRICKS = new Set(['backslash', 'fullwidth', 'ideographic-dot', 'percent-host', 'numeric-ip', 'invisible', 'control-whitespace']);

export const linkObfuscatedUrl: Rule = {
  id: 'link-obfuscated-url',
  scope: 'link',
  maxSeverity: 'caution',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!link.url.ok) continue;
      const tricks = [...new Set([...link.url.obfuscations, ...link.dest.obfuscations])].filter((o) => TRICKS.has(o));
      if (tricks.length === 0) continue;
      out.push(linkFinding(this.id, 'caution', link, { tricks: tricks.join(', ') }));
      if (out.length >= 3) break;
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'percent-encoded host', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://%65vil.example/login', text: 'login', source: 'html' }] } },
      { name: 'ideographic full stop', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://evil。example/', text: 'サイト', source: 'html' }] } },
    ],
    clean: [{ name: 'plain link', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.example.jp/a', text: 'サイト', source: 'html' }] } }],
  },
};
