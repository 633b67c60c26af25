import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HeaderLine } from '../../../shared/model';
import { parseAuthResultsValue, readAuthentication, tokenizeAuthHeader } from '../../../shared/mail/auth-results';
import { parseEml } from '../../../shared/mail/parse-eml';

const ar = (value: string): HeaderLine => ({ name: 'Authentication-Results', value });

async function fixtureHeaders(name: string): Promise<HeaderLine[]> {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/eml/${name}`, import.meta.url))));
  return (await parseEml(bytes)).headers ?? [];
}

describe('tokenizeAuthHeader', () => {
  it('drops nested comments and keeps quoted strings', () => {
    const tokens = tokenizeAuthHeader('mx.example; spf=pass (a (nested; =) comment) smtp.mailfrom="x@ex;ample.jp"');
    expect(tokens).toEqual([
      { kind: 'word', text: 'mx.example' },
      { kind: 'semi' },
      { kind: 'word', text: 'spf' },
      { kind: 'equals' },
      { kind: 'word', text: 'pass' },
      { kind: 'word', text: 'smtp.mailfrom' },
      { kind: 'equals' },
      { kind: 'word', text: 'x@ex;ample.jp' },
    ]);
  });

  it('survives unbalanced comments and quotes', () => {
    expect(() => tokenizeAuthHeader('a; spf=pass (unclosed')).not.toThrow();
    expect(() => tokenizeAuthHeader('a; spf="unclosed')).not.toThrow();
    expect(() => tokenizeAuthHeader('(\\')).not.toThrow();
  });
});

describe('parseAuthResultsValue', () => {
  it('reads authserv-id, version and resinfo', () => {
    const parsed = parseAuthResultsValue('mx.example.jp 1; dkim/1=PASS header.d=Example.JP header.i=@example.jp; dmarc=fail reason="x" header.from=example.jp');
    expect(parsed.authservId).toBe('mx.example.jp');
    expect(parsed.entries.map((e) => [e.method, e.result, Object.fromEntries(e.props)])).toEqual([
      ['dkim', 'pass', { 'header.d': 'Example.JP', 'header.i': '@example.jp' }],
      ['dmarc', 'fail', { reason: 'x', 'header.from': 'example.jp' }],
    ]);
  });

  it('reads Exchange Online results without an authserv-id', () => {
    const parsed = parseAuthResultsValue('spf=softfail (sender IP is 192.0.2.1) smtp.mailfrom=example.pk; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=example.pk;compauth=fail reason=000');
    expect(parsed.authservId).toBeUndefined();
    expect(parsed.entries.map((e) => `${e.method}=${e.result}`)).toEqual(['spf=softfail', 'dkim=none', 'dmarc=fail', 'compauth=fail']);
  });

  it('"none" result set', () => {
    expect(parseAuthResultsValue('mx.example.jp; none').entries).toEqual([]);
  });
});

describe('readAuthentication', () => {
  it('pass (fixture)', async () => {
    expect(readAuthentication(await fixtureHeaders('auth-pass.eml'))).toEqual({
      source: 'authentication-results',
      trusted: false,
      authservId: 'mx.hospital.example.jp',
      spf: { result: 'pass', domain: 'example.jp' },
      dkim: [{ result: 'pass', domain: 'example.jp' }],
      dmarc: { result: 'pass', domain: 'example.jp' },
    });
  });

  it('fail (fixture)', async () => {
    const auth = readAuthentication(await fixtureHeaders('auth-fail.eml'));
    expect(auth.spf).toEqual({ result: 'fail', domain: 'example.co.jp' });
    expect(auth.dkim).toEqual([{ result: 'none' }]);
    expect(auth.dmarc).toEqual({ result: 'fail', domain: 'example.co.jp' });
  });

  it('a forged lower header does not override the top-most one (fixture)', async () => {
    const auth = readAuthentication(await fixtureHeaders('auth-forged.eml'));
    expect(auth.dmarc?.result).toBe('fail');
    expect(auth.spf?.result).toBe('softfail');
    expect(auth.dkim).toEqual([{ result: 'fail', domain: 'example.com' }]);
  });

  it('multiple headers: top-most untrusted, or the trusted authserv-id', async () => {
    const headers = await fixtureHeaders('auth-multiple.eml');
    const untrusted = readAuthentication(headers);
    expect(untrusted.authservId).toBe('gateway.hospital.example.jp');
    expect(untrusted.dkim).toEqual([{ result: 'pass', domain: 'list.example.org' }, { result: 'fail', domain: 'example.com' }]);
    expect(untrusted.dmarc?.result).toBe('fail');
    expect(untrusted.trusted).toBe(false);

    const gateway = readAuthentication(headers, ['hospital.example.jp']);
    expect(gateway.trusted).toBe(true);
    expect(gateway.authservId).toBe('gateway.hospital.example.jp');
    expect(gateway.dmarc?.result).toBe('fail');

    const relay = readAuthentication(headers, ['relay.example.org']);
    expect(relay.trusted).toBe(true);
    expect(relay.authservId).toBe('relay.example.org');
    expect(relay.dmarc).toEqual({ result: 'pass', domain: 'example.com' });
  });

  it('a trusted id matches only itself and its subdomains', () => {
    const headers = [ar('evil-hospital.example.jp; dmarc=pass header.from=a.jp'), ar('mx.hospital.example.jp; dmarc=fail header.from=a.jp')];
    const auth = readAuthentication(headers, ['hospital.example.jp']);
    expect(auth.authservId).toBe('mx.hospital.example.jp');
    expect(auth.dmarc?.result).toBe('fail');
  });

  it('falls back to the untrusted reading when no trusted id matches', () => {
    const auth = readAuthentication([ar('other.example; spf=pass smtp.mailfrom=a@b.jp')], ['hospital.example.jp']);
    expect(auth.trusted).toBe(false);
    expect(auth.spf).toEqual({ result: 'pass', domain: 'b.jp' });
  });

  it('ARC results of the newest instance when there is no Authentication-Results', () => {
    const headers: HeaderLine[] = [
      { name: 'ARC-Authentication-Results', value: 'i=1; first.example; dmarc=fail header.from=x.jp' },
      { name: 'ARC-Authentication-Results', value: 'i=2; second.example; dmarc=pass header.from=x.jp' },
    ];
    const auth = readAuthentication(headers);
    expect(auth.authservId).toBe('second.example');
    expect(auth.dmarc?.result).toBe('pass');
    expect(auth.source).toBe('authentication-results');
  });

  it('Received-SPF alone', () => {
    const auth = readAuthentication([{ name: 'Received-SPF', value: 'SoftFail (example: domain of x.jp does not designate 192.0.2.1) client-ip=192.0.2.1; envelope-from="bounce@x.jp"; helo=h.example;' }]);
    expect(auth).toEqual({ source: 'received-spf', trusted: false, spf: { result: 'softfail', domain: 'x.jp' } });
  });

  const values: [string, string][] = [
    ['pass', 'pass'], ['FAIL', 'fail'], ['hardfail', 'fail'], ['softfail', 'softfail'], ['neutral', 'neutral'], ['none', 'none'],
    ['temperror', 'temperror'], ['permerror', 'permerror'], ['policy', 'policy'], ['bestguesspass', 'unknown'], ['garbage', 'unknown'],
  ];
  for (const [written, read] of values) {
    it(`result "${written}" reads as ${read}`, () => {
      expect(readAuthentication([ar(`mx.example; spf=${written} smtp.mailfrom=x.jp`)]).spf?.result).toBe(read);
    });
  }

  it('a stray closing parenthesis outside a comment is skipped, not looped on', () => {
    expect(tokenizeAuthHeader('a) b')).toEqual([{ kind: 'word', text: 'a' }, { kind: 'word', text: 'b' }]);
    const auth = readAuthentication([ar('mx.example; spf=pass) smtp.mailfrom=a.example')]);
    expect(auth.spf).toEqual({ result: 'pass', domain: 'a.example' });
  });

  it('any mix of the tokenizer\'s special characters ends', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('(', ')', ';', '=', '"', '\\', ' ', 'a', 'spf', 'pass'), { maxLength: 60 }), (parts) => {
        expect(Array.isArray(tokenizeAuthHeader(parts.join('')))).toBe(true);
      }),
    );
  });

  it('no authentication headers', () => {
    expect(readAuthentication([{ name: 'Subject', value: 'x' }])).toEqual({ source: 'none', trusted: false });
  });

  it('never throws on odd input', () => {
    expect(readAuthentication(null as unknown as HeaderLine[])).toEqual({ source: 'none', trusted: false });
    expect(readAuthentication([null as unknown as HeaderLine, ar(';;;==(('), ar('')])).toMatchObject({ trusted: false });
    expect(readAuthentication([ar('x; spf=pass')], 'bad' as unknown as string[])).toMatchObject({ spf: { result: 'pass' } });
  });
});
