/**
 * The sender's address or domain looks machine-generated ("kdkyhsbasnawzul@…",
 * "wlodmbvsouyasilha.com"): long strings with almost no vowels or long consonant runs. Bulk
 * senders rotate such throw-away names; people and companies choose pronounceable ones. Only
 * noted — it adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

/** True for a label of 8+ letters that no one would pronounce (romaji and English both have vowels). */
export function looksRandom(label: string): boolean {
  const letters = label.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 8) return false;
  let vowels = 0;
  let run = 0;
  let longest = 0;
  for (const ch of letters) {
    if ('aeiou'.includes(ch)) {
      vowels++;
      run = 0;
    } else {
      run++;
      if (run > longest) longest = run;
    }
  }
  return vowels / letters.length < 0.15 || longest >= 6;
}

export const senderRandomAddress: Rule = {
  id: 'sender-random-address',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.address) return [];
    // Bulk senders' bounce-tracking local parts (VERP: "online#3.19586.b5-9w0b…") carry codes by
    // design; only a local part made of letters alone is judged, and every domain label.
    const labels = [...(/^[a-z]+$/.test(from.local) ? [from.local] : []), ...from.domain.split('.').slice(0, -1)];
    const hit = labels.find((l) => looksRandom(l));
    if (!hit) return [];
    return [senderFinding(this.id, 'info', from, { part: hit.slice(0, 40) })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'random local part', snapshot: { from: { name: 'Offer', address: 'kdkyhsbasnawzul@mail.example.com' } } },
      { name: 'random domain', snapshot: { from: { name: 'Sale', address: 'info@wlodmbvsxqrt.example' } } },
    ],
    clean: [
      { name: 'romaji name', snapshot: { from: { address: 'yamada.hanako@sakura-hp.example.jp' } } },
      { name: 'English name', snapshot: { from: { address: 'christopher.wright@hospital.example.org' } } },
    ],
  },
};
