import { describe, expect, it } from 'vitest';
import { findDomainInList, hostMatchesDomain, normalizeDomain, registrableDomain } from '../../../shared/url/domains';

describe('registrableDomain', () => {
  const table: [string, string | undefined][] = [
    ['www.amazon.co.jp', 'amazon.co.jp'],
    ['WWW.MHLW.GO.JP', 'mhlw.go.jp'],
    ['login.microsoftonline.com', 'microsoftonline.com'],
    ['example.com.evil.example', 'evil.example'],
    ['phish.github.io', 'phish.github.io'],
    ['a.b.blob.core.windows.net', 'b.blob.core.windows.net'],
    ['example.com.', 'example.com'],
    ['127.0.0.1', undefined],
    ['[::1]', undefined],
    ['co.jp', undefined],
    ['', undefined],
  ];
  for (const [host, expected] of table) it(`${host || '(empty)'} → ${expected}`, () => expect(registrableDomain(host)).toBe(expected));
});

describe('hostMatchesDomain', () => {
  const matches: [string, string][] = [
    ['example.jp', 'example.jp'],
    ['www.example.jp', 'example.jp'],
    ['A.B.EXAMPLE.JP', 'example.jp'],
    ['www.example.jp.', 'example.jp'],
    ['www.example.jp', 'Example.JP.'],
  ];
  const nonMatches: [string, string][] = [
    ['badexample.jp', 'example.jp'],
    ['example.jp.evil.example', 'example.jp'],
    ['example.j', 'example.jp'],
    ['jp', 'example.jp'],
    ['', 'example.jp'],
    ['example.jp', ''],
  ];
  for (const [h, d] of matches) it(`matches ${h} in ${d}`, () => expect(hostMatchesDomain(h, d)).toBe(true));
  for (const [h, d] of nonMatches) it(`does not match ${h} in ${d}`, () => expect(hostMatchesDomain(h, d)).toBe(false));
});

describe('findDomainInList', () => {
  it('returns the matching entry', () => {
    expect(findDomainInList('mail.hospital.example.jp', ['partner.example', 'hospital.example.jp'])).toBe('hospital.example.jp');
  });
  it('returns undefined when none matches', () => {
    expect(findDomainInList('hospital-example.jp', ['hospital.example.jp'])).toBeUndefined();
    expect(findDomainInList('x.example', [])).toBeUndefined();
  });
});

describe('normalizeDomain', () => {
  const table: [string, string | undefined][] = [
    ['ＥＸＡＭＰＬＥ．jp', 'example.jp'],
    ['Example.COM.', 'example.com'],
    ['  hospital.example.jp ', 'hospital.example.jp'],
    ['https://example.com/', 'example.com'],
    ['ドメイン.テスト', 'xn--eckwd4c7c.xn--zckzah'],
    ['例え。jp', 'xn--r8jz45g.jp'],
    ['user@example.com', undefined],
    ['example.com/path', undefined],
    ['example.com:8080', undefined],
    ['exa mple.com', undefined],
    ['', undefined],
    ['mailto:a@example.com', undefined],
    ['[::1]', undefined],
  ];
  for (const [input, expected] of table) it(`${JSON.stringify(input)} → ${expected}`, () => expect(normalizeDomain(input)).toBe(expected));
});
