/**
 * Confusable skeletons: two strings that look alike to a reader get the same skeleton, so a
 * look-alike of a protected name can be found by equality. Our own compact table of the
 * confusions that matter for domains and brand names in Japanese and Latin mail — not a copy of
 * Unicode's confusables data. Pure and idempotent (`skeleton(skeleton(x)) === skeleton(x)`).
 * Never used for display: skeletons are deliberately lossy.
 *
 * Steps: NFKC (full/half width, compatibility forms) → lower case → NFD and drop combining
 * accents (`é` → `e`; Japanese voicing marks are kept) → drop invisible and format characters →
 * map single confusable characters to a prototype → fold `rn`, `vv`, `cl` → NFC.
 */
import { isInvisibleCodePoint } from '../url/obfuscations';

/**
 * Single-character confusables → prototype. Grouped by what they imitate; every entry is a
 * character a reader can take for the prototype in common fonts.
 */
const CONFUSABLES: Record<string, string> = {
  // Digits that pass for letters in domains (`micros0ft`, `paypa1`).
  '0': 'o',
  '1': 'l',
  // Capital I and small l share a glyph in many sans-serif fonts (`PayPaI`); since the skeleton is
  // case-folded, i joins them. Dotless i and similar strokes too.
  i: 'l',
  'ı': 'l', // U+0131 dotless i
  'ɩ': 'l', // U+0269 Latin iota
  'ǀ': 'l', // U+01C0 dental click
  '|': 'l',
  // Latin letters with strokes that NFD does not decompose.
  'ø': 'o',
  'đ': 'd',
  'ł': 'l',
  'ħ': 'h',
  'ŧ': 't',
  'ƀ': 'b',
  // Other Latin look-alikes.
  'ɑ': 'a', // U+0251 Latin alpha
  'ɡ': 'g', // U+0261 script g
  'ȷ': 'j', // U+0237 dotless j
  // Cyrillic letters drawn like Latin ones (`аррӏе` = Cyrillic а р р ӏ е).
  'а': 'a',
  'е': 'e',
  'о': 'o',
  'р': 'p',
  'с': 'c',
  'у': 'y',
  'х': 'x',
  'ѕ': 's',
  'і': 'l', // looks like i, and i folds to l above
  'ј': 'j',
  'ӏ': 'l', // palochka
  'һ': 'h',
  'ԁ': 'd',
  'ԛ': 'q',
  'ԝ': 'w',
  'ѵ': 'v',
  'ү': 'y',
  // Greek letters drawn like Latin ones.
  'α': 'a',
  'ο': 'o',
  'ν': 'v',
  'ρ': 'p',
  'ι': 'l',
  'κ': 'k',
  'χ': 'x',
  'υ': 'u',
  'ϲ': 'c', // lunate sigma
  'ε': 'e',
  'τ': 't',
  'γ': 'y',
  'η': 'n',
  'ω': 'w',
  'ϳ': 'j',
  // Armenian letters drawn like Latin ones.
  'օ': 'o',
  'ս': 'u',
  'հ': 'h',
  'ո': 'n',
  // Horizontal strokes: katakana prolonged sound mark, kanji "one", and the dash family
  // (ー/一/－/‐/―) all read as one line.
  'ー': '-',
  '一': '-',
  '‐': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '−': '-',
  '〇': 'o', // ideographic zero
  // Kanji that are drawn like katakana: each pair is a classic mix-up in Japanese text.
  '口': 'ロ', // kuchi / katakana ro
  '力': 'カ', // chikara / katakana ka
  '工': 'エ', // kō / katakana e
  '二': 'ニ', // ni (two) / katakana ni
  '夕': 'タ', // yū / katakana ta
  '卜': 'ト', // boku / katakana to
  '八': 'ハ', // hachi / katakana ha
  '才': 'オ', // sai / katakana o
  '千': 'チ', // sen / katakana chi (close, not identical; common in spoofed names)
  // Hiragana and katakana he are nearly the same glyph (voiced forms follow through NFC).
  'へ': 'ヘ',
  // Katakana pairs readers confuse: so/n and tsu/shi differ only by stroke angle.
  'ソ': 'ン',
  'ツ': 'シ',
};

/**
 * Everything the slow path must touch: the table's keys, combining accents (not Japanese voicing
 * marks), format characters and the other invisible characters of `isInvisibleCodePoint`. One
 * native regex pass skips the rest of the text, which keeps long Japanese bodies cheap.
 */
const TOUCHED = new RegExp(
  '[' +
    Object.keys(CONFUSABLES)
      .map((c) => (/[\\\]^|-]/.test(c) ? `\\${c}` : c))
      .join('') +
    '\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f' + // combining accents
    '\\p{Cf}' + // format characters: soft hyphen, zero-width, bidi controls, tags …
    '\\u034f\\u115f\\u1160\\u3164\\uffa0\\u17b4\\u17b5\\u180b-\\u180e\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}' +
    ']',
  'gu',
);

function replaceTouched(ch: string): string {
  const mapped = CONFUSABLES[ch];
  if (mapped !== undefined) return mapped;
  const cp = ch.codePointAt(0) ?? 0;
  // Only dropped characters remain; the check keeps the function honest if the class drifts.
  return isInvisibleCodePoint(cp) || FORMAT_CHARACTER.test(ch) || isCombiningAccent(cp) ? '' : ch;
}

function isCombiningAccent(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

const FORMAT_CHARACTER = /\p{Cf}/u;

/** Multi-character look-alikes, applied left to right without overlap after the single mappings. */
const SEQUENCES = /rn|vv|cl/g;
const SEQUENCE_PROTOTYPE: Record<string, string> = { rn: 'm', vv: 'w', cl: 'd' };

const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const ASCII_CONFUSABLE = /[01i|]/g;

function skeletonOnce(text: string): string {
  // Fast path for the common all-ASCII text: normalisation forms leave it unchanged.
  if (ASCII_ONLY.test(text)) {
    return text
      .toLowerCase()
      .replace(ASCII_CONFUSABLE, (c) => CONFUSABLES[c] ?? c)
      .replace(SEQUENCES, (s) => SEQUENCE_PROTOTYPE[s] ?? s);
  }
  const mapped = text.normalize('NFKC').toLowerCase().normalize('NFD').replace(TOUCHED, replaceTouched);
  return mapped.replace(SEQUENCES, (s) => SEQUENCE_PROTOTYPE[s] ?? s).normalize('NFC');
}

/** The confusable skeleton of `text`. Idempotent. */
export function skeleton(text: string): string {
  const once = skeletonOnce(text);
  // A second pass settles rare inputs whose normalisation only stabilises after mapping (e.g. a
  // compatibility character that decomposes into a confusable); most inputs return unchanged.
  const twice = skeletonOnce(once);
  return twice === once ? once : skeletonOnce(twice);
}
