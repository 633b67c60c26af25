/**
 * The sender's domain imitates the organisation, a partner or a well-known brand (confusable
 * letters, one character off, the brand's name inside another domain).
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

export const senderLookalikeDomain: Rule = {
  id: 'sender-lookalike-domain',
  scope: 'sender',
  maxSeverity: 'danger',
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.domain) return [];
    const match = msg.lookalike(from.domain);
    if (!match) return [];
    return [senderFinding(this.id, match.weak ? 'caution' : 'danger', from, { brand: match.brand.names[0] ?? match.imitated, imitated: match.imitated })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'rakuten with a digit', snapshot: { from: { name: '楽天カード', address: 'info@rakuten-card.co.jp.rakuten-c4rd.com' } } },
      { name: 'org look-alike', policy: { orgDomains: ['sakura-hospital.jp'] }, snapshot: { from: { name: '総務課', address: 'soumu@sakura-hospita1.jp' } } },
    ],
    clean: [
      { name: 'real rakuten', snapshot: { from: { name: '楽天カード', address: 'info@mail.rakuten-card.co.jp' } } },
      { name: 'unrelated domain', snapshot: { from: { name: '学会事務局', address: 'office@jsxx.example.org' } } },
    ],
  },
};
