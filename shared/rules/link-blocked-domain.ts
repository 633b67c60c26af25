/** The link goes to a domain the hospital's IT has blocked in policy. */
import type { Finding } from '../model';
import type { Rule } from './types';
import { linkFinding } from './support/helpers';

export const linkBlockedDomain: Rule = {
  id: 'link-blocked-domain',
  scope: 'link',
  maxSeverity: 'danger',
  exemptTrusted: false,
  needs: ['links'],
  check(msg) {
    if (msg.lists.blocked.length === 0) return [];
    const out: Finding[] = [];
    for (const link of msg.links) {
      // Either the real destination or the outer (wrapping) host may be the blocked one.
      if (link.trust === 'blocked') out.push(linkFinding(this.id, 'danger', link));
      else if (link.url.hostname && link.url !== link.dest && msg.lists.blocked.some((d) => link.url.hostname === d || link.url.hostname!.endsWith(`.${d}`))) {
        out.push(linkFinding(this.id, 'danger', link, { domain: link.url.hostname }));
      }
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'blocked domain', policy: { scan: { disabledRules: [], blockedDomains: ['bad.example'], allowedDomains: [], protectedNames: [], alertMode: false } }, snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.bad.example/x', text: 'x', source: 'html' }] } },
    ],
    clean: [
      { name: 'not blocked', policy: { scan: { disabledRules: [], blockedDomains: ['bad.example'], allowedDomains: [], protectedNames: [], alertMode: false } }, snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://good.example/x', text: 'x', source: 'html' }] } },
    ],
  },
};
