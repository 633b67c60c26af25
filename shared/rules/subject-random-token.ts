/**
 * The subject carries a random-looking code of mixed upper- and lower-case letters and digits
 * ("… #8dSHbu0oHKXsxJE"): bulk senders make each copy unique so filters cannot match them.
 * Order and ticket numbers are digits or upper case; only the mixed form is noted.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

const TOKEN = /[A-Za-z0-9]{10,40}/g;

function randomLooking(token: string): boolean {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let switches = 0;
  let prev = '';
  for (const ch of token) {
    const cls = ch >= 'a' && ch <= 'z' ? 'l' : ch >= 'A' && ch <= 'Z' ? 'u' : 'd';
    if (cls === 'l') lower++;
    else if (cls === 'u') upper++;
    else digit++;
    if (prev && cls !== prev) switches++;
    prev = cls;
  }
  // CamelCase words switch case rarely; random strings switch often.
  return upper >= 2 && lower >= 2 && digit >= 1 && switches >= token.length / 2.5;
}

export const subjectRandomToken: Rule = {
  id: 'subject-random-token',
  scope: 'message',
  maxSeverity: 'info',
  weight: 1,
  check(msg) {
    const subject = msg.subject.slice(0, 300);
    for (const m of subject.matchAll(TOKEN)) {
      if (randomLooking(m[0])) return [messageFinding(this.id, 'info', 'subject', msg.subject, { token: m[0] })] as Finding[];
    }
    return [];
  },
  examples: {
    flags: [{ name: 'random code at the end', snapshot: { subject: 'Aviso de compra - 8dSHbu0oHKXsxJE' } }],
    clean: [
      { name: 'order number', snapshot: { subject: 'ご注文番号 503-1234567-7654321 の発送' } },
      { name: 'product name', snapshot: { subject: 'JavaServerPages updated for PowerShell7' } },
    ],
  },
};
