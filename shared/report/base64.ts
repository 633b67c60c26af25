/**
 * Base64 of bytes without Node's Buffer (shared/ runs in the service worker and the task pane
 * too). Works in chunks so large originals do not hit argument-count limits.
 */

/** A multiple of 3, so each chunk encodes without padding and the pieces concatenate. */
const CHUNK = 3 * 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, Math.min(bytes.length, i + CHUNK));
    let binary = '';
    for (let j = 0; j < slice.length; j++) binary += String.fromCharCode(slice[j]!);
    out += btoa(binary);
  }
  return out;
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
