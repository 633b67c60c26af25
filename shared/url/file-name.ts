/**
 * The file name a link would download, for executable-download checks: the decoded last path
 * segment of the (unwrapped) destination. Reads the parser's pathname only; never guesses from
 * query strings or fetches headers.
 */
import type { UrlAnalysis } from './types';

/** Decoded last path segment of the destination, or undefined (no path, trailing slash, opaque wrapper). */
export function linkFileName(analysis: UrlAnalysis): string | undefined {
  const destination = analysis.destination;
  if (!destination.ok || destination.opaqueWrapper || !destination.pathname) return undefined;
  // Only hierarchical URLs have path segments; `mailto:` or `javascript:` paths are not files.
  if (!destination.pathname.startsWith('/')) return undefined;
  const segment = destination.pathname.slice(destination.pathname.lastIndexOf('/') + 1);
  if (segment === '') return undefined;
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Malformed escapes: keep the segment as the parser serialised it.
  }
  return decoded.trim() === '' ? undefined : decoded;
}
