/**
 * The display name contains a mail address or domain that differs from the real sender
 * (`"info@mhlw.go.jp" <x@freemail.example>`). Mail apps show the name, so staff read the fake
 * address. IPA guidance: judge the address, not the name.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { inDomains, senderFinding } from './support/helpers';
import { registrableDomain } from '../scan/deps';

const ADDRESS_IN_NAME = /[a-z0-9._%+-]+[@＠]([a-z0-9-]+(?:[.．][a-z0-9-]+)+)/i;
const DOMAIN_IN_NAME = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|jp|go\.jp|co\.jp|or\.jp|ne\.jp|info|biz|io|co|uk|de|br|fr|cn|ru))\b/i;

export const senderDisplayNameAddress: Rule = {
  id: 'sender-display-name-address',
  scope: 'sender',
  maxSeverity: 'danger',
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !from.name) return [];
    const name = from.name.slice(0, 200).normalize('NFKC');
    const address = ADDRESS_IN_NAME.exec(name);
    const m = address ?? DOMAIN_IN_NAME.exec(name);
    if (!m || !m[1]) return [];
    const shown = m[1].toLowerCase().replace(/．/g, '.');
    let shownReg = shown;
    try {
      shownReg = registrableDomain(shown) ?? shown;
    } catch {
      shownReg = shown;
    }
    if (!shownReg || shownReg === from.registrable || msg.senderDomains.has(shownReg)) return [];
    // A name that shows a brand or the organisation's own domain is plain impersonation.
    const important = msg.protectedNames.some((b) => b.domains.length > 0 && inDomains(shown, b.domains));
    // Newsletters brand themselves as "Comics.com" or "Booking.com"; only a full address, or a
    // protected name's domain, is a claim worth a warning.
    if (!address && !important) return [];
    return [senderFinding(this.id, important ? 'danger' : 'caution', from, { shown: m[0].slice(0, 80) })] as Finding[];
  },
  examples: {
    flags: [
      { name: 'mhlw address as display name', snapshot: { from: { name: 'info@mhlw.go.jp', address: 'kourousyou2026@gmail.com' } } },
      { name: 'domain in display name', snapshot: { from: { name: 'paypal.com Service', address: 'service@mailer.example.ru' } } },
    ],
    clean: [
      { name: 'same address in the name', snapshot: { from: { name: 'soumu@sakura-hp.example.jp', address: 'soumu@sakura-hp.example.jp' } } },
      { name: 'ordinary name', snapshot: { from: { name: '山田 太郎', address: 'yamada@sakura-hp.example.jp' } } },
    ],
  },
};
