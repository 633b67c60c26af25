/**
 * Conformance of analyzeUrl with the WHATWG URL Standard.
 *
 * 1. The web-platform-tests URL parsing data (url/resources/urltestdata.json) as shipped on npm
 *    inside the dev dependency `@wordpress/url` (src/test/fixtures/wpt-data.json, BSD-3-Clause,
 *    read from node_modules, not copied here). That copy keeps, for each absolute input without a
 *    base, only whether parsing fails: every entry applies and is checked for `ok`. Cases with a
 *    base, and the expected href/hostname fields, are not in that copy.
 * 2. Expected href and hostname for inputs taken from the URL Standard's own host-parsing and
 *    IPv4 examples and its validation-error descriptions (facts written out here).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../shared/url/analyze-url';

// The package's "exports" do not expose the fixture, so it is read by path from node_modules.
const wptPath = new URL('../../../node_modules/@wordpress/url/src/test/fixtures/wpt-data.json', import.meta.url);
const wpt = JSON.parse(readFileSync(wptPath, 'utf8')) as ({ input: string; failure?: boolean } | string)[];
const cases = wpt.filter((c): c is { input: string; failure?: boolean } => typeof c === 'object' && c !== null);

describe('analyzeUrl agrees with the web-platform-tests URL data', () => {
  it('has the data', () => {
    expect(cases.length).toBeGreaterThan(300);
    expect(cases.some((c) => c.failure)).toBe(true);
  });

  it('accepts exactly the inputs the standard parses and rejects the failures', () => {
    const disagreements = cases
      .filter((c) => analyzeUrl(c.input).ok !== !c.failure)
      .map((c) => `${JSON.stringify(c.input)} expected ${c.failure ? 'failure' : 'success'}`);
    expect(disagreements).toEqual([]);
  });

  it('reports the hostname the parser produced, for every successful case', () => {
    for (const c of cases.filter((x) => !x.failure)) {
      const a = analyzeUrl(c.input);
      expect(a.hostname ?? '').toBe(new URL(c.input).hostname);
      expect(a.href).toBe(new URL(c.input).href);
    }
  });
});

describe('analyzeUrl on the URL Standard examples', () => {
  const table: { input: string; href?: string; hostname?: string; failure?: true }[] = [
    { input: 'https://EXAMPLE.com/../x', href: 'https://example.com/x', hostname: 'example.com' },
    { input: 'https://ex%61mple.com/', href: 'https://example.com/', hostname: 'example.com' },
    { input: 'https://%41.com/', hostname: 'a.com' },
    { input: 'https://０x7F.0.0.1/', hostname: '127.0.0.1' },
    { input: 'https://0x7F.0.0.1/', hostname: '127.0.0.1' },
    { input: 'https://1.2.3.4.5/', failure: true },
    { input: 'http://1.2.3.09/', failure: true },
    { input: 'http://999999999999/', failure: true },
    { input: 'https://faß.ExAmPlE/', hostname: 'xn--fa-hia.example' },
    { input: 'https://xn--/', failure: true },
    { input: 'https://%zz%66%a.com/', failure: true },
    { input: 'https://％４１.com/', failure: true },
    { input: 'http://％００.com/', failure: true },
    { input: 'https://example.com:65536/', failure: true },
    { input: 'http://example.com:80/', href: 'http://example.com/' },
    { input: 'http://example.com/foo/%2e%2E/bar', href: 'http://example.com/bar' },
    { input: 'http://[1:0::]/', hostname: '[1::]' },
    { input: 'https://exa mple.com/', failure: true },
    { input: 'http://GOO\u200b\u2060\ufeffgoo.com/', hostname: 'googoo.com' },
    { input: 'http://www.foo。bar.com/', hostname: 'www.foo.bar.com' },
    { input: 'http://\u0000goo.com/', failure: true },
  ];
  for (const row of table) {
    it(JSON.stringify(row.input), () => {
      const a = analyzeUrl(row.input);
      expect(a.ok).toBe(!row.failure);
      if (row.href) expect(a.href).toBe(row.href);
      if (row.hostname) expect(a.hostname).toBe(row.hostname);
    });
  }
});
