/**
 * A link into a domain under a heavily abused top-level domain (.top, .xyz, .cn, .shop …) or a
 * pseudo-country domain — where phishing landing pages are bought by the thousand. Only noted:
 * legitimate sites exist there too.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding, linkToSender, unusualDomainReason } from './support/helpers';

export const linkUnusualDomain: Rule = {
  id: 'link-unusual-domain',
  scope: 'link',
  maxSeverity: 'info',
  weight: 1,
  needs: ['links'],
  check(msg) {
    for (const link of msg.links) {
      if (!isWebLink(link) || link.source === 'text' || linkToSender(msg, link)) continue;
      const reason = unusualDomainReason(link.dest.hostname);
      if (reason) return [linkFinding(this.id, 'info', link, { reason })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [{ name: 'link to a .top domain', snapshot: { from: { address: 'a@shop.example' }, html: '<p>x</p>', anchors: [{ href: 'https://jcb-card-login.example.top/', text: 'ログイン', source: 'html' }] } }],
    clean: [{ name: 'link to a .jp domain', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.jcb.co.jp/', text: 'JCB', source: 'html' }] } }],
  },
};
