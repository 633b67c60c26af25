/**
 * The link passes through a big platform's open redirect — Google's search redirect and AMP
 * viewer (`google.com/amp/s/other.example/…`), Facebook, YouTube, LinkedIn — to a different site.
 * The trusted name in front hides the real destination from people and filters. Legitimate
 * senders link to their pages directly; the platforms' own notifications (mail from Google
 * linking through google.com/url) are not counted. Only noted: it adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import type { PreparedLink, PreparedMessage } from '../scan/prepared-message';
import { isWebLink, linkFinding, linkToSender } from './support/helpers';

/** Redirects of platforms anyone can point anywhere (names as the URL module reports them). */
const OPEN_REDIRECTS = new Set(['google-url', 'google-amp', 'facebook-redirect', 'instagram-redirect', 'youtube-redirect', 'linkedin-redirect', 'vk-redirect', 'tumblr-redirect']);

/** The site the redirect really leads to, when it differs from the redirect's own site. */
function cloakedSite(link: PreparedLink): string | undefined {
  const front = link.url.registrableDomain;
  if (!link.url.wrappers.some((w) => OPEN_REDIRECTS.has(w))) return undefined;
  const dest = link.dest.registrableDomain ?? link.dest.hostname;
  return dest && dest !== front ? dest : undefined;
}

function senderOwnsRedirect(msg: PreparedMessage, link: PreparedLink): boolean {
  const front = link.url.registrableDomain;
  return !!front && (msg.senderDomains.has(front) || linkToSender(msg, { ...link, dest: link.url }));
}

export const linkRedirectCloak: Rule = {
  id: 'link-redirect-cloak',
  scope: 'link',
  maxSeverity: 'info',
  weight: 1.5,
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link)) continue;
      const site = cloakedSite(link);
      if (!site || msg.senderDomains.has(site) || senderOwnsRedirect(msg, link)) continue;
      out.push(linkFinding(this.id, 'info', link, { front: link.url.hostname ?? '', domain: site }));
      break;
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'Google AMP viewer in front of another site', snapshot: { from: { address: 'info@shop-news.example' }, html: '<p>x</p>', anchors: [{ href: 'https://www.google.co.uk/amp/s/tosuchapel.example/abc', text: 'Gewinnen Sie', source: 'html' }] } },
      { name: 'google.com/url to another site', snapshot: { from: { address: 'info@notice.example' }, html: '<p>x</p>', anchors: [{ href: 'https://www.google.com/url?q=https://login-check.example/&sa=D', text: 'ログイン', source: 'html' }] } },
    ],
    clean: [
      { name: 'direct link', snapshot: { from: { address: 'info@shop-news.example' }, html: '<p>x</p>', anchors: [{ href: 'https://shop-news.example/sale', text: 'セール', source: 'html' }] } },
      {
        name: 'Google Calendar linking through google.com/url',
        snapshot: {
          from: { address: 'calendar-notification@google.com' },
          html: '<p>x</p>',
          anchors: [{ href: 'https://www.google.com/url?q=https://zoom.example/j/123', text: 'https://zoom.example/j/123', source: 'html' }],
        },
      },
    ],
  },
};
