import { describe, expect, it } from 'vitest';
import { extractTextLinks, MAX_TEXT_CHARS, trimJapaneseTail } from '../../../shared/mail/text-links';

describe('extractTextLinks', () => {
  const table: { name: string; text: string; links: [string, string][] }[] = [
    { name: 'https URL', text: 'ログイン: https://example.jp/login?id=1 まで', links: [['https://example.jp/login?id=1', 'https://example.jp/login?id=1']] },
    { name: 'bare www host gets a scheme in href only', text: 'see www.example.co.jp.', links: [['http://www.example.co.jp', 'www.example.co.jp']] },
    { name: 'trailing punctuation is not part of the link', text: '(https://example.org/a), next', links: [['https://example.org/a', 'https://example.org/a']] },
    { name: 'IP host', text: 'http://192.0.2.1/x', links: [['http://192.0.2.1/x', 'http://192.0.2.1/x']] },
    { name: 'e-mail addresses are skipped', text: 'mail info@example.jp or mailto:info@example.jp', links: [] },
    { name: 'several links in order', text: 'a https://one.example/ b https://two.example/', links: [['https://one.example/', 'https://one.example/'], ['https://two.example/', 'https://two.example/']] },
    { name: 'no links', text: 'お世話になっております。', links: [] },
    { name: 'Japanese glued to the host ends the link', text: 'https://example.jpへアクセス', links: [['https://example.jp', 'https://example.jp']] },
    { name: 'Japanese glued to the path stays (the host is right)', text: 'こちら→https://example.jp/loginから', links: [['https://example.jp/loginから', 'https://example.jp/loginから']] },
    { name: 'ideographic full stop at the end', text: 'URL：https://example.co.jp。', links: [['https://example.co.jp', 'https://example.co.jp']] },
    { name: 'internationalised host stays', text: 'https://例え.jp/パス 次', links: [['https://例え.jp/パス', 'https://例え.jp/パス']] },
    { name: 'fullwidth URL kept as written', text: 'http://ｅｘａｍｐｌｅ．ｃｏｍ/', links: [['http://ｅｘａｍｐｌｅ．ｃｏｍ/', 'http://ｅｘａｍｐｌｅ．ｃｏｍ/']] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const found = extractTextLinks(row.text);
      expect(found.map((a) => [a.href, a.text])).toEqual(row.links);
      for (const a of found) expect(a.source).toBe('text');
    });
  }

  it('caps the number of links', () => {
    const text = Array.from({ length: 30 }, (_, i) => `https://h${i}.example/`).join(' ');
    expect(extractTextLinks(text, { maxLinks: 5 })).toHaveLength(5);
    expect(extractTextLinks(text)).toHaveLength(30);
  });

  it('scans at most MAX_TEXT_CHARS characters', () => {
    const text = `${' '.repeat(MAX_TEXT_CHARS)} https://late.example/`;
    expect(extractTextLinks(text)).toEqual([]);
  });

  it('handles empty and non-string input', () => {
    expect(extractTextLinks('')).toEqual([]);
    expect(extractTextLinks(null as unknown as string)).toEqual([]);
  });
});

describe('trimJapaneseTail', () => {
  const table: [string, string][] = [
    ['https://example.comから', 'https://example.com'],
    ['example.jpです', 'example.jp'],
    ['https://example.jp:8080/', 'https://example.jp:8080/'],
    ['https://paypalー.com/login', 'https://paypalー.com/login'],
    ['https://テスト.example.jpへ', 'https://テスト.example.jp'],
    ['https://a.example/x。」', 'https://a.example/x'],
    ['。', ''],
  ];
  for (const [input, output] of table) it(input, () => expect(trimJapaneseTail(input)).toBe(output));
});
