/**
 * The sender's (Latin-script) display name shares nothing with the address it comes from, nor
 * with any domain the mail links to: "Omaha Steaks <newsletterlxzfb@sia-pmi.id>". Organisations
 * send from their own names (GitHub <noreply@github.com>); borrowed names on rented senders are
 * a scam and spam habit. Japanese display names cannot be compared with addresses and are left
 * alone; mailing lists are skipped. Only noted, with less than full weight.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 3);
}

export const senderNameUnrelated: Rule = {
  id: 'sender-name-unrelated',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1,
  needs: ['from', 'links'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.name || !from.address || msg.isMailingList || msg.links.length === 0) return [];
    if (!/^[\x20-\x7e\u00c0-\u024f]+$/.test(from.name)) return [];
    const nameWords = words(from.name).slice(0, 12);
    if (nameWords.length === 0) return [];
    const hay = `${from.local}${from.domain}`.replace(/[^a-z0-9]/g, '');
    if (nameWords.some((w) => hay.includes(w.slice(0, 4)))) return [];
    // Initials ("Chris Garrigues" → cwg@…) count as related.
    if (nameWords.length >= 2 && hay.includes(nameWords.map((w) => w[0]).join('').slice(0, 2))) return [];
    const linked = msg.links.some((l) => {
      const d = (l.dest.registrableDomain ?? '').replace(/[^a-z0-9]/g, '');
      return d && nameWords.some((w) => d.includes(w.slice(0, 4)));
    });
    if (linked) return [];
    return [senderFinding(this.id, 'info', from)] as Finding[];
  },
  examples: {
    flags: [
      {
        name: 'shop name on an unrelated sender and link',
        snapshot: { from: { name: 'Omaha Steaks', address: 'newsletterlxzfb@sia-pmi.example' }, html: '<p>x</p>', anchors: [{ href: 'https://4.sia-pmi.example/c', text: 'Gift', source: 'html' }] },
      },
    ],
    clean: [
      { name: 'organisation on its own domain', snapshot: { from: { name: 'GitHub', address: 'noreply@github.com' }, html: '<p>x</p>', anchors: [{ href: 'https://github.com/x', text: 'View', source: 'html' }] } },
      { name: 'Japanese display name', snapshot: { from: { name: '山田太郎', address: 'yt1234@example.jp' }, html: '<p>x</p>', anchors: [{ href: 'https://a.example/', text: 'a', source: 'html' }] } },
    ],
  },
};
