/**
 * DESIGN.md §2: only outlook-addin/**\/mailbox* touches `Office.*`; the pane, the header parser
 * and the report planning take plain data. This reads every add-in source file and fails, naming
 * the file and line, when code elsewhere uses the Office global.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ADDIN = fileURLToPath(new URL('../../outlook-addin/', import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|js)$/.test(name)) out.push(path);
  }
  return out;
}

/** Comments and string contents removed, so only code is searched (line numbers kept). */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (s) => s.replace(/[^\n]/g, ' '));
}

describe('Office boundary', () => {
  const files = sources(ADDIN).filter((f) => !relative(ADDIN, f).startsWith('public/'));

  it('finds the add-in sources', () => {
    expect(files.some((f) => f.endsWith('mailbox-host.ts'))).toBe(true);
    expect(files.some((f) => f.endsWith('pane-controller.ts'))).toBe(true);
  });

  it('uses the Office global only in mailbox/mailbox-* files', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const rel = relative(ADDIN, file);
      const code = codeOnly(readFileSync(file, 'utf8'));
      const uses = /\bOffice\s*[.[]/.test(code);
      const allowed = /(^|\/)mailbox[^/]*$/.test(rel) && rel.startsWith('mailbox/');
      if (uses && !allowed) {
        const line = code.split('\n').findIndex((l) => /\bOffice\s*[.[]/.test(l)) + 1;
        offenders.push(`${rel}:${line}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('really does use Office in the mailbox modules (the check is not vacuous)', () => {
    const mailbox = files.filter((f) => relative(ADDIN, f).startsWith('mailbox/'));
    expect(mailbox.filter((f) => /\bOffice\s*[.[]/.test(codeOnly(readFileSync(f, 'utf8')))).length).toBeGreaterThanOrEqual(3);
  });
});
