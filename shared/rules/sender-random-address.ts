/**
 * The sender's address or domain looks machine-generated ("kdkyhsbasnawzul@…",
 * "wlodmbvsouyasilha.com"): long strings with almost no vowels or long consonant runs. Bulk
 * senders rotate such throw-away names; people and companies choose pronounceable ones. A local
 * part whose letters flip case ("kuHzvQf") is generated too. Only noted — it adds to other signs.
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

/**
 * True for a local part of letters whose case flips back and forth ("TSgBsjq", "kuHzvQf"):
 * generators mix case, people write john, John, JohnSmith or johnSmith.
 */
export function looksMixedCaseRandom(local: string): boolean {
  if (!/^[A-Za-z]{5,16}$/.test(local)) return false;
  let switches = 0;
  for (let i = 1; i < local.length; i++) {
    const up = local[i]! >= 'A' && local[i]! <= 'Z';
    const prevUp = local[i - 1]! >= 'A' && local[i - 1]! <= 'Z';
    if (up !== prevUp) switches++;
  }
  if (switches < 3) return false;
  // Words joined in camel or Pascal case, each pronounceable, are a person's or a brand's name.
  const words = /^[a-z]*(?:[A-Z][a-z]+)+$/.test(local) ? local.split(/(?=[A-Z])/) : [];
  return words.length === 0 || words.some((w) => w.length >= 3 && !/[aeiouy]/i.test(w));
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
    const rawAddress = typeof msg.snapshot.from?.address === 'string' ? msg.snapshot.from.address : '';
    const rawLocal = rawAddress.slice(0, Math.max(0, rawAddress.lastIndexOf('@')));
    const hit = labels.find((l) => looksRandom(l)) ?? (looksMixedCaseRandom(rawLocal) ? rawLocal : undefined);
    if (!hit) return [];
    return [senderFinding(this.id, 'info', from, { part: hit.slice(0, 40) })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'random local part', snapshot: { from: { name: 'Offer', address: 'kdkyhsbasnawzul@mail.example.com' } } },
      { name: 'random domain', snapshot: { from: { name: 'Sale', address: 'info@wlodmbvsxqrt.example' } } },
      { name: 'local part with flipping case', snapshot: { from: { name: 'Bath Savings', address: 'TSgBsjq@eaux.mailer.example' } } },
    ],
    clean: [
      { name: 'romaji name', snapshot: { from: { address: 'yamada.hanako@sakura-hp.example.jp' } } },
      { name: 'English name', snapshot: { from: { address: 'christopher.wright@hospital.example.org' } } },
      { name: 'names joined in Pascal case', snapshot: { from: { address: 'JohnSmithJr@clinic.example.com' } } },
    ],
  },
};
