/**
 * Where reports go, from policy only: the HTTPS endpoint (plain http only for loopback test
 * servers) and its bearer token, re-checked at use time with the same rules as policy parsing.
 * Never takes a destination from a message, a page or a content script.
 */
import type { Policy } from '../policy/types';
import { checkReportEndpoint } from '../policy/value-formats';

export function reportChannel(policy: Policy): { url: string; token?: string } | undefined {
  if (typeof policy.reportEndpoint !== 'string') return undefined;
  const checked = checkReportEndpoint(policy.reportEndpoint);
  if (!checked.ok) return undefined;
  const token = typeof policy.reportToken === 'string' && policy.reportToken.trim() ? policy.reportToken.trim() : undefined;
  return token ? { url: checked.value, token } : { url: checked.value };
}
