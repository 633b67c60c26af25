/**
 * The convention for provider selectors: every adapter keeps them in its own selectors.ts, each
 * exported selector has a comment saying what it matches and when it was observed, adapters use
 * the constants (no class-name selector spelled inside adapter logic), and every registered
 * adapter has a folder of dated fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADAPTERS } from '../../../../extension/hosts/adapters';
import { FIXTURE_ROOT } from './load-fixture';

const HOSTS = join(import.meta.dirname, '../../../../extension/hosts');

describe.each(Object.keys(ADAPTERS))('%s', (id) => {
  const dir = join(HOSTS, id);

  test('has a selectors.ts whose string constants each say what they match and when observed', () => {
    const lines = readFileSync(join(dir, 'selectors.ts'), 'utf8').split('\n');
    const constants = lines.map((line, i) => ({ line, i })).filter(({ line }) => /^export const \w+ = '/.test(line));
    expect(constants.length).toBeGreaterThan(3);
    for (const { line, i } of constants) {
      // The comment right above: one line `/** … */` or a block ending on the line above.
      let start = i - 1;
      while (start > 0 && !lines[start]!.includes('/**')) start--;
      const comment = lines.slice(start, i).join(' ');
      expect(lines[i - 1]!.trim().endsWith('*/'), `${id}: ${line} needs a comment`).toBe(true);
      expect(comment, `${id}: ${line} needs "Observed YYYY-MM"`).toMatch(/Observed \d{4}-\d{2}/);
    }
  });

  test('adapter logic uses the named constants, not class selectors of its own', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'selectors.ts')) {
      const code = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => !l.trim().startsWith('*') && !l.trim().startsWith('//'));
      for (const line of code) {
        expect(line, `${id}/${file}: class selector in logic`).not.toMatch(/querySelector(All)?\(\s*['"`][^'"`]*\.[a-zA-Z]/);
      }
    }
  });

  test('has dated fixtures', () => {
    const fixtures = readdirSync(join(FIXTURE_ROOT, id));
    expect(fixtures.filter((f) => /^\d{4}-\d{2}-\d{2}-/.test(f)).length).toBeGreaterThanOrEqual(3);
  });
});
