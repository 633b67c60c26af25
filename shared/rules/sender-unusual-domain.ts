/**
 * The sender writes from a domain under a top-level domain that abuse reports are dominated by
 * (.top, .xyz, .cn, .shop …), a pseudo-country domain (x.sa.com) or a free web-hosting
 * subdomain (project.firebaseapp.com). Japanese brand phishing (fake card companies, railways,
 * shops) comes overwhelmingly from such throw-away names. Real companies use them rarely, so
 * this is only noted and adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding, unusualDomainReason } from './support/helpers';
import { freeHostingKind } from '../scan/deps';

export const senderUnusualDomain: Rule = {
  id: 'sender-unusual-domain',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1.5,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.domain) return [];
    let reason = unusualDomainReason(from.domain);
    if (!reason) {
      try {
        const kind = freeHostingKind(from.domain);
        if (kind === 'free-hosting' || kind === 'ipfs') reason = from.registrable;
      } catch {
        reason = undefined;
      }
    }
    if (!reason) return [];
    return [senderFinding(this.id, 'info', from, { reason })] as Finding[];
  },
  examples: {
    flags: [
      { name: '.cn sender claiming a Japanese card company', snapshot: { from: { name: 'カード会員サービス', address: 'info@card-member.example.cn' } } },
      { name: 'pseudo-country domain', snapshot: { from: { name: 'Offers', address: 'news@deals.sa.com' } } },
    ],
    clean: [
      { name: 'ordinary .jp sender', snapshot: { from: { name: '総務課', address: 'soumu@hospital.example.jp' } } },
      { name: 'ordinary .com sender', snapshot: { from: { name: 'Support', address: 'support@vendor.example.com' } } },
    ],
  },
};
