/**
 * The link goes to a domain made to look like the organisation, a partner or a well-known
 * brand (confusable characters, one letter off, the brand's name inside another domain).
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding } from './support/helpers';

export const linkLookalikeDomain: Rule = {
  id: 'link-lookalike-domain',
  scope: 'link',
  maxSeverity: 'danger',
  weight: 1.5,
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link) || !link.dest.hostname || link.dest.isIp) continue;
      const match = msg.lookalike(link.dest.unicodeHostname ?? link.dest.hostname);
      if (!match) continue;
      // Weak evidence (an ordinary word that is also a brand, a brand word in someone's subdomain)
      // counts when the link asks for an action; otherwise it is only noted.
      const severity = !match.weak ? 'danger' : link.action ? 'caution' : 'info';
      out.push(linkFinding(this.id, severity, link, { brand: match.brand.names[0] ?? match.imitated, imitated: match.imitated, reason: match.reason }));
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'amazon with a digit', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.amaz0n.co.jp/signin', text: 'サインイン', source: 'html' }] } },
      { name: 'look-alike of the organisation', policy: { orgDomains: ['sakura-hospital.jp'] }, snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://sakura-hospita1.jp/login', text: 'ログイン', source: 'html' }] } },
    ],
    clean: [
      { name: 'the real amazon.co.jp', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.amazon.co.jp/gp/css/order-history', text: '注文履歴', source: 'html' }] } },
      { name: 'an unrelated domain', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.jsmi.example.jp/', text: '学会', source: 'html' }] } },
    ],
  },
};
