import { describe, expect, it } from 'vitest';
import { mergePolicySources, parsePolicy, parsePolicyLayer } from '../../../shared/policy/parse-policy';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';

const now = new Date('2026-11-26T12:00:00Z');
const parse = (input: unknown) => parsePolicy(input, { now });
const fields = (input: unknown) => parse(input).problems.map((p) => p.field);

describe('parsePolicy: documents that are not objects', () => {
  it.each([null, undefined, 42, 'policy', true, [], [{ orgName: 'x' }]])('%j gives the defaults and one root problem', (input) => {
    const r = parse(input);
    expect(r.policy).toEqual(DEFAULT_POLICY);
    expect(r.problems.map((p) => p.field)).toEqual(['$']);
  });

  it('an empty object gives the defaults and no problems', () => {
    expect(parse({})).toEqual({ policy: DEFAULT_POLICY, problems: [] });
  });

  it('returns a copy: changing the result does not change the defaults', () => {
    const r = parse({});
    r.policy.orgDomains.push('example.jp');
    r.policy.posture.mode = 'off';
    expect(DEFAULT_POLICY.orgDomains).toEqual([]);
    expect(DEFAULT_POLICY.posture.mode).toBe('warn');
  });
});

describe('parsePolicy: unknown keys and prototype pollution', () => {
  it('reports unknown keys with their dotted path and ignores them', () => {
    expect(fields({ orgname: 'x', posture: { modes: 'block' }, scan: { extra: 1 } })).toEqual(['orgname', 'posture.modes', 'scan.extra']);
  });

  it('never lets __proto__ or constructor reach the result or Object.prototype', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true,"orgName":"evil"},"constructor":{"prototype":{"polluted":true}},"posture":{"__proto__":{"mode":"off"}}}');
    const r = parse(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.policy.orgName).toBeUndefined();
    expect(r.policy.posture.mode).toBe('warn');
    expect(Object.getPrototypeOf(r.policy)).toBe(Object.prototype);
    expect(r.problems.map((p) => p.field)).toEqual(['__proto__', 'constructor', 'posture.__proto__']);
  });

  it('ignores inherited properties and does not run getters', () => {
    let ran = false;
    const proto = { orgName: 'inherited' };
    const input = Object.create(proto) as Record<string, unknown>;
    Object.defineProperty(input, 'reportMailbox', { enumerable: true, get: () => { ran = true; return 'a@example.jp'; } });
    const r = parse(input);
    expect(ran).toBe(false);
    expect(r.policy.orgName).toBeUndefined();
    expect(r.policy.reportMailbox).toBeUndefined();
  });

  it('lists at most 20 unknown keys per object, then a summary', () => {
    const input: Record<string, number> = {};
    for (let i = 0; i < 500; i++) input[`k${i}`] = i;
    const problems = parse(input).problems;
    expect(problems).toHaveLength(21);
    expect(problems[20]!.message).toContain('480 more');
  });
});

describe('parsePolicy: wrong types keep the default', () => {
  it.each([
    ['orgName', 42, 'orgName'],
    ['orgDomains', 'example.jp', 'orgDomains'],
    ['allowOpenAnyway', 'false', 'allowOpenAnyway'],
    ['reportOriginal', 'always', 'reportOriginal'],
    ['posture', [], 'posture'],
    ['adminContact', 'call 1234', 'adminContact'],
  ])('%s = %j', (key, value, field) => {
    const r = parse({ [key]: value });
    expect(r.problems.map((p) => p.field)).toEqual([field]);
    expect((r.policy as unknown as Record<string, unknown>)[key]).toEqual((DEFAULT_POLICY as unknown as Record<string, unknown>)[key]);
  });

  it.each([
    ['35', 'string for a number'],
    [35.5, 'fraction'],
    [0, 'below minimum'],
    [366, 'above maximum'],
    [Number.NaN, 'NaN'],
    [null, 'null'],
  ])('posture.maxOsPatchAgeDays = %j (%s) keeps 35', (value: unknown, _label: string) => {
    const r = parse({ posture: { maxOsPatchAgeDays: value } });
    expect(r.policy.posture.maxOsPatchAgeDays).toBe(35);
    expect(r.problems.map((p) => p.field)).toEqual(['posture.maxOsPatchAgeDays']);
  });

  it.each([[1], [365]])('posture.maxOsPatchAgeDays = %j (at the bounds) is accepted', (value) => {
    expect(parse({ posture: { maxOsPatchAgeDays: value } }).policy.posture.maxOsPatchAgeDays).toBe(value);
  });

  it('English and Japanese messages are both present', () => {
    const [p] = parse({ posture: { mode: 'strict' } }).problems;
    expect(p!.message).toMatch(/one of off, warn, block/);
    expect(p!.messageJa).toMatch(/off・warn・block/);
  });
});

