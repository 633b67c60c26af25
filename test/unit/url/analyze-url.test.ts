import { describe, expect, it } from 'vitest';
import { analyzeUrl } from '../../../shared/url/analyze-url';
import type { UrlObfuscation } from '../../../shared/url/types';

interface Row {
  name: string;
  href: string;
  ok: boolean;
  hostname?: string;
  registrable?: string;
  scheme?: string;
  isIp?: boolean;
  isPrivateIp?: boolean;
  userinfo?: string;
  obfuscations?: UrlObfuscation[];
}

// Every row of the URL table in SIGNALS.md, plus neighbours: judged as the browser navigates.
const table: Row[] = [
  { name: 'backslash ends the host: path, not userinfo', href: 'https://accounts.google.com\\@evil.example/', ok: true, hostname: 'accounts.google.com', registrable: 'google.com', obfuscations: ['backslash'] },
  { name: 'userinfo trick', href: 'https://accounts.google.com@evil.example/', ok: true, hostname: 'evil.example', userinfo: 'accounts.google.com', obfuscations: ['userinfo'] },
  { name: 'fullwidth solidus stays in userinfo', href: 'https://www.mhlw.go.jp／@evil.example/', ok: true, hostname: 'evil.example', registrable: 'evil.example', userinfo: 'www.mhlw.go.jp／', obfuscations: ['fullwidth', 'userinfo'] },
  { name: 'fullwidth commercial at fails to parse', href: 'https://www.mhlw.go.jp＠evil.example/', ok: false, obfuscations: ['fullwidth'] },
  { name: 'fullwidth host letters and dot', href: 'https://ｅｖｉｌ．ｅｘａｍｐｌｅ/', ok: true, hostname: 'evil.example', obfuscations: ['fullwidth', 'ideographic-dot'] },
  { name: 'ideographic full stop', href: 'https://evil。example/', ok: true, hostname: 'evil.example', obfuscations: ['ideographic-dot'] },
  { name: 'halfwidth ideographic full stop', href: 'https://evil｡example/', ok: true, hostname: 'evil.example', obfuscations: ['ideographic-dot'] },
  { name: 'percent-encoded host', href: 'https://%65vil.example/', ok: true, hostname: 'evil.example', obfuscations: ['percent-host'] },
  { name: 'soft hyphen vanishes from the host', href: 'https://ex\u00ADample.com/', ok: true, hostname: 'example.com', registrable: 'example.com', obfuscations: ['invisible'] },
  { name: 'zero-width space vanishes from the host', href: 'https://ex\u200Bample.com/', ok: true, hostname: 'example.com', obfuscations: ['invisible'] },
  { name: 'hex and short IPv4', href: 'https://0x7f.1/', ok: true, hostname: '127.0.0.1', isIp: true, isPrivateIp: true, obfuscations: ['numeric-ip'] },
  { name: 'integer IPv4', href: 'https://2130706433/', ok: true, hostname: '127.0.0.1', isIp: true, isPrivateIp: true, obfuscations: ['numeric-ip'] },
  { name: 'octal IPv4', href: 'http://0300.0250.0.1/', ok: true, hostname: '192.168.0.1', isIp: true, isPrivateIp: true, obfuscations: ['numeric-ip'] },
  { name: 'plain public IPv4 is not obfuscated', href: 'http://203.0.114.9/x', ok: true, hostname: '203.0.114.9', isIp: true, isPrivateIp: false, obfuscations: [] },
  { name: 'ideographic dot makes the real registrable domain', href: 'https://example.com。evil.example/', ok: true, hostname: 'example.com.evil.example', registrable: 'evil.example', obfuscations: ['ideographic-dot'] },
  { name: 'newline inside the scheme', href: '  java\nscript:alert(1)', ok: true, scheme: 'javascript:', obfuscations: ['control-whitespace'] },
  { name: 'tab inside the host', href: 'https://exa\tmple.com/', ok: true, hostname: 'example.com', obfuscations: ['control-whitespace'] },
  { name: 'leading spaces alone are ordinary', href: '  https://example.com/  ', ok: true, hostname: 'example.com', obfuscations: [] },
  { name: 'leading control character', href: '\u0001https://example.com/', ok: true, hostname: 'example.com', obfuscations: ['control-whitespace'] },
  { name: 'punycode label', href: 'https://xn--80ak6aa92e.com/', ok: true, hostname: 'xn--80ak6aa92e.com', registrable: 'xn--80ak6aa92e.com', obfuscations: ['punycode'] },
  { name: 'Unicode host becomes punycode', href: 'https://аррӏе.com/', ok: true, hostname: 'xn--80ak6aa92e.com', obfuscations: ['punycode'] },
  { name: 'IPv6 loopback', href: 'http://[::1]/', ok: true, hostname: '[::1]', isIp: true, isPrivateIp: true },
  { name: 'IPv4-mapped IPv6 loopback', href: 'http://[::ffff:127.0.0.1]/', ok: true, hostname: '[::ffff:7f00:1]', isIp: true, isPrivateIp: true },
  { name: 'public IPv6', href: 'http://[2606:4700::1111]/', ok: true, isIp: true, isPrivateIp: false },
  { name: 'private suffix is its own site', href: 'https://evil.github.io/login', ok: true, registrable: 'evil.github.io' },
  { name: 'trailing dot', href: 'https://www.example.com./', ok: true, hostname: 'www.example.com.', registrable: 'example.com' },
  { name: 'mailto has no host', href: 'mailto:info@example.jp', ok: true, scheme: 'mailto:', obfuscations: [] },
  { name: 'data URL', href: 'data:text/html,<script>alert(1)</script>', ok: true, scheme: 'data:' },
  { name: 'relative href without base', href: '/login', ok: false },
  { name: 'empty href', href: '', ok: false },
  { name: 'fullwidth scheme does not parse', href: 'ｈｔｔｐｓ：／／example.com/', ok: false },
];

