/**
 * The recipient's own mail address is written into the link, the mark of a personalised landing
 * page that pre-fills the sign-in form. Newsletters embed addresses in unsubscribe links too, so
 * this only adds to other signs — unless the page sits on hosting anyone can rent (cloud storage,
 * free site hosting, forms): a page made for this recipient on anonymous hosting is a caution.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isWebLink, linkFinding, linkToSender } from './support/helpers';
import { freeHostingKind } from '../scan/deps';

function b64(s: string): string {
  try {
    return btoa(s).replace(/=+$/, '');
  } catch {
    return '';
  }
}

export const linkRecipientEmbedded: Rule = {
  id: 'link-recipient-embedded',
  scope: 'link',
  maxSeverity: 'caution',
  weight: 0.5,
  needs: ['links'],
  check(msg) {
    const addresses = msg.recipients.map((r) => r.address).filter((a) => a.includes('@') && a.length >= 6).slice(0, 5);
    if (addresses.length === 0) return [];
    const needles = addresses.flatMap((a) => [a, encodeURIComponent(a).toLowerCase(), b64(a)]).filter((n) => n.length >= 6);
    for (const link of msg.links) {
      if (!isWebLink(link) || linkToSender(msg, link)) continue;
      const where = `${link.dest.href ?? ''}`.slice(0, 2_000);
      const lower = where.toLowerCase();
      if (/unsubscribe|optout|opt-out|配信停止/i.test(lower) || /unsubscribe|配信停止|解除/i.test(link.textNorm)) continue;
      if (!needles.some((n) => lower.includes(n.toLowerCase()) || where.includes(n))) continue;
      let hosted: string | undefined;
      try {
        hosted = freeHostingKind(link.dest);
      } catch {
        hosted = undefined;
      }
      return [linkFinding(this.id, hosted ? 'caution' : 'info', link, hosted ? { hosted } : {})] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      {
        name: 'a page on cloud storage made for the recipient (caution)',
        snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], html: '<p>x</p>', anchors: [{ href: 'https://storage.googleapis.com/share-doc-77/index.html#hanako@sakura-hp.example.jp', text: '表示', source: 'html' }] },
      },
      { name: 'address in the query', snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], html: '<p>x</p>', anchors: [{ href: 'https://mail-box-upgrade.example.net/?email=hanako@sakura-hp.example.jp', text: 'Upgrade', source: 'html' }] } },
    ],
    clean: [
      { name: 'unsubscribe link with the address', snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], html: '<p>x</p>', anchors: [{ href: 'https://news.example.org/unsubscribe?e=hanako@sakura-hp.example.jp', text: '配信停止', source: 'html' }] } },
      { name: 'no address in the link', snapshot: { to: [{ address: 'hanako@sakura-hp.example.jp' }], html: '<p>x</p>', anchors: [{ href: 'https://news.example.org/a', text: 'Read', source: 'html' }] } },
    ],
  },
};
