/**
 * A brand is named only in the body or in a picture's alt text (not in the sender name), the
 * mail threatens the account (不正ログイン, アカウントの停止, 利用制限), and the sender has nothing to
 * do with the brand. When the sender's domain also looks throw-away (a consumer mailbox, random
 * letters, an abused top-level domain) or the mail's action button leads to neither the brand nor an authenticated
 * sender's own site, it is
 * the brand-phishing pattern told in the body alone: a caution. Otherwise only noted. Never for
 * the brand's own domains, known senders or mailing lists (security newsletters discuss these).
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { fromAuthenticated, hasTheme, isConsumerMailbox, inDomains, isTrusted, isWebLink, linkToSender, messageFinding, senderIsBrand, unusualDomainReason } from './support/helpers';
import { looksRandom } from './sender-random-address';

export const bodyBrandThreat: Rule = {
  id: 'body-brand-threat',
  scope: 'body',
  maxSeverity: 'caution',
  // Noted alone it is a topic as often as a lure (newsletters warn about these very mails): it weighs nothing.
  weight: 0,
  needs: ['from', 'body'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.domain || isTrusted(from.trust) || msg.isMailingList) return [];
    // A brand the display name claims is sender-brand-mismatch's.
    const claimed = new Set(msg.brands.displayName.map((m) => m.brand.id));
    const threat = hasTheme(msg, 'account-threat');
    if (!threat) return [];
    const mention = [...msg.brands.body, ...msg.brands.linkText, ...msg.brands.subject].find(
      (m) => m.brand.domains.length > 0 && m.brand.category !== 'org' && m.brand.category !== 'partner' && !claimed.has(m.brand.id) && !senderIsBrand(msg, m.brand),
    );
    if (!mention) return [];
    const brand = mention.brand;
    const throwAway = isConsumerMailbox(from) || !!unusualDomainReason(from.domain) || from.domain.split('.').slice(0, -1).some((l) => looksRandom(l));
    const authenticated = fromAuthenticated(msg);
    const elsewhere = msg.links.some(
      (l) =>
        isWebLink(l) &&
        !inDomains(l.dest.hostname, brand.domains) &&
        !inDomains(l.dest.hostname, brand.relatedDomains ?? []) &&
        // A button, or a logo whose alt text is the brand's name (the whole picture is the link).
        (l.action || (l.brands.length > 0 && [...l.text].length <= [...(l.brands[0]?.matched ?? '')].length + 4)) &&
        // From an authenticated sender only a link to someone else's site counts.
        (!authenticated || !linkToSender(msg, l)),
    );
    const severity = throwAway || elsewhere ? 'caution' : 'info';
    return [messageFinding(this.id, severity, 'body', mention.matched, { brand: mention.matched, phrase: threat, domain: from.domain })] as Finding[];
  },
  examples: {
    flags: [
      {
        name: 'Amazon named in the body and alt text, 不正ログイン, random sender domain (caution)',
        snapshot: {
          from: { name: 'アカウントサービス', address: 'info@qzxwvkrtpl.example.com' },
          subject: 'ご利用のアカウントについて',
          html: '<p><a href="https://qzxwvkrtpl.example.com/s"><img alt="Amazon" src="cid:logo"></a></p><p>Amazonアカウントへの不正ログインを検知したため、アカウントの利用制限を行いました。</p>',
        },
      },
    ],
    clean: [
      {
        name: 'the brand warning from its own domain',
        snapshot: { from: { name: 'カード会員サービス', address: 'info@mail.rakuten-card.co.jp' }, subject: 'ご注意ください', text: '楽天カードを装った不正ログインの手口が増えています。' },
      },
    ],
  },
};
