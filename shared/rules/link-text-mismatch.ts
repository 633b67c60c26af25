/**
 * The visible text of a link shows one web address while the link goes to another domain —
 * the oldest phishing trick. Provider wrappers are already unwrapped; known redirectors are
 * skipped. When the text shows the sender's own domain the mismatch is the usual newsletter
 * click-tracking and is only noted, as is a link into the sender's own (tracking) domain; a shown
 * brand or organisation domain is danger — unless the link stays on the sender's own site and
 * nothing else in the mail poses as that brand.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { inDomains, isWebLink, linkFinding } from './support/helpers';
import { isKnownRedirector } from '../scan/deps';

export const linkTextMismatch: Rule = {
  id: 'link-text-mismatch',
  scope: 'link',
  maxSeverity: 'danger',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      // The shown text may itself be a wrapped link (Safe Links, urldefense): compare its destination.
      const shown = link.shown?.destination ?? link.shown;
      if (!shown || !shown.ok || !isWebLink(link)) continue;
      if (shown.scheme !== 'http:' && shown.scheme !== 'https:') continue;
      const shownDomain = shown.registrableDomain ?? shown.hostname;
      const realDomain = link.dest.registrableDomain ?? link.dest.hostname;
      if (!shownDomain || !realDomain || shownDomain === realDomain) continue;
      let redirector = false;
      try {
        redirector = isKnownRedirector(link.dest);
      } catch {
        redirector = false;
      }
      if (redirector) continue;
      const params = { shown: shown.hostname ?? shownDomain, domain: link.dest.hostname ?? realDomain };
      const shownBrand = msg.protectedNames.find((b) => b.domains.length > 0 && inDomains(shown.hostname, b.domains));
      const toSender = msg.senderDomains.has(shownDomain) || msg.senderDomains.has(realDomain);
      // A newsletter pointing at its own page about a shop ("walmart.com" → lindows.com/walmart)
      // is a claim only when the mail also poses as that brand in its sender name or subject.
      const claimed = !!shownBrand && [...msg.brands.displayName, ...msg.brands.subject].some((m) => m.brand.id === shownBrand.id);
      if (shownBrand && (!toSender || claimed)) out.push(linkFinding(this.id, 'danger', link, params));
      else if (toSender) out.push(linkFinding(this.id, 'info', link, params));
      else out.push(linkFinding(this.id, 'caution', link, params));
    }
    return out;
  },
  examples: {
    flags: [
      {
        name: 'text shows smbc-card.com, link goes elsewhere',
        snapshot: { from: { address: 'info@notice-mail.example' }, html: '<p>x</p>', anchors: [{ href: 'https://smbc-card.verify-login.example/', text: 'https://www.smbc-card.com/mem/index.jsp', source: 'html' }] },
      },
      {
        name: 'English: text shows one site, link goes to another',
        snapshot: { from: { address: 'news@shop.example' }, html: '<p>x</p>', anchors: [{ href: 'http://203.0.113.9.nip.example/login', text: 'www.bank-portal.example', source: 'html' }] },
      },
    ],
    clean: [
      {
        name: 'text and link agree',
        snapshot: { from: { address: 'info@hospital.example.jp' }, html: '<p>x</p>', anchors: [{ href: 'https://www.mhlw.go.jp/stf/index.html', text: 'https://www.mhlw.go.jp/', source: 'html' }] },
      },
      {
        name: 'text is words, not an address',
        snapshot: { from: { address: 'info@hospital.example.jp' }, html: '<p>x</p>', anchors: [{ href: 'https://other.example/', text: '詳しくはこちら', source: 'html' }] },
      },
    ],
  },
};
