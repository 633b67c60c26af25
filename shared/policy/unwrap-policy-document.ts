/**
 * IT rarely has the bare policy object at hand: it has a Linux managed-policy file, a Firefox
 * policies.json, or a chrome://policy "Export to JSON". This finds the extension's policy inside
 * those wrappers so the posture CLI can read any of them. Pure, never throws.
 */
import type { PolicyProblem } from './parse-policy';

export type PolicyWrapper = 'plain' | 'chrome-managed' | 'firefox-policies' | 'chrome-export';

function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function own(o: Record<string, unknown> | undefined, key: string): unknown {
  if (!o) return undefined;
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

function pickExtension(
  extensions: Record<string, unknown>,
  extensionId: string | undefined,
  problems: PolicyProblem[],
): { id: string; value: unknown } | undefined {
  const ids = Object.keys(extensions);
  if (ids.length === 0) return undefined;
  let id = ids[0]!;
  if (extensionId !== undefined) {
    if (!ids.includes(extensionId)) {
      problems.push({ field: '$', message: `has no policy for extension ${extensionId.slice(0, 64)}`, messageJa: `拡張機能 ${extensionId.slice(0, 64)} のポリシーがありません` });
      return undefined;
    }
    id = extensionId;
  } else if (ids.length > 1) {
    problems.push({
      field: '$',
      message: `holds policies for ${ids.length} extensions; the first (${id.slice(0, 64)}) is used`,
      messageJa: `${ids.length} 個の拡張機能のポリシーがあります。最初の ${id.slice(0, 64)} を使います`,
    });
  }
  return { id, value: own(extensions, id) };
}

/** The policy object inside a known wrapper, or the document itself when it is not wrapped. */
export function unwrapPolicyDocument(
  doc: unknown,
  extensionId?: string,
): { policy: unknown; wrapper: PolicyWrapper; extensionId?: string; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const root = obj(doc);
  // Chrome/Chromium/Edge managed file: {"3rdparty": {"extensions": {"<id>": {...}}}}
  const chromeExt = obj(own(obj(own(root, '3rdparty')), 'extensions'));
  if (chromeExt) {
    const picked = pickExtension(chromeExt, extensionId, problems);
    return { policy: picked?.value ?? {}, wrapper: 'chrome-managed', ...(picked ? { extensionId: picked.id } : {}), problems };
  }
  // Firefox policies.json: {"policies": {"3rdparty": {"Extensions": {"<id>": {...}}}}}
  const firefoxExt = obj(own(obj(own(obj(own(root, 'policies')), '3rdparty')), 'Extensions'));
  if (firefoxExt) {
    const picked = pickExtension(firefoxExt, extensionId, problems);
    return { policy: picked?.value ?? {}, wrapper: 'firefox-policies', ...(picked ? { extensionId: picked.id } : {}), problems };
  }
  // chrome://policy export: {"policyValues": {"extensions": {"<id>": {"policies": {"key": {"value": …}}}}}}
  const exportExt = obj(own(obj(own(root, 'policyValues')), 'extensions'));
  if (exportExt) {
    const picked = pickExtension(exportExt, extensionId, problems);
    const policies = obj(own(obj(picked?.value), 'policies'));
    const policy: Record<string, unknown> = {};
    if (policies) {
      for (const key of Object.keys(policies)) {
        const entry = obj(own(policies, key));
        if (entry && Object.prototype.hasOwnProperty.call(entry, 'value')) {
          Object.defineProperty(policy, key, { value: own(entry, 'value'), enumerable: true, writable: true, configurable: true });
        }
      }
    }
    return { policy, wrapper: 'chrome-export', ...(picked ? { extensionId: picked.id } : {}), problems };
  }
  return { policy: doc, wrapper: 'plain', problems };
}