describe('analyzeUrl: what the browser navigates to', () => {
  for (const row of table) {
    it(row.name, () => {
      const a = analyzeUrl(row.href);
      expect(a.input).toBe(row.href);
      expect(a.ok).toBe(row.ok);
      if (row.hostname !== undefined) expect(a.hostname).toBe(row.hostname);
      if (row.registrable !== undefined) expect(a.registrableDomain).toBe(row.registrable);
      if (row.scheme !== undefined) expect(a.scheme).toBe(row.scheme);
      if (row.isIp !== undefined) expect(a.isIp).toBe(row.isIp);
      if (row.isPrivateIp !== undefined) expect(a.isPrivateIp).toBe(row.isPrivateIp);
      if (row.userinfo !== undefined) expect(a.userinfo).toBe(row.userinfo);
      if (row.obfuscations !== undefined) expect([...a.obfuscations].sort()).toEqual([...row.obfuscations].sort());
      if (!row.ok) {
        expect(a.hostname).toBeUndefined();
        expect(a.registrableDomain).toBeUndefined();
      }
      expect(a.wrappers).toEqual([]);
      expect(a.destination).toBe(a);
    });
  }

  it('gives the Unicode form of punycode hosts', () => {
    expect(analyzeUrl('https://xn--80ak6aa92e.com/').unicodeHostname).toBe('аррӏе.com');
    expect(analyzeUrl('https://xn--eckwd4c7c.xn--zckzah/').unicodeHostname).toBe('ドメイン.テスト');
    expect(analyzeUrl('https://example.com/').unicodeHostname).toBe('example.com');
  });

  it('keeps IPs out of registrable domains', () => {
    expect(analyzeUrl('http://192.168.10.5/').registrableDomain).toBeUndefined();
    expect(analyzeUrl('http://[fe80::1]/').registrableDomain).toBeUndefined();
  });

  it('resolves relative hrefs against a base', () => {
    const a = analyzeUrl('/login?next=1', { base: 'https://intra.example.jp/app/' });
    expect(a.ok).toBe(true);
    expect(a.href).toBe('https://intra.example.jp/login?next=1');
    expect(a.registrableDomain).toBe('example.jp');
  });

  it('fills port, path, search', () => {
    const a = analyzeUrl('https://example.jp:8443/a/b?x=1#top');
    expect([a.port, a.pathname, a.search]).toEqual(['8443', '/a/b', '?x=1']);
  });

  it('tolerates non-string input from untrusted objects', () => {
    expect(analyzeUrl(undefined as unknown as string).ok).toBe(false);
    expect(analyzeUrl({} as unknown as string).ok).toBe(false);
  });
});

