/**
 * Writes a machine-wide managed policy file for a test and puts back whatever was there before
 * (or removes it). Chromium reads /etc/chromium/policies/managed/*.json, Firefox ESR reads
 * /etc/firefox/policies/policies.json; both need root, as CI runs.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface PolicyFileHandle {
  path: string;
  /** Restores the previous file, or removes ours if there was none. Safe to call twice. */
  restore(): void;
}

export function requireRoot(what: string): void {
  if (process.getuid?.() !== 0) throw new Error(`${what} writes a machine-wide policy file and must run as root (as CI does)`);
}

export function writePolicyFile(path: string, content: unknown): PolicyFileHandle {
  // The outermost folder we create (e.g. /etc/firefox when neither it nor policies/ exist).
  let created: string | undefined;
  for (let dir = dirname(path); !existsSync(dir); dir = dirname(dir)) created = dir;
  const previous = existsSync(path) ? readFileSync(path) : undefined;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(content, null, 2));
  let restored = false;
  return {
    path,
    restore() {
      if (restored) return;
      restored = true;
      if (previous !== undefined) writeFileSync(path, previous);
      else {
        rmSync(path, { force: true });
        // Leave no folder we made: /etc as it was found.
        if (created) rmSync(created, { recursive: true, force: true });
      }
    },
  };
}
