/**
 * `npm run policy:schema` — regenerates the files derived from shared/policy/policy-schema.json:
 * extension/public/managed_schema.json (Chrome's managed-storage schema) and shared/policy/POLICY.md.
 * `--check` writes nothing and exits 1 when a committed file is out of date.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICY_SCHEMA } from '../policy/parse-policy';
import { managedSchemaText, renderPolicyReference } from '../policy/policy-schema-outputs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const DERIVED_FILES: readonly { path: string; render: () => string }[] = [
  { path: 'extension/public/managed_schema.json', render: () => managedSchemaText(POLICY_SCHEMA) },
  { path: 'shared/policy/POLICY.md', render: () => renderPolicyReference(POLICY_SCHEMA) },
];

function current(path: string): string | undefined {
  try {
    return readFileSync(resolve(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

const check = process.argv.includes('--check');
let stale = 0;
for (const file of DERIVED_FILES) {
  const text = file.render();
  if (current(file.path) === text) continue;
  if (check) {
    process.stderr.write(`out of date: ${file.path} (run npm run policy:schema)\n`);
    stale++;
  } else {
    mkdirSync(dirname(resolve(root, file.path)), { recursive: true });
    writeFileSync(resolve(root, file.path), text);
    process.stdout.write(`wrote ${file.path}\n`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
