import { describe, expect, it } from 'vitest';
import { lookupText, SURFACE_TEXTS, surfaceText, withSurfaceTexts, type SurfaceTextKey } from '../../../shared/i18n/surface-texts';
import { UI_TEXTS } from '../../../shared/i18n/ui-texts';

describe('SURFACE_TEXTS', () => {
  it('has Japanese and English for every key, with the same placeholders', () => {
    for (const [key, entry] of Object.entries(SURFACE_TEXTS)) {
      expect(entry.ja, key).not.toBe('');
      expect(entry.en, key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.en), key).toEqual(names(entry.ja));
    }
  });

  it('takes the verdict headlines from the generic UI words', () => {
    expect(SURFACE_TEXTS.dangerTitle).toBe(UI_TEXTS['verdict.danger']);
    expect(SURFACE_TEXTS.cautionTitle).toBe(UI_TEXTS['verdict.caution']);
  });
});

describe('surfaceText / lookupText', () => {
  it.each<[SurfaceTextKey, 'ja' | 'en', Record<string, number>, string]>([
    ['consult', 'ja', {}, '管理者に相談'],
    ['consult', 'en', {}, 'Ask IT'],
    ['moreFindings', 'ja', { count: 4 }, 'ほか 4 件'],
    ['moreFindings', 'en', { count: 4 }, '4 more'],
    ['moreFindings', 'en', {}, '{count} more'],
  ])('%s in %s', (key, lang, params, expected) => {
    expect(surfaceText(key, lang, params)).toBe(expected);
  });

  it('fills parameters as plain text, once, without reading them as placeholders', () => {
    const table = { greet: { ja: '{a} と {b}', en: '{a} and {b}' } };
    expect(lookupText(table, 'greet', 'en', { a: '<b>{b}</b>', b: 'x' })).toBe('<b>{b}</b> and x');
  });

  it('falls back to Japanese when a language is missing', () => {
    const table = { only: { ja: '日本語だけ' } as unknown as { ja: string; en: string } };
    expect(lookupText(table, 'only', 'en')).toBe('日本語だけ');
  });

  it('joins a host table to the shared one, and refuses a host key that repeats a shared one', () => {
    const joined = withSurfaceTexts({ hostOnly: { ja: 'ホスト', en: 'Host' } });
    expect(lookupText(joined, 'hostOnly', 'ja')).toBe('ホスト');
    expect(lookupText(joined, 'consult', 'en')).toBe('Ask IT');
    // @ts-expect-error a host must not redefine a shared word on its own surface
    withSurfaceTexts({ consult: { ja: '別の言い方', en: 'Other words' } });
  });
});
