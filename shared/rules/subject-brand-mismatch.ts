/**
 * The subject names a brand or public body (「【三井住友カード】ご利用確認」, "Your Amazon order")
 * while the sender's domain does not belong to it. News and shops mention brands in subjects
 * too, so it is only noted; from free mail it is a caution.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { isConsumerMailbox, mentionIsWeak, messageFinding, senderIsBrand } from './support/helpers';

export const subjectBrandMismatch: Rule = {
  id: 'subject-brand-mismatch',
  scope: 'sender',
  maxSeverity: 'caution',
  weight: 1,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || msg.isMailingList) return [];
    // The display name is sender-brand-mismatch's; do not count the same claim twice.
    const claimed = new Set(msg.brands.displayName.map((m) => m.brand.id));
    for (const mention of msg.brands.subject) {
      const brand = mention.brand;
      if (brand.domains.length === 0 || brand.category === 'partner' || claimed.has(brand.id) || senderIsBrand(msg, brand)) continue;
      const weak = mentionIsWeak(mention, msg.subject);
      if (weak) continue;
      const severity = isConsumerMailbox(from) ? 'caution' : 'info';
      return [messageFinding(this.id, severity, 'subject', msg.subject, { brand: mention.matched, domain: from.domain })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [
      { name: '【三井住友カード】 subject from an unrelated domain', snapshot: { from: { name: 'お客様センター', address: 'info@notice-center.example.cn' }, subject: '【三井住友カード】ご利用確認のお願い' } },
      { name: 'Amazon subject from Gmail', snapshot: { from: { name: 'Support', address: 'amazon.support.jp@gmail.com' }, subject: 'Amazonアカウントの確認' } },
    ],
    clean: [
      { name: 'brand mail from its own domain', snapshot: { from: { name: 'Amazon.co.jp', address: 'store-news@amazon.co.jp' }, subject: 'Amazonからのお知らせ' } },
      { name: 'no brand', snapshot: { from: { address: 'info@society.example.jp' }, subject: '学術集会のお知らせ' } },
    ],
  },
};
