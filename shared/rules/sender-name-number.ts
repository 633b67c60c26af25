/**
 * The sender's display name carries a long reference number ("Informe BB: Conta bloqueada -
 * Cod.9777800143996613966", "Statement-53231606"): bulk scam senders stamp a fresh number on each
 * copy to look official and to defeat filters. People and organisations sign with a name.
 * Only noted: it adds to other signs.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { senderFinding } from './support/helpers';

/** Seven or more digits in a row (after NFKC, so full-width digits count). */
const LONG_NUMBER = /\d{7,}/;

export const senderNameNumber: Rule = {
  id: 'sender-name-number',
  scope: 'sender',
  maxSeverity: 'info',
  weight: 1,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    const name = (from?.name ?? '').slice(0, 200).normalize('NFKC');
    const m = LONG_NUMBER.exec(name);
    if (!from || !m) return [];
    return [senderFinding(this.id, 'info', from, { number: m[0].slice(0, 30) })] as Finding[];
  },
  examples: {
    flags: [{ name: 'protocol number in the name', snapshot: { from: { name: 'Banco NU. Protocolo - 7793574292872', address: 'fidhkwwjy@gmail.example' } } }],
    clean: [
      { name: 'plain name', snapshot: { from: { name: '三井住友カード', address: 'info@vpass.ne.jp' } } },
      { name: 'phone number written with hyphens', snapshot: { from: { name: '田中 090-1234-5678', address: 'tanaka@clinic.example.jp' } } },
    ],
  },
};
