/**
 * The link points at a bare IP address instead of a name. Public addresses in a clickable HTML
 * link are a classic landing-page trick; private addresses (192.168.x.x, 10.x.x.x) are normal in
 * technical mailing lists and internal notices, so they are only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding } from './support/helpers';

export const linkIpHost: Rule = {
  id: 'link-ip-host',
  scope: 'link',
  maxSeverity: 'caution',
  weight: 1,
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link) || !link.dest.isIp || link.dest.isPrivateIp) continue;
      // A bare IP written in plain text is often a log line or a config example; an HTML link with
      // an IP behind other text is deliberate.
      out.push(linkFinding(this.id, link.source === 'text' ? 'info' : 'caution', link, { domain: link.dest.hostname ?? '' }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'HTML link to a public IP', snapshot: { html: '<p>x</p>', anchors: [{ href: 'http://198.51.100.23/login.php', text: 'ログイン', source: 'html' }] } },
      { name: 'hex IP form', snapshot: { html: '<p>x</p>', anchors: [{ href: 'http://0xC6336417/verify', text: 'Verify', source: 'html' }] } },
    ],
    clean: [
      { name: 'private IP in a mailing list post', snapshot: { text: 'Set the device to http://192.168.10.2/ and retry.' , anchors: [{ href: 'http://192.168.10.2/', text: 'http://192.168.10.2/', source: 'text' }] } },
      { name: 'named host', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/', text: '厚生労働省', source: 'html' }] } },
    ],
  },
};
