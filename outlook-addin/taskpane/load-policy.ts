/**
 * The add-in's policy: policy.json deployed beside the pane on the hospital's own HTTPS host
 * (DESIGN.md §3, second source after browser managed storage, which an add-in does not have),
 * validated by the shared parser over the embedded defaults.
 *
 * Must never: fetch from anywhere but the pane's own origin, or fail the pane: an unreachable or
 * broken file gives the defaults plus a problem the pane shows.
 */
import { parsePolicy, type PolicyProblem } from '../../shared/policy/parse-policy';
import type { Policy } from '../../shared/policy/types';

export interface LoadedPolicy {
  policy: Policy;
  problems: PolicyProblem[];
}

/** policy.json is small; anything bigger is not a policy. */
export const MAX_POLICY_BYTES = 256 * 1024;

export async function loadPolicy(fetchFn: typeof fetch, policyUrl: URL, now: Date): Promise<LoadedPolicy> {
  let json: unknown;
  try {
    const response = await fetchFn(policyUrl.href, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return fallback(`policy.json: HTTP ${response.status}`, `policy.json を読めませんでした（HTTP ${response.status}）`, now);
    const text = await response.text();
    if (text.length > MAX_POLICY_BYTES) return fallback('policy.json: too large', 'policy.json が大きすぎます', now);
    json = JSON.parse(text);
  } catch {
    return fallback('policy.json: could not be read as JSON', 'policy.json を JSON として読めませんでした', now);
  }
  return parsePolicy(json, { now });
}

function fallback(message: string, messageJa: string, now: Date): LoadedPolicy {
  const { policy } = parsePolicy({}, { now });
  return { policy, problems: [{ field: '$', message, messageJa, source: 'deployed' }] };
}

/** Where policy.json lives: beside the pane page, on the same origin. */
export function policyUrlFor(pageUrl: string): URL {
  return new URL('policy.json', pageUrl);
}
