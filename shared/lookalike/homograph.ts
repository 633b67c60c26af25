/**
 * Script mixing in hostnames, judged per label on the Unicode form (punycode decoded): Latin
 * mixed with Cyrillic, Greek or Armenian, or a whole label of those scripts that reads as Latin
 * (`аррӏе`), is a homograph — the cases browsers' IDN display policies treat as spoofs. Latin
 * mixed with kana/kanji is reported by a separate function because browsers do display it
 * (`アマゾン-amazon.jp`) and only our own checks can warn about it.
 */
import { skeleton } from './skeleton';

type Script = 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'japanese' | 'other';

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const ARMENIAN = /\p{Script=Armenian}/u;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc\u3005]/u;
const LETTER = /\p{L}/u;

function scriptOf(ch: string): Script | undefined {
  const code = ch.charCodeAt(0);
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'latin';
  if (code < 0x80) return undefined; // digits, hyphen: no script
  if (LATIN.test(ch)) return 'latin';
  if (CYRILLIC.test(ch)) return 'cyrillic';
  if (GREEK.test(ch)) return 'greek';
  if (ARMENIAN.test(ch)) return 'armenian';
  if (JAPANESE.test(ch)) return 'japanese';
  return LETTER.test(ch) ? 'other' : undefined;
}

function scriptsOf(label: string): Set<Script> {
  const scripts = new Set<Script>();
  for (const ch of label) {
    const script = scriptOf(ch);
    if (script) scripts.add(script);
  }
  return scripts;
}

const LATIN_LOOKING = /^[a-z0-9-]+$/;

/** True when one label of the Unicode hostname mixes Latin with Cyrillic/Greek/Armenian, or is wholly one of those and reads as Latin. */
export function isMixedScriptHomograph(unicodeHostname: string): boolean {
  for (const label of unicodeHostname.split('.')) {
    if (label === '' || /^[\u0000-\u007f]*$/.test(label)) continue;
    const scripts = scriptsOf(label);
    const lookalikeScripts = ['cyrillic', 'greek', 'armenian'].filter((s) => scripts.has(s as Script)).length;
    if (scripts.has('latin') && lookalikeScripts > 0) return true;
    if (lookalikeScripts > 1) return true;
    if (lookalikeScripts === 1 && scripts.size === 1 && LATIN_LOOKING.test(skeleton(label))) return true;
  }
  return false;
}

/** True when one label mixes Latin letters with kana or kanji (`アマゾン-amazon`), which browsers display as Unicode. */
export function mixesLatinAndJapanese(unicodeHostname: string): boolean {
  for (const label of unicodeHostname.split('.')) {
    if (/^[\u0000-\u007f]*$/.test(label)) continue;
    const scripts = scriptsOf(label);
    if (scripts.has('latin') && scripts.has('japanese')) return true;
  }
  return false;
}
