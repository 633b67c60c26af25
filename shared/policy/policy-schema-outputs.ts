/**
 * Everything derived from policy-schema.json: Chrome's managed-storage schema
 * (extension/public/managed_schema.json) and the policy reference (shared/policy/POLICY.md).
 * Pure string/object transforms; shared/cli/build-policy-schema.ts writes the files and tests check
 * the committed copies are current.
 *
 * Chrome accepts only a subset of JSON Schema and rejects the whole extension on an unknown
 * attribute (components/policy/core/common/schema.cc): per type, only type, description, title,
 * id, sensitiveValue, plus items (array), properties / patternProperties / additionalProperties
 * (as a schema object, never `false`) / required (object), enum / minimum / maximum (integer),
 * enum / pattern (string). No maxItems, maxLength, default, format or $schema.
 */
import type { PolicySchemaNode } from './parse-policy';

/** Attributes Chrome allows per type (besides `type`), from Chrome's policy schema validator. */
export const CHROME_SCHEMA_ATTRIBUTES: Record<string, readonly string[]> = {
  object: ['type', 'description', 'title', 'id', 'sensitiveValue', 'properties', 'patternProperties', 'additionalProperties', 'required'],
  array: ['type', 'description', 'title', 'id', 'sensitiveValue', 'items'],
  string: ['type', 'description', 'title', 'id', 'sensitiveValue', 'enum', 'pattern'],
  integer: ['type', 'description', 'title', 'id', 'sensitiveValue', 'enum', 'minimum', 'maximum'],
  number: ['type', 'description', 'title', 'id', 'sensitiveValue'],
  boolean: ['type', 'description', 'title', 'id', 'sensitiveValue'],
};

function describe(node: PolicySchemaNode): string | undefined {
  if (!node.description && !node['x-ja']) return undefined;
  return [node.description, node['x-ja']].filter(Boolean).join(' / ');
}

function toChromeNode(node: PolicySchemaNode): Record<string, unknown> {
  const out: Record<string, unknown> = { type: node.type };
  const description = describe(node);
  if (description) out.description = description;
  if (node['x-sensitive'] === true) out.sensitiveValue = true;
  switch (node.type) {
    case 'object': {
      const props: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node.properties ?? {})) props[k] = toChromeNode(v);
      out.properties = props;
      break;
    }
    case 'array':
      if (node.items) out.items = toChromeNode(node.items);
      break;
    case 'string':
      if (node.enum) out.enum = [...node.enum];
      if (node.pattern) out.pattern = node.pattern;
      break;
    case 'integer':
      if (node.minimum !== undefined) out.minimum = node.minimum;
      if (node.maximum !== undefined) out.maximum = node.maximum;
      break;
    default:
      break;
  }
  return out;
}

/** Chrome's managed_schema.json: top level is a bare object whose properties are the policies. */
export function toManagedSchema(schema: PolicySchemaNode): Record<string, unknown> {
  const root = toChromeNode(schema);
  // Chrome: "The top-level object can't have additionalProperties"; keep it to type + properties.
  return { type: 'object', properties: root.properties };
}

export function managedSchemaText(schema: PolicySchemaNode): string {
  return `${JSON.stringify(toManagedSchema(schema), null, 2)}\n`;
}

function typeLabel(node: PolicySchemaNode): string {
  if (node.type === 'array') return `${node.items?.type ?? 'any'}[]`;
  return node.type;
}

function limits(node: PolicySchemaNode): string {
  const parts: string[] = [];
  if (node.enum) parts.push(node.enum.map((e) => `\`${e}\``).join(' \\| '));
  if (node.minimum !== undefined || node.maximum !== undefined) parts.push(`${node.minimum ?? ''}–${node.maximum ?? ''}`);
  if (node.maxItems !== undefined) parts.push(`≤ ${node.maxItems} entries`);
  const format = node['x-kokoroe-format'] ?? node.items?.['x-kokoroe-format'];
  if (format && format !== 'text') parts.push(format);
  const maxLength = node.maxLength ?? node.items?.maxLength;
  if (maxLength !== undefined) parts.push(`≤ ${maxLength} chars`);
  if (node['x-sensitive']) parts.push('sensitive');
  return parts.join(', ');
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function rows(node: PolicySchemaNode, prefix: string, out: string[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const def = child.default === undefined ? '' : `\`${JSON.stringify(child.default)}\``;
    out.push(`| \`${path}\` | ${typeLabel(child)} | ${def} | ${cell(limits(child))} | ${cell(child.description)} | ${cell(child['x-ja'])} |`);
    if (child.type === 'object') rows(child, path, out);
  }
}

/** The policy reference (ja + en), one row per key, in schema order. */
export function renderPolicyReference(schema: PolicySchemaNode): string {
  const out: string[] = [
    '<!-- Generated from shared/policy/policy-schema.json by `npm run policy:schema`. Do not edit by hand. -->',
    '# ポリシー一覧 / Policy reference',
    '',
    '心得メールガードの IT ポリシーの全項目です。ブラウザーの管理ストレージ（GPO・レジストリ・Linux/macOS のポリシー・Firefox の policies.json）と Outlook アドインの policy.json で同じ項目を使います。正しくない値は捨てられ、項目名つきの「ポリシーの問題」として表示され、既定値が使われます。',
    '',
    'Every key of the Kokoroe Mail Guard IT policy. The same keys are used in browser managed storage (GPO, registry, Linux/macOS policy files, Firefox policies.json) and in the Outlook add-in\'s policy.json. Invalid values are dropped, reported as a "policy problem" naming the key, and the default applies.',
    '',
    'Formats: `date-time` = ISO-8601 with a time zone (`2026-11-20T03:00:00Z`), not more than 5 minutes in the future; `domain` = lower-cased, punycode, no scheme/path, not a public suffix; `email` = name@domain; `report-endpoint` = https URL (http only for 127.0.0.0/8, localhost, [::1]); `origin` = https origin; `version` = dotted numbers.',
    '',
    '| key | type | default | limits | description | 説明 |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  rows(schema, '', out);
  out.push('');
  return out.join('\n');
}
