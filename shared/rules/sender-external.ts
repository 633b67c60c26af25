/**
 * The sender is outside the organisation (and not a listed partner). Only a note, shown in the
 * details so staff notice "外部" mail that claims to be internal; it never raises the level.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

export const senderExternal: Rule = {
  id: 'sender-external',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 0,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || msg.lists.org.length === 0 || from.trust !== 'other') return [];
    return [senderFinding(this.id, 'info', from)] as Finding[];
  },
  examples: {
    flags: [{ name: 'outside sender', policy: { orgDomains: ['sakura-hp.example.jp'] }, snapshot: { from: { address: 'info@vendor.example.com' } } }],
    clean: [
      { name: 'colleague', policy: { orgDomains: ['sakura-hp.example.jp'] }, snapshot: { from: { address: 'soumu@sakura-hp.example.jp' } } },
      { name: 'no org configured', snapshot: { from: { address: 'info@vendor.example.com' } } },
    ],
  },
};
