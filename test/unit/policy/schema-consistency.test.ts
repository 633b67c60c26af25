import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { POLICY_FORMATS, POLICY_SCHEMA, parsePolicy, type PolicySchemaNode } from '../../../shared/policy/parse-policy';
import { DEFAULT_POLICY } from '../../../shared/policy/defaults';
import { CONTACT_KEYS, DEVICE_FACT_KEYS, POLICY_KEYS, POSTURE_POLICY_KEYS, SCAN_POLICY_KEYS } from '../../../shared/policy/types';
import { policyAjv } from './policy-ajv';
import { CHROME_SCHEMA_ATTRIBUTES, managedSchemaText, renderPolicyReference } from '../../../shared/policy/policy-schema-outputs';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const read = (p: string) => readFileSync(resolve(root, p), 'utf8');

function* nodes(node: PolicySchemaNode, path: string): Generator<[string, PolicySchemaNode]> {
  yield [path, node];
  for (const [k, child] of Object.entries(node.properties ?? {})) yield* nodes(child, path ? `${path}.${k}` : k);
  if (node.items) yield* nodes(node.items, `${path}[]`);
}

describe('policy-schema.json is a valid JSON Schema', () => {
  it('compiles with ajv in strict mode', () => {
    expect(() => policyAjv()).not.toThrow();
  });

  it('every key has an English and a Japanese description', () => {
    for (const [path, node] of nodes(POLICY_SCHEMA, '')) {
      if (path.endsWith('[]')) continue;
      expect(node.description, path).toMatch(/\S/);
      expect(node['x-ja'], path).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('every object closes its keys, every array and string is bounded', () => {
    for (const [path, node] of nodes(POLICY_SCHEMA, '')) {
      if (node.type === 'object') expect(node.additionalProperties, path).toBe(false);
      if (node.type === 'array') expect(node.maxItems, path).toBeLessThanOrEqual(1000);
      if (node.type === 'string' && !node.enum) expect(node.maxLength, path).toBeLessThanOrEqual(1000);
    }
  });

  it('uses only formats parsePolicy implements', () => {
    for (const [path, node] of nodes(POLICY_SCHEMA, '')) {
      const f = node['x-kokoroe-format'];
      if (f !== undefined) expect(POLICY_FORMATS, path).toContain(f);
    }
  });
});

describe('schema ↔ TypeScript types ↔ defaults', () => {
  const keys = (n?: PolicySchemaNode) => Object.keys(n?.properties ?? {}).sort();
  it('top-level keys match Policy', () => expect(keys(POLICY_SCHEMA)).toEqual(Object.keys(POLICY_KEYS).sort()));
  it('posture keys match PosturePolicy', () => expect(keys(POLICY_SCHEMA.properties!.posture)).toEqual(Object.keys(POSTURE_POLICY_KEYS).sort()));
  it('scan keys match ScanPolicy', () => expect(keys(POLICY_SCHEMA.properties!.scan)).toEqual(Object.keys(SCAN_POLICY_KEYS).sort()));
  it('contact keys match Contact', () => {
    expect(keys(POLICY_SCHEMA.properties!.adminContact)).toEqual(Object.keys(CONTACT_KEYS).sort());
    expect(keys(POLICY_SCHEMA.properties!.afterHoursContact)).toEqual(Object.keys(CONTACT_KEYS).sort());
  });
  it('device facts are posture keys', () => {
    for (const k of DEVICE_FACT_KEYS) expect(keys(POLICY_SCHEMA.properties!.posture)).toContain(k);
  });

  it('schema defaults are exactly the embedded defaults', () => {
    const fromSchema = (node: PolicySchemaNode): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(node.properties ?? {})) {
        if (child.default !== undefined) out[k] = child.default;
        else if (child.type === 'object' && Object.values(child.properties ?? {}).some((c) => c.default !== undefined)) out[k] = fromSchema(child);
      }
      return out;
    };
    expect(fromSchema(POLICY_SCHEMA)).toEqual(DEFAULT_POLICY);
  });

  it('the defaults validate and parse without problems', () => {
    expect(policyAjv()(DEFAULT_POLICY)).toBe(true);
    expect(parsePolicy(structuredClone(DEFAULT_POLICY))).toEqual({ policy: DEFAULT_POLICY, problems: [] });
  });

  it('parsePolicy is at least as strict as the schema: no problems ⇒ ajv valid, ajv invalid ⇒ problems', () => {
    const validate = policyAjv();
    const postureKeys = Object.keys(POLICY_SCHEMA.properties!.posture!.properties!);
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('warn', 'block', 'ask', 'example.jp', 35, 0, true, []));
    const doc = fc.record(
      {
        orgName: value,
        orgDomains: value,
        reportOriginal: value,
        allowOpenAnyway: value,
        posture: fc.dictionary(fc.constantFrom(...postureKeys, 'bogus'), value, { maxKeys: 5 }),
        scan: value,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(doc, (input) => {
        const clean = JSON.parse(JSON.stringify(input));
        const { problems } = parsePolicy(clean, { now: new Date('2026-11-26T12:00:00Z') });
        if (!validate(clean)) expect(problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('generated files are current (npm run policy:schema)', () => {
  it('extension/public/managed_schema.json', () => {
    expect(read('extension/public/managed_schema.json')).toBe(managedSchemaText(POLICY_SCHEMA));
  });
  it('shared/policy/POLICY.md', () => {
    expect(read('shared/policy/POLICY.md')).toBe(renderPolicyReference(POLICY_SCHEMA));
  });
  it('POLICY.md has one row per key', () => {
    const md = read('shared/policy/POLICY.md');
    for (const [path] of nodes(POLICY_SCHEMA, '')) {
      if (path === '' || path.endsWith('[]')) continue;
      expect(md, path).toContain(`| \`${path}\` |`);
    }
  });
});

describe('managed_schema.json is acceptable to Chrome', () => {
  const managed = JSON.parse(read('extension/public/managed_schema.json')) as Record<string, unknown>;

  function check(node: Record<string, unknown>, path: string, top: boolean): void {
    expect(typeof node.type, path).toBe('string');
    const allowed = CHROME_SCHEMA_ATTRIBUTES[node.type as string];
    expect(allowed, `${path}: type ${String(node.type)}`).toBeDefined();
    for (const attr of Object.keys(node)) expect(allowed, `${path}: attribute ${attr}`).toContain(attr);
    // Chrome expects additionalProperties to be a schema object, never a boolean; and none at the top.
    if ('additionalProperties' in node) {
      expect(top, path).toBe(false);
      expect(typeof node.additionalProperties, path).toBe('object');
    }
    if (Array.isArray(node.enum)) expect(node.enum.length, path).toBeGreaterThan(0);
    if (typeof node.pattern === 'string') expect(() => new RegExp(node.pattern as string), path).not.toThrow();
    for (const [k, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) check(child, `${path}.${k}`, false);
    if (node.items) check(node.items as Record<string, unknown>, `${path}[]`, false);
  }

  it('top level is a bare object of policies; every node uses only attributes Chrome allows for its type', () => {
    expect(Object.keys(managed).sort()).toEqual(['properties', 'type']);
    expect(managed.type).toBe('object');
    check(managed, '$', true);
  });

  it('declares the same policies as the schema and masks the token', () => {
    const props = managed.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(props)).toEqual(Object.keys(POLICY_SCHEMA.properties!));
    expect(props.reportToken!.sensitiveValue).toBe(true);
  });
});
