/**
 * Turns any JSON — managed storage, a deployed policy.json, local settings — into an effective
 * `Policy` plus a list of problems, each naming the field. Driven by policy-schema.json (the single
 * source of truth): unknown keys, wrong types, out-of-range numbers, over-long strings and arrays
 * are reported; invalid values are dropped and the embedded defaults apply.
 *
 * Must never throw, whatever the input (prototype-pollution keys, getters, huge arrays, cycles
 * cannot occur in JSON but are survived too), and must never copy an unknown key into the result.
 */
import schemaJson from './policy-schema.json';
import { DEFAULT_POLICY } from './defaults';
import { DEVICE_FACT_KEYS, type Policy } from './types';
import {
  checkDateTime,
  checkDomain,
  checkEmail,
  checkOrigin,
  checkReportEndpoint,
  checkRuleId,
  checkText,
  checkToken,
  checkVersion,
  type FormatResult,
} from './value-formats';

export type PolicySource = 'managed' | 'deployed' | 'local';

export interface PolicyProblem {
  /** Dotted path of the offending field, e.g. `posture.osPatchedAt`, `scan.blockedDomains[3]`; `$` is the whole document. */
  field: string;
  /** English, for IT and logs. */
  message: string;
  /** Japanese, for the options page and the policy-problem state. */
  messageJa: string;
  /** Which source the value came from (set by mergePolicySources). */
  source?: PolicySource;
}

export interface ParsePolicyOptions {
  /** Reference time for "date in the future" checks. @default new Date() */
  now?: Date;
}

/** The subset of JSON Schema that policy-schema.json uses. */
export interface PolicySchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  description?: string;
  'x-ja'?: string;
  'x-kokoroe-format'?: string;
  'x-sensitive'?: boolean;
  properties?: Record<string, PolicySchemaNode>;
  additionalProperties?: boolean;
  items?: PolicySchemaNode;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  pattern?: string;
  default?: unknown;
}

export const POLICY_SCHEMA = schemaJson as unknown as PolicySchemaNode & { title: string; $id: string };

/** Per container, how many individual problems are listed before one summary line. */
const MAX_PROBLEMS_PER_CONTAINER = 20;
/** Longest excerpt of an offending value quoted in a problem message. */
const MAX_QUOTE = 60;

type Walked = { ok: true; value: unknown } | { ok: false };

interface Ctx {
  now: Date;
  problems: PolicyProblem[];
}

function add(ctx: Ctx, field: string, message: string, messageJa: string): void {
  ctx.problems.push({ field: field || '$', message, messageJa });
}

