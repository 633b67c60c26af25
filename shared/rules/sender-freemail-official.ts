/**
 * Free mail (Gmail, Yahoo!, Outlook.com …) that claims to be a public body, a hospital, a bank
 * or a well-known company in its display name or subject. Official bodies do not write from free
 * mailboxes (IPA, MHLW notices on fake 保健所 mail). A provider's own subdomains
 * (mail.docomo.ne.jp, accounts.google.com) are its systems, not a consumer mailbox.
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { hasTheme, isConsumerMailbox, senderFinding } from './support/helpers';
import { lureMatcher } from './support/lexicon';
import { normalizeForMatch } from '../scan/term-matcher';

/** Office words any club or study group uses. */
const GENERIC_OFFICES: ReadonlySet<string> = new Set(['事務局']);

export const senderFreemailOfficial: Rule = {
  id: 'sender-freemail-official',
  scope: 'sender',
  maxSeverity: 'caution',
  weight: 0.5,
  needs: ['from'],
  check(msg) {
    const from = msg.from;
    if (!from || !isConsumerMailbox(from)) return [];
    const brand = msg.brands.displayName.find((b) => b.brand.domains.length > 0);
    if (brand) return [senderFinding(this.id, 'caution', from, { claim: brand.matched })] as Finding[];
    const nameHit = lureMatcher().find(normalizeForMatch(from.name), 20).find((h) => h.tag === 'official');
    // In the subject only Japanese office names count: "government" in an English subject is
    // usually a topic, while 「保健所」 in a subject is a claim.
    const subjectTerm = msg.lures.subject.get('official');
    const subjectHit = subjectTerm && /[^\u0000-\u024f]/.test(subjectTerm) ? subjectTerm : undefined;
    const claim = nameHit?.term ?? subjectHit;
    if (!claim) return [];
    // Study groups, alumni and volunteer 事務局 really do run on Gmail; such a name is only a
    // claim worth a caution when the mail asks for money or a sign-in.
    if (GENERIC_OFFICES.has(claim) && !hasTheme(msg, 'payment') && !hasTheme(msg, 'credential-request') && !hasTheme(msg, 'account-threat')) {
      return [senderFinding(this.id, 'info', from, { claim, generic: 1 })] as Finding[];
    }
    return [senderFinding(this.id, 'caution', from, { claim })] as Finding[];
  },
  examples: {
    flags: [
      { name: '警視庁 from Gmail', snapshot: { from: { name: '警視庁 捜査第二課', address: 'keishicho.sousa2@gmail.com' }, subject: '【至急】捜査へのご協力のお願い' } },
      { name: '保健所 from Gmail', snapshot: { from: { name: '〇〇保健所 感染症対策課', address: 'hokenjo.kansen@gmail.com' }, subject: '【重要】感染症発生届の提出について' } },
      { name: 'bank in English from outlook.com', snapshot: { from: { name: 'Security Dept. Bank', address: 'bank.security.dept@outlook.com' }, subject: 'Account notice' } },
    ],
    clean: [
      { name: 'private person on Gmail', snapshot: { from: { name: '佐藤 花子', address: 'hanako.sato@gmail.com' }, subject: '同窓会のお知らせ' } },
      { name: 'the carrier writing from its own notice subdomain', snapshot: { from: { name: 'dアカウント', address: 'd-account@mail.docomo.ne.jp' }, subject: 'パスワード変更のお知らせ' } },
      { name: '保健所 from a government domain', snapshot: { from: { name: '〇〇保健所', address: 'hokenjo@city.example.lg.jp' }, subject: '感染症発生届について' } },
    ],
  },
};
