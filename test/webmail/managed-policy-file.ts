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
  const dir = dirname(path);
  const dirExisted = existsSync(dir);
  const previous = existsSync(path) ? readFileSync(path) : undefined;
  mkdirSync(dir, { recursive: true });
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
        // Leave no empty folder we made (Firefox only reads the file, but keep /etc as found).
        if (!dirExisted) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
