import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../shared/url/analyze-url';
import { toUnicodeHostname } from '../../../shared/url/punycode';
import { urlShownInText } from '../../../shared/url/link-text';
import { normalizeDomain } from '../../../shared/url/domains';
import { linkFileName } from '../../../shared/url/file-name';

const urlish = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc
    .tuple(fc.constantFrom('https://', 'http://', 'ｈｔｔｐｓ：／／', 'java\nscript:', '//', ''), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '/', '@evil.example/', '／@x', '\\@y', '?url=https%3A%2F%2Fx'))
    .map(([a, b, c]) => a + b + c),
  fc.webUrl().map((u) => `https://www.google.com/url?q=${encodeURIComponent(u)}`),
);

describe('URL properties', () => {
  it('analyzeUrl never throws and keeps its invariants', () => {
    fc.assert(
      fc.property(urlish, (href) => {
        const a = analyzeUrl(href);
        expect(a.input).toBe(href);
        if (!a.ok) expect(a.hostname).toBeUndefined();
        if (a.isPrivateIp) expect(a.isIp).toBe(true);
        if (a.isIp) expect(a.registrableDomain).toBeUndefined();
        if (a.wrappers.length === 0 && !a.unwrapTruncated) expect(a.destination).toBe(a);
        expect(a.destination.destination).toBe(a.destination);
      }),
      { numRuns: 2000 },
    );
  });

  it('the other URL helpers never throw', () => {
    fc.assert(
      fc.property(urlish, (text) => {
        urlShownInText(text);
        normalizeDomain(text);
        linkFileName(analyzeUrl(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('decodes punycode as Node does', () => {
    const label = fc.string({ unit: fc.constantFrom(...'abcアマゾンдомéßü楽天кирилица0-'.split('')), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(label, (l) => {
        const ascii = domainToASCII(`${l}.example`);
        fc.pre(ascii !== '');
        expect(toUnicodeHostname(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 500 },
    );
  });
});
