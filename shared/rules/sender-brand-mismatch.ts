/**
 * The display name claims a brand or public body (「三井住友カード」, 「Amazon」, 「国税庁」) while the
 * sender's domain — and any domain that authenticated the mail — does not belong to it. The
 * dominant pattern of Japanese brand phishing (イオンカード from a random .cn domain). Names too
 * generic to trust alone (weak names such as "Windows", "au") are only noted and add to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { mentionIsWeak, senderFinding, senderIsBrand } from './support/helpers';

const GENERIC = new Set([
  'support', 'team', 'service', 'services', 'security', 'account', 'accounts', 'center', 'centre', 'help', 'helpdesk', 'notice',
  'notification', 'notifications', 'alert', 'alerts', 'customer', 'customers', 'billing', 'update', 'admin', 'administrator',
  'info', 'official', 'no-reply', 'noreply', 'mail', 'message', 'online', 'care', 'desk', 'verification', 'id', 'pay', 'store',
  'compliance', 'compliant', 'mailbox', 'webmail', 'postmaster', 'it', 'dept', 'department', 'device', 'gov', 'tax', 'refund',
  'wallet', 'app', 'mobile', 'bank', 'banking', 'card', 'cards', 'delivery', 'express', 'shipping', 'japan', 'jp', 'inc',
  'カード', '銀行', '配送', 'お届け', 'ご案内',
  'サポート', 'センター', '事務局', 'お客様', 'カスタマー', 'セキュリティ', 'サービス', '通知', 'お知らせ', '公式', '窓口', '係', 'チーム',
]);

function onlyGenericBesides(name: string, matched: string): boolean {
  const rest = name.replace(/[\u2122\u00AE\u00A9\u2120]/g, ' ').normalize('NFKC').toLowerCase().split(matched.normalize('NFKC').toLowerCase()).join(' ');
  const words = rest.split(/[\s\p{P}\p{S}]+/u).filter((w) => w.length >= 2);
  return words.every((w) => GENERIC.has(w));
}

export const senderBrandMismatch: Rule = {
  id: 'sender-brand-mismatch',
  scope: 'sender',
  maxSeverity: 'danger',
  weight: 1.5,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from) return [];
    for (const mention of msg.brands.displayName) {
      const brand = mention.brand;
      if (brand.domains.length === 0 || brand.category === 'partner' || senderIsBrand(msg, brand)) continue;
      const weak = mentionIsWeak(mention, from.name);
      // A weak name inside a longer title ("Lockergnome Windows Daily") is a topic; it is a claim
      // only when the rest of the name is generic ("Windows Security Team", 「au お客様センター」).
      if (weak && !onlyGenericBesides(from.name, mention.matched)) continue;
      return [senderFinding(this.id, weak ? 'info' : 'danger', from, { brand: mention.matched, official: brand.domains[0] ?? '' })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      { name: '三井住友カード from an unrelated domain', snapshot: { from: { name: '三井住友カード', address: 'info@vpass-secure.example.cn' }, subject: '【重要】ご利用確認のお願い' } },
      { name: 'Amazon in English', snapshot: { from: { name: 'Amazon Customer Service', address: 'service@account-update.example.net' } } },
    ],
    clean: [
      { name: 'real 三井住友カード', snapshot: { from: { name: '三井住友カード', address: 'info@mail.smbc-card.com' } } },
      { name: 'no brand', snapshot: { from: { name: '地域医療連携室', address: 'renkei@partner-hp.example.jp' } } },
    ],
  },
};