describe('parsePolicy: reportEndpoint', () => {
  it.each([
    ['https://report.example.jp/api/reports', 'https://report.example.jp/api/reports'],
    ['HTTPS://Report.Example.JP:8443/r', 'https://report.example.jp:8443/r'],
    ['http://127.0.0.1:8080/r', 'http://127.0.0.1:8080/r'],
    ['http://127.1.2.3/r', 'http://127.1.2.3/r'],
    ['http://localhost:3000/r', 'http://localhost:3000/r'],
    ['http://[::1]:3000/r', 'http://[::1]:3000/r'],
  ])('accepts %s', (input, expected) => {
    const r = parse({ reportEndpoint: input });
    expect(r.problems).toEqual([]);
    expect(r.policy.reportEndpoint).toBe(expected);
  });

  it.each([
    'http://report.example.jp/r',
    'http://128.0.0.1/r',
    'http://localhost.example.jp/r',
    'ftp://report.example.jp/',
    'javascript:alert(1)',
    'https://user:pass@report.example.jp/',
    'https://report.example.jp/r#frag',
    '//report.example.jp/r',
    'report.example.jp',
    '',
  ])('rejects %s', (input) => {
    const r = parse({ reportEndpoint: input });
    expect(r.policy.reportEndpoint).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['reportEndpoint']);
  });
});

describe('parsePolicy: domains are normalised, invalid ones dropped one by one', () => {
  it('normalises case, punycode, trailing dot, scheme; drops duplicates', () => {
    const r = parse({ orgDomains: ['Hospital.Example.JP', 'https://mail.example.jp/', 'example.jp.', '病院.jp', 'hospital.example.jp'] });
    expect(r.policy.orgDomains).toEqual(['hospital.example.jp', 'mail.example.jp', 'example.jp', 'xn--0rys90e.jp']);
    expect(r.problems).toEqual([]);
  });

  it.each(['co.jp', 'jp', '*.example.jp', 'example.jp/path', 'user@example.jp', 'example.jp:443', '192.168.1.1', '[::1]', 'localhost', 'exa mple.jp', '-bad.example.jp', '', 'https://example.jp/path'])(
    'drops %j with a problem naming its index',
    (bad) => {
      const r = parse({ partnerDomains: ['lab.example.jp', bad] });
      expect(r.policy.partnerDomains).toEqual(['lab.example.jp']);
      expect(r.problems.map((p) => p.field)).toEqual(['partnerDomains[1]']);
    },
  );

  it('drops non-string entries individually', () => {
    const r = parse({ scan: { blockedDomains: ['evil.example', 42, null, { d: 1 }, 'bad.example'] } });
    expect(r.policy.scan.blockedDomains).toEqual(['evil.example', 'bad.example']);
    expect(r.problems.map((p) => p.field)).toEqual(['scan.blockedDomains[1]', 'scan.blockedDomains[2]', 'scan.blockedDomains[3]']);
  });
});