function quote(value: unknown, sensitive: boolean): string {
  if (sensitive) return '';
  if (typeof value !== 'string') return '';
  const clean = value.slice(0, MAX_QUOTE * 2).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  const cut = clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE)}…` : clean;
  return ` ("${cut}")`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const TYPE_JA: Record<string, string> = {
  object: 'オブジェクト', array: '配列', string: '文字列', integer: '整数', boolean: 'true/false',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own data property only: no inherited values, no getters run. */
function ownValue(obj: object, key: string): { found: boolean; value?: unknown } {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d) return { found: false };
  if (!('value' in d)) return { found: true, value: undefined };
  return { found: true, value: d.value };
}

const FORMATS: Record<string, (raw: string, ctx: Ctx) => FormatResult> = {
  'date-time': (raw, ctx) => checkDateTime(raw, ctx.now),
  domain: (raw) => checkDomain(raw),
  email: (raw) => checkEmail(raw),
  'report-endpoint': (raw) => checkReportEndpoint(raw),
  origin: (raw) => checkOrigin(raw),
  text: (raw) => checkText(raw),
  version: (raw) => checkVersion(raw),
  'rule-id': (raw) => checkRuleId(raw),
  token: (raw) => checkToken(raw),
};

/** The `x-kokoroe-format` names parsePolicy knows (a test checks the schema uses no others). */
export const POLICY_FORMATS: readonly string[] = Object.keys(FORMATS);

function walk(value: unknown, node: PolicySchemaNode, field: string, ctx: Ctx): Walked {
  const sensitive = node['x-sensitive'] === true;
  switch (node.type) {
    case 'object':
      return walkObject(value, node, field, ctx);
    case 'array':
      return walkArray(value, node, field, ctx);
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      add(ctx, field, `must be true or false, not ${typeName(value)}`, `true か false で書いてください（${typeName(value)} になっています）`);
      return { ok: false };
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        add(ctx, field, `must be a whole number, not ${typeName(value)}${quote(value, sensitive)}`, `整数で書いてください（${typeName(value)} になっています）`);
        return { ok: false };
      }
      const min = node.minimum ?? Number.MIN_SAFE_INTEGER;
      const max = node.maximum ?? Number.MAX_SAFE_INTEGER;
      if (value < min || value > max) {
        add(ctx, field, `must be between ${min} and ${max} (got ${value})`, `${min} から ${max} の間で書いてください（${value} になっています）`);
        return { ok: false };
      }
      return { ok: true, value };
    }
    case 'string': {
      if (typeof value !== 'string') {
        add(ctx, field, `must be text, not ${typeName(value)}`, `文字列で書いてください（${typeName(value)} になっています）`);
        return { ok: false };
      }
      if (node.maxLength !== undefined && value.length > node.maxLength) {
        add(ctx, field, `is too long (${value.length} characters, at most ${node.maxLength})`, `長すぎます（${value.length} 文字、上限 ${node.maxLength} 文字）`);
        return { ok: false };
      }
      if (node.enum && !node.enum.includes(value)) {
        add(ctx, field, `must be one of ${node.enum.join(', ')}${quote(value, sensitive)}`, `${node.enum.join('・')} のどれかで書いてください${quote(value, sensitive)}`);
        return { ok: false };
      }
      const format = node['x-kokoroe-format'];
      const check = format === undefined ? undefined : FORMATS[format];
      if (check) {
        const r = check(value, ctx);
        if (!r.ok) {
          add(ctx, field, `${r.en}${quote(value, sensitive)}`, `${r.ja}${quote(value, sensitive)}`);
          return { ok: false };
        }
        return { ok: true, value: r.value };
      }
      return { ok: true, value };
    }
    default:
      return { ok: false };
  }
}

function walkObject(value: unknown, node: PolicySchemaNode, field: string, ctx: Ctx): Walked {
  if (!isPlainObject(value)) {
    add(ctx, field, `must be an object, not ${typeName(value)}`, `オブジェクト（{…}）で書いてください（${typeName(value)} になっています）`);
    return { ok: false };
  }
  const props = node.properties ?? {};
  const out: Record<string, unknown> = {};
  let unknown = 0;
  for (const key of Object.keys(value)) {
    if (Object.prototype.hasOwnProperty.call(props, key)) continue;
    unknown++;
    if (unknown <= MAX_PROBLEMS_PER_CONTAINER) {
      const shown = key.length > MAX_QUOTE ? `${key.slice(0, MAX_QUOTE)}…` : key;
      add(ctx, field ? `${field}.${shown}` : shown, 'is not a known policy key (check the spelling)', '知らない設定項目です（綴りを確認してください）');
    }
  }
  if (unknown > MAX_PROBLEMS_PER_CONTAINER) {
    add(ctx, field, `has ${unknown - MAX_PROBLEMS_PER_CONTAINER} more unknown keys`, `ほかにも知らない設定項目が ${unknown - MAX_PROBLEMS_PER_CONTAINER} 個あります`);
  }
  for (const [key, child] of Object.entries(props)) {
    const own = ownValue(value, key);
    if (!own.found) continue;
    const r = walk(own.value, child, field ? `${field}.${key}` : key, ctx);
    if (r.ok) out[key] = r.value;
  }
  return { ok: true, value: out };
}

function walkArray(value: unknown, node: PolicySchemaNode, field: string, ctx: Ctx): Walked {
  if (!Array.isArray(value)) {
    add(ctx, field, `must be a list, not ${typeName(value)}`, `リスト（[…]）で書いてください（${typeName(value)} になっています）`);
    return { ok: false };
  }
  const max = node.maxItems ?? 1000;
  const length = value.length;
  if (length > max) {
    add(ctx, field, `has ${length} entries; only the first ${max} are used`, `${length} 件あります。先頭の ${max} 件だけを使います`);
  }
  const items = node.items;
  const out: unknown[] = [];
  const seen = new Set<unknown>();
  const before = ctx.problems.length;
  for (let i = 0; i < Math.min(length, max); i++) {
    if (!items) break;
    const inner: Ctx = { now: ctx.now, problems: [] };
    const r = walk(value[i], items, `${field}[${i}]`, inner);
    if (ctx.problems.length - before < MAX_PROBLEMS_PER_CONTAINER) ctx.problems.push(...inner.problems);
    else if (inner.problems.length > 0 && ctx.problems.length - before === MAX_PROBLEMS_PER_CONTAINER) {
      add(ctx, field, 'has more invalid entries (not listed)', 'ほかにも正しくない項目があります（省略）');
    }
    if (r.ok && !seen.has(r.value)) {
      seen.add(r.value);
      out.push(r.value);
    }
  }
  return { ok: true, value: out };
}

/** Values found valid in one source, keyed like the policy (posture and scan nested). */
export type PolicyLayer = Partial<Omit<Policy, 'posture' | 'scan'>> & {
  posture?: Partial<Policy['posture']>;
  scan?: Partial<Policy['scan']>;
};

/** Validates one source without applying defaults. Never throws. */
export function parsePolicyLayer(input: unknown, options?: ParsePolicyOptions): { layer: PolicyLayer; problems: PolicyProblem[] } {
  const now = options?.now instanceof Date ? options.now : new Date();
  const ctx: Ctx = { now, problems: [] };
  try {
    const r = walkObject(input, POLICY_SCHEMA, '', ctx);
    return { layer: r.ok ? (r.value as PolicyLayer) : {}, problems: ctx.problems };
  } catch {
    // Unreachable for JSON; a hostile object (a Proxy that throws) lands here and is ignored whole.
    return {
      layer: {},
      problems: [...ctx.problems, { field: '$', message: 'could not be read; defaults apply', messageJa: '読み取れませんでした。既定値を使います' }],
    };
  }
}

function copyDefaults(): Policy {
  return structuredClone(DEFAULT_POLICY) as Policy;
}

/** The effective policy from one JSON document: valid fields over the embedded defaults. */
export function parsePolicy(input: unknown, options?: ParsePolicyOptions): { policy: Policy; problems: PolicyProblem[] } {
  const { layer, problems } = parsePolicyLayer(input, options);
  const policy = copyDefaults();
  applyLayer(policy, layer, () => true);
  return { policy, problems };
}

/**
 * Setting keys at the granularity sources override each other: top-level keys, except that
 * `posture` and `scan` merge key by key (IT may manage `posture.mode` while the device facts come
 * from a per-machine source). Contacts are replaced whole: mixing two contacts would be wrong.
 */
function settingKeys(layer: PolicyLayer): string[] {
  const keys: string[] = [];
  for (const [k, v] of Object.entries(layer)) {
    if ((k === 'posture' || k === 'scan') && isPlainObject(v)) {
      for (const inner of Object.keys(v)) keys.push(`${k}.${inner}`);
    } else {
      keys.push(k);
    }
  }
  return keys;
}

function applyLayer(policy: Policy, layer: PolicyLayer, take: (key: string) => boolean): string[] {
  const taken: string[] = [];
  const target = policy as unknown as Record<string, unknown>;
  for (const key of settingKeys(layer)) {
    if (!take(key)) continue;
    const whole = (layer as Record<string, unknown>)[key];
    // A contact whose every field was invalid is no contact: keep the one from a later source.
    if (isPlainObject(whole) && Object.keys(whole).length === 0) continue;
    const dot = key.indexOf('.');
    if (dot === -1) {
      target[key] = (layer as Record<string, unknown>)[key];
    } else {
      const group = key.slice(0, dot) as 'posture' | 'scan';
      const inner = key.slice(dot + 1);
      (target[group] as Record<string, unknown>)[inner] = (layer[group] as Record<string, unknown>)[inner];
    }
    taken.push(key);
  }
  return taken;
}

const LOCAL_FORBIDDEN = new Set<string>(DEVICE_FACT_KEYS.map((k) => `posture.${k}`));

export interface MergedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
  /** Setting keys fixed by IT (managed storage or the deployed file): read-only on the options page. */
  managedKeys: string[];
  /** Where each setting key came from; keys not listed use the embedded default. */
  keySources: Record<string, PolicySource>;
}

/**
 * Merges sources in order: managed storage → deployed policy file → local settings (only for keys
 * neither IT source sets, and never device facts: a user must not be able to declare their own
 * machine patched) → embedded defaults. Problems carry the source they came from.
 */
export function mergePolicySources(
  sources: { managed?: unknown; deployed?: unknown; local?: unknown },
  options?: ParsePolicyOptions,
): MergedPolicy {
  const policy = copyDefaults();
  const problems: PolicyProblem[] = [];
  const keySources: Record<string, PolicySource> = {};
  const order: PolicySource[] = ['managed', 'deployed', 'local'];
  for (const source of order) {
    const input = sources[source];
    if (input === undefined || input === null) continue;
    const parsed = parsePolicyLayer(input, options);
    for (const p of parsed.problems) problems.push({ ...p, source });
    const taken = applyLayer(policy, parsed.layer, (key) => {
      if (keySources[key] !== undefined) return false;
      if (source === 'local' && LOCAL_FORBIDDEN.has(key)) {
        problems.push({
          field: key,
          message: 'is a device fact and can only come from IT policy, not from local settings',
          messageJa: '端末の事実は IT のポリシーからのみ設定できます（個人の設定では変えられません）',
          source,
        });
        return false;
      }
      return true;
    });
    for (const key of taken) keySources[key] = source;
  }
  const managedKeys = Object.keys(keySources).filter((k) => keySources[k] !== 'local');
  return { policy, problems, managedKeys, keySources };
}
