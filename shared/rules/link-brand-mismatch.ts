/**
 * A link's visible text names a brand or public body (「Amazonにログイン」, 「三井住友カード会員
 * ページ」, "PayPal") while the link goes to a domain that does not belong to it. Long headline
 * texts that merely mention a brand (news, reviews) are left alone: the text must be short and
 * either be the name itself or ask for an action.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { inDomains, isWebLink, linkFinding, linkToSender, mentionIsWeak, senderIsBrand } from './support/helpers';

export const linkBrandMismatch: Rule = {
  id: 'link-brand-mismatch',
  scope: 'link',
  maxSeverity: 'danger',
  needs: ['links'],
  check(msg) {
    const out: Finding[] = [];
    for (const link of msg.links) {
      if (link.brands.length === 0 || !isWebLink(link) || link.text.length > 60) continue;
      for (const mention of link.brands) {
        const brand = mention.brand;
        if (brand.domains.length === 0 || inDomains(link.dest.hostname, brand.domains)) continue;
        // A headline that mentions a brand ("Microsoft patches …") is news, not a claim; the link
        // must ask for an action, or be little more than the name itself. Weak names need an action.
        const weak = mentionIsWeak(mention, link.text);
        const nameOnly = [...link.text].length <= [...mention.matched].length + 4;
        if (!link.action && (weak || !nameOnly)) continue;
        if (weak && [...link.text].length > [...mention.matched].length + 12) continue;
        // The brand's own mail linking through its tracking domain is not an impersonation.
        if (senderIsBrand(msg, brand) || linkToSender(msg, link)) continue;
        const severity = link.action && !weak ? 'danger' : 'caution';
        out.push(linkFinding(this.id, severity, link, { brand: mention.matched, official: brand.domains[0] ?? '' }));
        break;
      }
      if (out.length >= 3) break;
    }
    return out;
  },
  examples: {
    flags: [
      { name: 'Amazon sign-in text to another domain', snapshot: { from: { address: 'info@shop-news.example' }, html: '<p>x</p>', anchors: [{ href: 'https://amzn-account.example.net/signin', text: 'Amazonにログイン', source: 'html' }] } },
      { name: '三井住友カード member page elsewhere', snapshot: { from: { address: 'info@vpass-notice.example.net' }, html: '<p>x</p>', anchors: [{ href: 'https://vpass-jp.example.cn/', text: '三井住友カード 会員ページ', source: 'html' }] } },
    ],
    clean: [
      { name: 'Amazon link to amazon.co.jp', snapshot: { from: { address: 'info@shop-news.example' }, html: '<p>x</p>', anchors: [{ href: 'https://www.amazon.co.jp/dp/B000000', text: 'Amazonで見る', source: 'html' }] } },
      { name: 'news headline that mentions a brand', snapshot: { from: { address: 'news@it-news.example.jp' }, html: '<p>x</p>', anchors: [{ href: 'https://it-news.example.jp/2026/11/26/article-about-cloud-services-in-hospitals.html', text: '病院のクラウド移行、Microsoftとの契約を見直す動きが広がる理由と今後の課題について', source: 'html' }] } },
    ],
  },
};
