/**
 * Proofpoint URL Defense v3 (`https://urldefense.com/v3/__<url>__;<token>!!…$`): the target is
 * written inline, with characters Proofpoint had to replace marked by `*` and carried, in order,
 * in the base64url token after `__;`. `**X` stands for a run of replaced characters whose length
 * is given by X. Decoding only; nothing is fetched. Never throws.
 */

/** Run-length digits of `**X`: the first stands for 2 characters, the next for 3, and so on. */
const RUN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function decodeBase64Url(token: string): string | undefined {
  try {
    const base64 = token.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The target carried by a v3 URL (its serialised href), or undefined when malformed. */
export function decodeProofpointV3(href: string): string | undefined {
  const start = href.indexOf('/v3/__');
  if (start < 0) return undefined;
  const bodyStart = start + '/v3/__'.length;
  const end = href.indexOf('__;', bodyStart);
  if (end < 0) return undefined;
  const encoded = href.slice(bodyStart, end);
  const tokenEnd = href.indexOf('!', end + 3);
  const token = href.slice(end + 3, tokenEnd < 0 ? href.length : tokenEnd);
  if (!encoded.includes('*')) return encoded;
  const replacementText = decodeBase64Url(token);
  if (replacementText === undefined) return undefined;
  const replacements = Array.from(replacementText);
  let next = 0;
  let out = '';
  for (let i = 0; i < encoded.length; i++) {
    const ch = encoded[i] ?? '';
    if (ch !== '*') {
      out += ch;
      continue;
    }
    let count = 1;
    if (encoded[i + 1] === '*') {
      const run = RUN_ALPHABET.indexOf(encoded[i + 2] ?? '');
      if (run < 0) return undefined;
      count = run + 2;
      i += 2;
    }
    if (next + count > replacements.length) return undefined;
    out += replacements.slice(next, next + count).join('');
    next += count;
  }
  return out;
}
