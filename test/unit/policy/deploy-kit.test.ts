import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { POLICY_SCHEMA, parsePolicy, type PolicySchemaNode } from '../../../shared/policy/parse-policy';
import { unwrapPolicyDocument } from '../../../shared/policy/unwrap-policy-document';
import { DEVICE_FACT_KEYS } from '../../../shared/policy/types';
import { policyAjv } from './policy-ajv';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const kit = resolve(root, 'shared/policy/deploy');
const read = (p: string) => readFileSync(resolve(kit, p), 'utf8');
const NOW = new Date('2026-11-26T12:00:00Z');
const EXTENSION_ID = /^[a-p]{32}$/;
const validate = policyAjv();

/** The policy must be accepted as is: no problem from parsePolicy, valid against the schema. */
function expectCleanPolicy(policy: unknown, label: string): void {
  expect(parsePolicy(policy, { now: NOW }).problems, label).toEqual([]);
  expect(validate(policy), `${label}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

describe('JSON examples', () => {
  it.each([
    ['linux/chrome-kokoroe-mail-guard.json', 'chrome-managed'],
    ['linux/chromium-kokoroe-mail-guard.json', 'chrome-managed'],
    ['firefox/policies.json', 'firefox-policies'],
    ['outlook-addin/policy.json', 'plain'],
  ])('%s validates (%s)', (file, wrapper) => {
    const doc = JSON.parse(read(file));
    const unwrapped = unwrapPolicyDocument(doc);
    expect(unwrapped.wrapper).toBe(wrapper);
    expect(unwrapped.problems).toEqual([]);
    expectCleanPolicy(unwrapped.policy, file);
  });

  it('Linux files use the 3rdparty layout with an extension id', () => {
    for (const file of ['linux/chrome-kokoroe-mail-guard.json', 'linux/chromium-kokoroe-mail-guard.json']) {
      const ids = Object.keys(JSON.parse(read(file))['3rdparty'].extensions);
      expect(ids).toHaveLength(1);
      expect(ids[0]).toMatch(EXTENSION_ID);
    }
  });

  it('the Firefox example uses the add-on id from the manifest', () => {
    const ids = Object.keys(JSON.parse(read('firefox/policies.json')).policies['3rdparty'].Extensions);
    expect(ids).toHaveLength(1);
    expect(readFileSync(resolve(root, 'wxt.config.ts'), 'utf8')).toContain(`id: '${ids[0]}'`);
  });
});

/** Reads a .reg file into {keyPath: {valueName: string | number}}. */
function parseReg(buf: Buffer): Map<string, Map<string, string | number>> {
  expect([...buf.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = buf.subarray(2).toString('utf16le');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  const keys = new Map<string, Map<string, string | number>>();
  let current: Map<string, string | number> | undefined;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const key = /^\[([^\]]+)\]$/.exec(line);
    if (key) {
      current = new Map();
      keys.set(key[1]!, current);
      continue;
    }
    const str = /^"([^"]+)"="((?:[^"\\]|\\.)*)"$/.exec(line);
    const dword = /^"([^"]+)"=dword:([0-9a-f]{8})$/.exec(line);
    expect(current, line).toBeDefined();
    if (str) current!.set(str[1]!, str[2]!.replace(/\\(.)/g, '$1'));
    else if (dword) current!.set(dword[1]!, parseInt(dword[2]!, 16));
    else throw new Error(`unparsed .reg line: ${line}`);
  }
  return keys;
}

/** Chrome's registry → JSON conversion against the schema: subkeys are objects, numbered values lists, DWORDs booleans or integers. */
function registryToPolicy(keys: Map<string, Map<string, string | number>>, base: string, node: PolicySchemaNode): unknown {
  if (node.type === 'array') {
    const values = keys.get(base);
    return values ? [...values.entries()].filter(([k]) => /^\d+$/.test(k)).sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v) : [];
  }
  const out: Record<string, unknown> = {};
  const values = keys.get(base) ?? new Map();
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    if (child.type === 'object' || child.type === 'array') {
      if (keys.has(`${base}\\${name}`)) out[name] = registryToPolicy(keys, `${base}\\${name}`, child);
      continue;
    }
    if (!values.has(name)) continue;
    const v = values.get(name);
    out[name] = child.type === 'boolean' ? v !== 0 : v;
  }
  for (const name of values.keys()) expect(Object.keys(node.properties ?? {}), `${base}: ${name}`).toContain(name);
  return out;
}

describe('Windows .reg example', () => {
  const keys = parseReg(readFileSync(resolve(kit, 'windows/kokoroe-org-policy.reg')));
  const bases = [...keys.keys()].filter((k) => /\\policy$/.test(k));

  it('has the Chrome and Edge 3rdparty extension policy keys under HKLM', () => {
    expect(bases).toHaveLength(2);
    const pattern = /^HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\(Google\\Chrome|Microsoft\\Edge)\\3rdparty\\extensions\\([a-p]{32})\\policy$/;
    expect(bases.map((b) => pattern.exec(b)?.[1]).sort()).toEqual(['Google\\Chrome', 'Microsoft\\Edge']);
    for (const k of keys.keys()) expect(bases.some((b) => k === b || k.startsWith(`${b}\\`)), k).toBe(true);
  });

  it.each([0, 1])('policy %i converts to a clean policy the way Chrome reads the registry', (i) => {
    expectCleanPolicy(registryToPolicy(keys, bases[i]!, POLICY_SCHEMA), bases[i]!);
  });

  it('does not carry device facts (they are written per PC)', () => {
    for (const b of bases) for (const fact of DEVICE_FACT_KEYS) expect(keys.get(`${b}\\posture`)?.has(fact)).toBe(false);
  });
});

describe('Windows PowerShell facts writer (structural: pwsh is not available here)', () => {
  const ps = read('windows/Write-KokoroePosture.ps1');
  const code = ps.replace(/<#[\s\S]*?#>/g, '').replace(/^\s*#.*$/gm, '');

  it('writes under the Chrome and Edge 3rdparty policy roots, subkey policy\\posture', () => {
    expect(code).toContain("'HKLM:\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions'");
    expect(code).toContain("'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions'");
    expect(code).toMatch(/Join-Path \(Join-Path \(Join-Path \$root \$id\) 'policy'\) 'posture'/);
  });

  it('writes exactly the machine facts, with the right registry types', () => {
    const strings = /foreach \(\$name in @\(([^)]*)\)\) \{\s*if \(\$Facts\.ContainsKey\(\$name\) -and/.exec(code)![1]!.match(/'([^']+)'/g)!.map((s) => s.slice(1, -1));
    const dwords = /foreach \(\$name in @\(([^)]*)\)\) \{\s*if \(\$Facts\.ContainsKey\(\$name\)\) \{/.exec(code)![1]!.match(/'([^']+)'/g)!.map((s) => s.slice(1, -1));
    expect(strings.sort()).toEqual(['avDefinitionsUpdatedAt', 'factsUpdatedAt', 'osPatchedAt']);
    expect(dwords.sort()).toEqual(['avEnabled', 'realTimeProtectionEnabled']);
    const posture = POLICY_SCHEMA.properties!.posture!.properties!;
    for (const n of strings) expect(posture[n]!['x-kokoroe-format']).toBe('date-time');
    for (const n of dwords) expect(posture[n]!.type).toBe('boolean');
    expect(code).toContain('-PropertyType String');
    expect(code).toContain('-PropertyType DWord');
  });

  it('reads Defender, the Windows Update history and the hot-fix fallback', () => {
    for (const needle of ['Get-MpComputerStatus', 'AntivirusSignatureLastUpdated', 'AMServiceEnabled', 'RealTimeProtectionEnabled', "'Microsoft.Update.Session'", 'QueryHistory', 'Get-HotFix', 'InstalledOn', 'root/SecurityCenter2']) {
      expect(code, needle).toContain(needle);
    }
  });

  it('writes ISO-8601 UTC with the invariant culture', () => {
    expect(code).toContain("ToString('yyyy-MM-ddTHH:mm:ssZ', [System.Globalization.CultureInfo]::InvariantCulture)");
  });

  it('takes the extension ids as parameters and validates them', () => {
    expect(code).toMatch(/\[string\[\]\] \$ChromeExtensionId/);
    expect(code).toMatch(/\[string\[\]\] \$EdgeExtensionId/);
    expect(code).toContain("'^[a-p]{32}$'");
  });

  it('never recreates an existing key (New-Item -Force would drop GPO values)', () => {
    expect(code).toMatch(/if \(-not \(Test-Path -LiteralPath \$Key\)\) \{\s*New-Item -Path \$Key -Force/);
  });

  it('has balanced braces, brackets and parentheses outside strings', () => {
    const stripped = code.replace(/'[^']*'/g, "''").replace(/"(?:[^"`]|`.)*"/g, '""');
    const stack: string[] = [];
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    for (const ch of stripped) {
      if ('([{'.includes(ch)) stack.push(ch);
      else if (ch in pairs) expect(stack.pop()).toBe(pairs[ch]);
    }
    expect(stack).toEqual([]);
  });
});

function elements(nodes: ChildNode[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'tag');
}
function text(el: Element): string {
  return el.children.map((c) => ('data' in c ? c.data : '')).join('');
}

describe('scheduled task XML', () => {
  const doc = parseDocument(read('windows/kokoroe-posture-task.xml'), { xmlMode: true });
  const find = (name: string): Element[] => {
    const out: Element[] = [];
    const walk = (nodes: ChildNode[]) => {
      for (const el of elements(nodes)) {
        if (el.name === name) out.push(el);
        walk(el.children);
      }
    };
    walk(doc.children);
    return out;
  };

  it('runs as SYSTEM, the kit script, with extension ids', () => {
    expect(find('Task')[0]!.attribs.xmlns).toBe('http://schemas.microsoft.com/windows/2004/02/mit/task');
    expect(text(find('UserId')[0]!)).toBe('S-1-5-18');
    expect(text(find('Command')[0]!)).toMatch(/powershell\.exe$/);
    const args = text(find('Arguments')[0]!);
    expect(args).toContain('Write-KokoroePosture.ps1');
    expect(args).toMatch(/-ChromeExtensionId [a-p]{32}/);
    expect(args).toMatch(/-EdgeExtensionId [a-p]{32}/);
  });

  it('repeats well within the default maxFactsAgeHours', () => {
    const interval = /^PT(\d+)H$/.exec(text(find('Interval')[0]!));
    expect(Number(interval![1])).toBeLessThan(48 / 2);
    expect(find('BootTrigger')).toHaveLength(1);
  });
});

/** Apple plist XML → JSON. */
function plistValue(el: Element): unknown {
  switch (el.name) {
    case 'string':
      return text(el);
    case 'integer':
      return Number.parseInt(text(el), 10);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'array':
      return elements(el.children).map(plistValue);
    case 'dict': {
      const kids = elements(el.children);
      const out: Record<string, unknown> = {};
      for (let i = 0; i < kids.length; i += 2) {
        expect(kids[i]!.name).toBe('key');
        out[text(kids[i]!)] = plistValue(kids[i + 1]!);
      }
      return out;
    }
    default:
      throw new Error(`unexpected plist element ${el.name}`);
  }
}

describe('macOS configuration profile', () => {
  const doc = parseDocument(read('macos/kokoroe-mail-guard-chrome.mobileconfig'), { xmlMode: true });
  const plist = elements(doc.children).find((e) => e.name === 'plist')!;
  const profile = plistValue(elements(plist.children)[0]!) as Record<string, unknown>;

  it('is a system-scope configuration profile with one Chrome extension payload', () => {
    expect(profile.PayloadType).toBe('Configuration');
    expect(profile.PayloadScope).toBe('System');
    const payloads = profile.PayloadContent as Record<string, unknown>[];
    expect(payloads).toHaveLength(1);
    expect(payloads[0]!.PayloadType).toMatch(/^com\.google\.Chrome\.extensions\.[a-p]{32}$/);
  });

  it('the payload, without its Payload* keys, is a clean policy', () => {
    const payload = (profile.PayloadContent as Record<string, unknown>[])[0]!;
    const policy = Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));
    expectCleanPolicy(policy, 'mobileconfig');
  });
});

describe('README of the kit', () => {
  const readme = read('README.md');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [relative(kit, join(dir, f))]));

  it('names every file of the kit', () => {
    for (const f of files(kit)) if (f !== 'README.md') expect(readme, f).toContain(f);
  });

  it('documents the posture CLI contract and the checks IT can make', () => {
    for (const needle of ['npm run --silent posture -- --policy', '--format json', 'chrome://policy', 'edge://policy', 'about:policies']) expect(readme, needle).toContain(needle);
  });

  it('is in Japanese and English', () => {
    expect(readme).toMatch(/## 日本語/);
    expect(readme).toMatch(/## English/);
  });
});