describe('parsePolicy: bounds', () => {
  it('uses the first 1,000 entries of an over-long array and says so', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `d${i}.example.jp`);
    const r = parse({ scan: { allowedDomains: many } });
    expect(r.policy.scan.allowedDomains).toHaveLength(1000);
    expect(r.problems.map((p) => p.field)).toEqual(['scan.allowedDomains']);
  });

  it('lists at most 20 bad entries of one array, then one summary', () => {
    const r = parse({ orgDomains: Array.from({ length: 100 }, () => 'co.jp') });
    expect(r.problems).toHaveLength(21);
    expect(r.policy.orgDomains).toEqual([]);
  });

  it('rejects strings longer than their limit', () => {
    const r = parse({ orgName: 'あ'.repeat(201), scan: { protectedNames: ['x'.repeat(1001)] } });
    expect(r.policy.orgName).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['orgName', 'scan.protectedNames[0]']);
  });

  it('rejects control and bidi-override characters in display text', () => {
    expect(fields({ orgName: 'A\u202eB' })).toEqual(['orgName']);
    expect(fields({ adminContact: { name: 'IT\n課' } })).toEqual(['adminContact.name']);
  });
});

describe('parsePolicy: mail addresses, tokens, origins, versions, rule ids', () => {
  it('normalises the domain part of reportMailbox', () => {
    expect(parse({ reportMailbox: 'Security@Hospital.Example.JP' }).policy.reportMailbox).toBe('Security@hospital.example.jp');
  });

  it.each(['security', '@example.jp', 'a@co.jp', 'a b@example.jp', '"a"@example.jp', 'a@@example.jp', 'a..b@example.jp', `${'x'.repeat(65)}@example.jp`])('rejects reportMailbox %j', (bad) => {
    expect(fields({ reportMailbox: bad })).toEqual(['reportMailbox']);
  });

  it('never quotes the report token in a problem', () => {
    const r = parse({ reportToken: 'secret value with spaces' });
    expect(r.problems.map((p) => p.field)).toEqual(['reportToken']);
    expect(JSON.stringify(r.problems)).not.toContain('secret');
  });

  it('keeps only the origin of a Roundcube URL and refuses plain http', () => {
    const r = parse({ roundcubeOrigins: ['https://WebMail.example.jp/roundcube/?_task=mail', 'http://webmail.example.jp'] });
    expect(r.policy.roundcubeOrigins).toEqual(['https://webmail.example.jp']);
    expect(r.problems.map((p) => p.field)).toEqual(['roundcubeOrigins[1]']);
  });

  it.each([['142', true], ['142.0.7444.60', true], ['16.0.19127.20000', true], ['v142', false], ['142.0.0.0.1', false], ['', false]])(
    'minBrowserVersion %j valid=%s',
    (value, ok) => {
      expect(fields({ posture: { minBrowserVersion: value } })).toEqual(ok ? [] : ['posture.minBrowserVersion']);
    },
  );

  it('keeps kebab-case rule ids only', () => {
    const r = parse({ scan: { disabledRules: ['link-text-mismatch', 'Bad_Rule', 'x'] } });
    expect(r.policy.scan.disabledRules).toEqual(['link-text-mismatch', 'x']);
  });
});

describe('parsePolicy: dates', () => {
  const at = (v: unknown) => parse({ posture: { osPatchedAt: v } });
  it.each([
    ['2026-11-20T03:00:00Z', '2026-11-20T03:00:00.000Z'],
    ['2026-11-20T12:00:00+09:00', '2026-11-20T03:00:00.000Z'],
    ['2026-11-20T03:00:00.1234567Z', '2026-11-20T03:00:00.123Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-26T12:04:59Z', '2026-11-26T12:04:59.000Z'],
    ['2026-11-26T12:05:00Z', '2026-11-26T12:05:00.000Z'],
  ])('accepts %s as %s', (input, expected) => {
    const r = at(input);
    expect(r.problems).toEqual([]);
    expect(r.policy.posture.osPatchedAt).toBe(expected);
  });

  it.each([
    ['2026-11-26T12:05:01Z', 'future beyond the 5-minute skew'],
    ['2027-01-01T00:00:00Z', 'future'],
    ['2026-11-20T03:00:00', 'no time zone'],
    ['2026-02-30T00:00:00Z', 'no such day'],
    ['2026-13-01T00:00:00Z', 'no such month'],
    ['20/11/2026', 'not ISO'],
    ['yesterday', 'not a date'],
    ['', 'empty'],
    [1732600000000, 'a number'],
    [true, 'a boolean'],
  ])('rejects %j (%s)', (input: unknown, _label: string) => {
    const r = at(input);
    expect(r.policy.posture.osPatchedAt).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['posture.osPatchedAt']);
  });

  it('uses options.now for the future check', () => {
    const r = parsePolicy({ posture: { factsUpdatedAt: '2026-12-01T00:00:00Z' } }, { now: new Date('2026-12-02T00:00:00Z') });
    expect(r.problems).toEqual([]);
  });
});

