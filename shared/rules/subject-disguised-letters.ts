/**
 * The subject, sender name or sender address is written with look-alike letters: mathematical bold/italic
 * alphabets (𝐘𝐎𝐔𝐑), circled or squared letters, or Cyrillic/Greek letters mixed into Latin
 * words (Pаypal with a Cyrillic а), or invisible characters inside Latin words (I\u200BRS). It
 * defeats filters and keyword searches; legitimate senders have no use for it. (Kanji followed by
 * a variation selector is ordinary in Japanese names and is not counted.)
 */
import type { Finding } from '../model';
import type { Rule } from './types';
import { messageFinding } from './support/helpers';

// Mathematical alphanumerics, enclosed alphanumerics (Ⓐ, 🅰, 🄰) and small-capital/modifier forms.
const STYLED = /[\u{1D400}-\u{1D7FF}\u{24B6}-\u{24E9}\u{1F130}-\u{1F189}\u{1D00}-\u{1D2B}]/u;
// A word that mixes Latin letters with Cyrillic or Greek ones.
const MIXED_WORD = /(?:[A-Za-z][\u0370-\u03FF\u0400-\u04FF]|[\u0370-\u03FF\u0400-\u04FF][A-Za-z])/u;
// Invisible format characters, variation selectors or tag characters between Latin letters.
const HIDDEN_IN_WORD = /[A-Za-z][\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\uFE00-\uFE0F\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]+[A-Za-z]/u;

export const subjectDisguisedLetters: Rule = {
  id: 'subject-disguised-letters',
  scope: 'message',
  maxSeverity: 'info',
  weight: 2,
  check(msg) {
    // The raw address too: "noreply@𝗩𝗲𝗿𝗸𝗮𝗱𝗲.𝗻𝗹" reads as a real domain once normalised.
    const rawAddress = typeof msg.snapshot.from?.address === 'string' ? msg.snapshot.from.address : '';
    for (const [kind, text] of [['subject', msg.subject], ['sender', msg.from?.name ?? ''], ['sender', rawAddress]] as const) {
      const t = text.slice(0, 300);
      if (STYLED.test(t) || MIXED_WORD.test(t) || HIDDEN_IN_WORD.test(t)) {
        return [messageFinding(this.id, 'info', kind === 'subject' ? 'subject' : 'header', t, { text: t.slice(0, 60) })] as Finding[];
      }
    }
    return [];
  },
  examples: {
    flags: [
      { name: 'mathematical bold letters', snapshot: { subject: '𝐘𝐎𝐔𝐑 𝐑𝐄𝐖𝐀𝐑𝐃 is waiting' } },
      { name: 'variation selectors inside a Latin name', snapshot: { from: { name: 'I\u{E0139}RS Ta\u{E0139}x Office', address: 'x@example.com' }, subject: 'Notice' } },
      { name: 'Cyrillic a inside PayPal', snapshot: { from: { name: 'P\u0430yPal', address: 'x@example.com' }, subject: 'Notice' } },
    ],
    clean: [
      { name: 'Japanese subject', snapshot: { subject: '【重要】院内システム停止のお知らせ' } },
      { name: 'kanji with an ideographic variation selector in a name', snapshot: { from: { name: '葛\u{E0100}城 太郎', address: 'katsuragi@clinic.example.jp' }, subject: 'ご連絡' } },
      { name: 'Russian subject, all Cyrillic', snapshot: { subject: 'Привет мир' } },
    ],
  },
};
