import { describe, expect, it } from 'vitest';
import { isMixedScriptHomograph, mixesLatinAndJapanese } from '../../../shared/lookalike/homograph';

describe('isMixedScriptHomograph', () => {
  const flags = ['аррӏе.com', 'аmazon.co.jp', 'gοogle.com', 'pаypal.com', 'microsoft.соm', 'αρρle.com', 'օnline.com', 'а\u03bfb.com'];
  const clean = ['apple.com', 'пример.рф', 'россия.рф', 'ドメイン.テスト', '楽天.jp', 'münchen.de', 'example.com', 'bücher.example', ''];
  for (const h of flags) it(`flags ${h}`, () => expect(isMixedScriptHomograph(h)).toBe(true));
  for (const h of clean) it(`does not flag ${h}`, () => expect(isMixedScriptHomograph(h)).toBe(false));
});

describe('mixesLatinAndJapanese', () => {
  const flags = ['アマゾン-amazon.jp', 'amazonログイン.com', 'rakuten楽天.jp'];
  const clean = ['アマゾン.jp', 'amazon.jp', 'example.みんな', 'аррӏе.com'];
  for (const h of flags) it(`flags ${h}`, () => expect(mixesLatinAndJapanese(h)).toBe(true));
  for (const h of clean) it(`does not flag ${h}`, () => expect(mixesLatinAndJapanese(h)).toBe(false));
});
