/**
 * The sender's display name is decorated with emoji or pictographs ("❤️ Meet Singles ❤️",
 * "🎁 Your reward"). Mail from people and from organisations a hospital deals with carries a
 * plain name; decorated names are a bulk-marketing and scam habit. Only noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export const senderNameEmoji: Rule = {
  id: 'sender-name-emoji',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    // ©, ® and ™ are pictographs in Unicode's sense but ordinary in company names.
    const name = (from?.name ?? '').slice(0, 200).replace(/[\u00A9\u00AE\u2122]/g, '');
    if (!from || !PICTOGRAPH.test(name)) return [];
    return [senderFinding(this.id, 'info', from)] as Finding[];
  },
  examples: {
    flags: [{ name: 'hearts around the name', snapshot: { from: { name: '❤️ Meet Singles ❤️', address: 'news@dating.example.com' } } }],
    clean: [
      { name: 'plain name', snapshot: { from: { name: 'さくら総合病院 総務課', address: 'soumu@sakura-hp.example.jp' } } },
      { name: 'trademark sign', snapshot: { from: { name: 'Acme™ Support', address: 'support@acme.example.com' } } },
    ],
  },
};
