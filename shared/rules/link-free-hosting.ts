/**
 * The link lands on free web hosting, a file-sharing or cloud-storage page, a form service or an
 * IPFS gateway — places anyone can publish a fake login page in minutes. Legitimate mail uses
 * them too, so alone this only adds to other signs; IPFS gateways are rare in legitimate mail,
 * and a button to a free-hosted site in a mail that talks about signing in is the fake sign-in
 * page itself (a compromised partner's "請求書を表示" on web.app): both are a caution.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { hasTheme, isWebLink, linkFinding, linkToSender } from './support/helpers';
import { freeHostingKind } from '../scan/deps';

export const linkFreeHosting: Rule = {
  id: 'link-free-hosting',
  scope: 'link',
  maxSeverity: 'caution',
  // Form and cloud-storage services are everyday tools of societies and partners; free web
  // hosting and anonymous file drops are where landing pages live.
  weight: (f) => (f.params.kind === 'form' || f.params.kind === 'cloud-storage' ? 0.5 : 1),
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (!isWebLink(link) || linkToSender(msg, link)) continue;
      let kind: string | undefined;
      try {
        kind = freeHostingKind(link.dest);
      } catch {
        kind = undefined;
      }
      if (!kind) continue;
      // A button on a rented site in a mail that talks about signing in: the fake sign-in page.
      const signIn = kind === 'free-hosting' && link.action && !!hasTheme(msg, 'credential-word');
      out.push(linkFinding(this.id, kind === 'ipfs' || signIn ? 'caution' : 'info', link, { kind }));
      if (out.length >= 5) break;
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'page on a free hosting subdomain', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://smbc-card-check.web.app/login', text: 'ログイン', source: 'html' }] } },
      { name: 'statement on a cloud function', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://us-central1-schwab-882fd.cloudfunctions.net/statement', text: 'Download statement', source: 'html' }] } },
      { name: 'IPFS gateway', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://ipfs.io/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/index.html', text: 'View document', source: 'html' }] } },
    ],
    clean: [
      { name: 'organisation site', snapshot: { html: '<p>x</p>', anchors: [{ href: 'https://www.sakura-hp.example.jp/news/', text: 'お知らせ', source: 'html' }] } },
    ],
  },
};