describe('analyzeUrl: wrappers', () => {
  const enc = encodeURIComponent;
  const table: { name: string; href: string; wrappers: string[]; destination: string; opaque?: string }[] = [
    {
      name: 'Safe Links',
      href: `https://apc01.safelinks.protection.outlook.com/?url=${enc('https://evil.example/login?a=1&b=2')}&data=05%7C01&reserved=0`,
      wrappers: ['safelinks'],
      destination: 'https://evil.example/login?a=1&b=2',
    },
    {
      name: 'google.com/url with q',
      href: `https://www.google.com/url?q=${enc('https://evil.example/x')}&sa=D`,
      wrappers: ['google-url'],
      destination: 'https://evil.example/x',
    },
    {
      name: 'google.co.jp/url with url',
      href: `https://www.google.co.jp/url?url=${enc('https://evil.example/jp')}`,
      wrappers: ['google-url'],
      destination: 'https://evil.example/jp',
    },
    {
      name: 'Proofpoint v2 (- for %, _ for /)',
      href: 'https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example_path-3Fa-3D1&d=DwMFaQ&c=x',
      wrappers: ['urldefense-v2'],
      destination: 'https://evil.example/path?a=1',
    },
    {
      name: 'Proofpoint v3 without replaced characters',
      href: 'https://urldefense.com/v3/__https://evil.example/a/b__;!!AbC!xYz$',
      wrappers: ['urldefense-v3'],
      destination: 'https://evil.example/a/b',
    },
    {
      name: 'Proofpoint v3 with one replaced character (Jg = "&")',
      href: 'https://urldefense.com/v3/__https://evil.example/a?b=c*d=e__;Jg!!AbC!xYz$',
      wrappers: ['urldefense-v3'],
      destination: 'https://evil.example/a?b=c&d=e',
    },
    {
      name: 'Proofpoint v3 with a run of two replaced characters (**A, JiY = "&&")',
      href: 'https://urldefense.com/v3/__https://evil.example/a?b=1**Ac=2__;JiY!!AbC!xYz$',
      wrappers: ['urldefense-v3'],
      destination: 'https://evil.example/a?b=1&&c=2',
    },
    {
      name: 'Facebook link shim',
      href: `https://l.facebook.com/l.php?u=${enc('https://evil.example/fb')}&h=AT0`,
      wrappers: ['facebook-redirect'],
      destination: 'https://evil.example/fb',
    },
    {
      name: 'YouTube redirect',
      href: `https://www.youtube.com/redirect?event=video_description&q=${enc('https://evil.example/yt')}`,
      wrappers: ['youtube-redirect'],
      destination: 'https://evil.example/yt',
    },
    {
      name: 'nested: Safe Links around google.com/url',
      href: `https://nam12.safelinks.protection.outlook.com/?url=${enc(`https://www.google.com/url?q=${enc('https://evil.example/deep')}`)}`,
      wrappers: ['safelinks', 'google-url'],
      destination: 'https://evil.example/deep',
    },
    {
      name: 'Symantec click-time protection',
      href: `https://clicktime.symantec.com/3AbCdEf?u=${enc('https://evil.example/s')}`,
      wrappers: ['symantec-clicktime'],
      destination: 'https://evil.example/s',
    },
    {
      name: 'Barracuda Link Protection',
      href: `https://linkprotect.cudasvc.com/url?a=${enc('https://evil.example/b')}&c=E,1,abc&typo=1`,
      wrappers: ['barracuda'],
      destination: 'https://evil.example/b',
    },
    {
      name: 'Trellix (FireEye)',
      href: `https://protect2.fireeye.com/v1/url?k=abc&q=def&e=ghi&u=${enc('https://evil.example/f')}`,
      wrappers: ['fireeye'],
      destination: 'https://evil.example/f',
    },
    {
      name: 'Trend Micro time-of-click',
      href: `https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?url=${enc('https://evil.example/t')}&umid=1&auth=2`,
      wrappers: ['trendmicro'],
      destination: 'https://evil.example/t',
    },
    {
      name: 'Cisco Secure Email (target in the last path segment)',
      href: `https://secure-web.cisco.com/1AbC-dEf/${enc('https://evil.example/c?x=1')}`,
      wrappers: ['cisco-secure-web'],
      destination: 'https://evil.example/c?x=1',
    },
    {
      name: 'Mimecast is opaque',
      href: 'https://protect-eu.mimecast.com/s/AbCdEfGh?domain=evil.example',
      wrappers: ['mimecast'],
      destination: 'https://protect-eu.mimecast.com/s/AbCdEfGh?domain=evil.example',
      opaque: 'mimecast',
    },
    {
      name: 'Mimecast (new host) inside Safe Links',
      href: `https://eur03.safelinks.protection.outlook.com/?url=${enc('https://url.uk.m.mimecastprotect.com/s/AbC')}`,
      wrappers: ['safelinks', 'mimecast'],
      destination: 'https://url.uk.m.mimecastprotect.com/s/AbC',
      opaque: 'mimecast',
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      const a = analyzeUrl(row.href);
      expect(a.ok).toBe(true);
      expect(a.wrappers).toEqual(row.wrappers);
      expect(a.destination.href).toBe(row.destination);
      expect(a.opaqueWrapper).toBe(row.opaque);
      if (row.opaque) expect(a.destination.opaqueWrapper).toBe(row.opaque);
      expect(a.destination.destination).toBe(a.destination);
    });
  }

  const notUnwrapped: { name: string; href: string }[] = [
    { name: 't.co keeps its target on its server', href: 'https://t.co/AbCdEf' },
    { name: 'youtube.com watch page', href: 'https://www.youtube.com/watch?v=abc&q=https://evil.example/' },
    { name: 'google search page is not /url', href: 'https://www.google.com/search?q=https://evil.example/' },
    { name: 'google look-alike host', href: `https://www.google.evil.example/url?q=${encodeURIComponent('https://x.example/')}` },
    { name: 'Safe Links with a relative target', href: 'https://nam12.safelinks.protection.outlook.com/?url=%2Flogin' },
    { name: 'Proofpoint v2 without u', href: 'https://urldefense.proofpoint.com/v2/url?d=x' },
  ];
  for (const row of notUnwrapped) {
    it(`does not unwrap: ${row.name}`, () => {
      const a = analyzeUrl(row.href);
      expect(a.wrappers).toEqual([]);
      expect(a.destination).toBe(a);
      expect(a.opaqueWrapper).toBeUndefined();
    });
  }

  it('stops at the depth cap and says so', () => {
    let href = 'https://evil.example/end';
    for (let i = 0; i < 8; i++) href = `https://www.google.com/url?q=${encodeURIComponent(href)}`;
    const capped = analyzeUrl(href);
    expect(capped.wrappers).toHaveLength(5);
    expect(capped.unwrapTruncated).toBe(true);
    expect(capped.destination.hostname).toBe('www.google.com');
    const two = analyzeUrl(href, { maxUnwrapDepth: 2 });
    expect(two.wrappers).toHaveLength(2);
    const all = analyzeUrl(href, { maxUnwrapDepth: 10 });
    expect(all.wrappers).toHaveLength(8);
    expect(all.unwrapTruncated).toBeUndefined();
    expect(all.destination.hostname).toBe('evil.example');
  });

  it('reports tricks inside the unwrapped destination on the destination', () => {
    const a = analyzeUrl(`https://www.google.com/url?q=${encodeURIComponent('https://accounts.google.com@evil.example/')}`);
    expect(a.obfuscations).toEqual([]);
    expect(a.destination.obfuscations).toEqual(['userinfo']);
    expect(a.destination.hostname).toBe('evil.example');
  });
});