describe('mergePolicySources', () => {
  const managed = { orgName: '管理病院', posture: { mode: 'block', factsUpdatedAt: '2026-11-26T10:00:00Z' } };
  const deployed = { orgName: '配布', posture: { mode: 'off', maxOsPatchAgeDays: 20 }, reportMailbox: 'sec@example.jp' };
  const local = { orgName: '個人', reportMailbox: 'me@example.jp', partnerDomains: ['lab.example.jp'], posture: { avEnabled: true, osPatchedAt: '2026-11-25T00:00:00Z', unknownDevice: 'ignore' } };

  it('managed → deployed → local → defaults, key by key inside posture', () => {
    const r = mergePolicySources({ managed, deployed, local }, { now });
    expect(r.policy.orgName).toBe('管理病院');
    expect(r.policy.posture.mode).toBe('block');
    expect(r.policy.posture.maxOsPatchAgeDays).toBe(20);
    expect(r.policy.reportMailbox).toBe('sec@example.jp');
    expect(r.policy.partnerDomains).toEqual(['lab.example.jp']);
    expect(r.policy.posture.unknownDevice).toBe('ignore');
    expect(r.policy.posture.maxAvDefinitionsAgeHours).toBe(48);
    expect(r.managedKeys.sort()).toEqual(['orgName', 'posture.factsUpdatedAt', 'posture.maxOsPatchAgeDays', 'posture.mode', 'reportMailbox']);
    expect(r.keySources['partnerDomains']).toBe('local');
  });

  it('local settings can never supply device facts', () => {
    const r = mergePolicySources({ local }, { now });
    expect(r.policy.posture.avEnabled).toBeUndefined();
    expect(r.policy.posture.osPatchedAt).toBeUndefined();
    expect(r.problems.filter((p) => p.source === 'local').map((p) => p.field).sort()).toEqual(['posture.avEnabled', 'posture.osPatchedAt']);
  });

  it('problems name their source', () => {
    const r = mergePolicySources({ managed: { bogus: 1 }, deployed: { reportEndpoint: 'http://x.example.jp' }, local: 'nonsense' }, { now });
    expect(r.problems.map((p) => [p.source, p.field])).toEqual([
      ['managed', 'bogus'],
      ['deployed', 'reportEndpoint'],
      ['local', '$'],
    ]);
  });

  it('an invalid managed value does not hide a valid deployed one', () => {
    const r = mergePolicySources({ managed: { posture: { mode: 'strict' } }, deployed: { posture: { mode: 'block' } } }, { now });
    expect(r.policy.posture.mode).toBe('block');
    expect(r.keySources['posture.mode']).toBe('deployed');
  });

  it('a contact with no valid field falls through to the next source', () => {
    const r = mergePolicySources({ managed: { adminContact: { phone: 42 } }, deployed: { adminContact: { name: '情報システム課', phone: '内線 1234' } } }, { now });
    expect(r.policy.adminContact).toEqual({ name: '情報システム課', phone: '内線 1234' });
  });

  it('with no sources at all gives the defaults', () => {
    expect(mergePolicySources({})).toEqual({ policy: DEFAULT_POLICY, problems: [], managedKeys: [], keySources: {} });
  });
});

describe('parsePolicyLayer', () => {
  it('a hostile Proxy is survived and reported', () => {
    const hostile = new Proxy({}, { ownKeys() { throw new Error('boom'); } });
    const r = parsePolicyLayer(hostile, { now });
    expect(r.layer).toEqual({});
    expect(r.problems.at(-1)!.field).toBe('$');
  });
});
