/**
 * normalizeForMatch and the phrase automaton: full-width, case, invisible characters and accents
 * on Latin letters do not hide a phrase; Japanese voiced kana stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { createTermMatcher, normalizeForMatch } from '../../../shared/scan/term-matcher';

describe('normalizeForMatch', () => {
  it('folds width, case and invisible characters', () => {
    expect(normalizeForMatch('ＣＡＳＩＮＯ\u200B　Bonus')).toBe('casino bonus');
  });
  it('drops accents on Latin letters', () => {
    expect(normalizeForMatch('Cāsino Pāypal prémio')).toBe('casino paypal premio');
  });
  it('keeps Japanese dakuten and handakuten', () => {
    expect(normalizeForMatch('ガスの請求・パスワード')).toBe('ガスの請求・パスワード');
    expect(normalizeForMatch('ｶﾞｽ')).toBe('ガス');
  });
});

describe('createTermMatcher', () => {
  const m = createTermMatcher([
    { term: 'free spins', tag: 'spam' },
    { term: '再配達', tag: 'delivery' },
  ]);
  it('finds an accented spelling of a listed phrase', () => {
    expect(m.find(normalizeForMatch('Get FRĒE spins now')).map((h) => h.tag)).toEqual(['spam']);
  });
  it('finds Japanese phrases without word boundaries', () => {
    expect(m.find(normalizeForMatch('お荷物の再配達はこちら')).map((h) => h.tag)).toEqual(['delivery']);
  });
});
