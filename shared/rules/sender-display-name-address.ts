/**
 * The display name contains a mail address or domain that differs from the real sender
 * (`"info@mhlw.go.jp" <x@freemail.example>`). Mail apps show the name, so staff read the fake
 * address. IPA guidance: judge the address, not the name. The same trick written as two
 * mailboxes (`From: "info@brand.example", <x@elsewhere.example>`) makes mail apps show the first
 * as the sender while the mail came from the second.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { inDomains, senderFinding } from './support/helpers';
import { registrableDomain } from '../scan/deps';

const ADDRESS_IN_NAME = /[a-z0-9._%+-]+[@＠]([a-z0-9-]+(?:[.．][a-z0-9-]+)+)/i;
const DOMAIN_IN_NAME = /\b((?:[a-z0-9-]+\.)+(?:com|net|org|jp|go\.jp|co\.jp|or\.jp|ne\.jp|info|biz|io|co|uk|de|br|fr|cn|ru))\b/i;

/** `"shown@brand.example", <real@elsewhere.example>` as the whole From header. */
const TWO_MAILBOXES = /^\s*"([^"<>,]{1,120}[@＠][^"<>,]{1,120})"\s*,\s*(?:"[^"]{0,120}"\s*)?<([^<>@\s]{1,64}@[^<>\s]{1,253})>/;

function registrableOf(domain: string): string {
  try {
    return registrableDomain(domain) ?? domain;
  } catch {
    return domain;
  }
}

export const senderDisplayNameAddress: Rule = {
  id: 'sender-display-name-address',
  scope: 'sender',
  maxSeverity: 'danger',
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from) return [];
    const two = TWO_MAILBOXES.exec(msg.header('from')[0]?.slice(0, 600) ?? '');
    if (two && two[1] && two[2]) {
      const shown = two[1].normalize('NFKC').toLowerCase();
      const shownDomain = shown.slice(shown.lastIndexOf('@') + 1).trim();
      const realDomain = two[2].toLowerCase().slice(two[2].lastIndexOf('@') + 1);
      if (shownDomain && registrableOf(shownDomain) !== registrableOf(realDomain)) {
        const important = msg.protectedNames.some((b) => b.domains.length > 0 && inDomains(shownDomain, b.domains));
        return [senderFinding(this.id, important ? 'danger' : 'caution', from, { shown: two[1].slice(0, 80), address: two[2].slice(0, 120), domain: realDomain })] as Finding[];
      }
    }
    if (!from.name) return [];
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
      {
        name: 'a brand address written as a first mailbox in From',
        snapshot: { from: { address: 'promotions@cdiscount.com' }, headers: [{ name: 'From', value: '"Promotions@cdiscount.com", <eglantine@news.meteo.example>' }] },
      },
    ],
    clean: [
      { name: 'same address in the name', snapshot: { from: { name: 'soumu@sakura-hp.example.jp', address: 'soumu@sakura-hp.example.jp' } } },
      { name: 'ordinary name', snapshot: { from: { name: '山田 太郎', address: 'yamada@sakura-hp.example.jp' } } },
    ],
  },
};
