/**
 * The display name claims a brand or public body (「三井住友カード」, 「Amazon」, 「国税庁」) while the
 * sender's domain — and any domain that authenticated the mail — does not belong to it. The
 * dominant pattern of Japanese brand phishing (イオンカード from a random .cn domain). Names too
 * generic to trust alone (weak names such as "Windows", "au") are only noted and add to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding, senderIsBrand } from './support/helpers';

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
      const weak = (brand.weakNames ?? []).some((w) => w.toLowerCase() === mention.matched.toLowerCase());
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
