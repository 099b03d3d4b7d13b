import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { z } from 'zod';
import { environmentSchema } from '../src/config.js';
import {
  operationsDocAsWritten,
  operationsDocPath,
  settingRows,
  settingsTable,
  SETTINGS_END,
  SETTINGS_START,
  withSettingsTable,
} from './settings-doc.js';

test('docs/OPERATIONS.md holds the settings table the script would write (run scripts/settings-doc.ts)', async () => {
  const document = readFileSync(operationsDocPath, 'utf8');
  assert.equal(document, await operationsDocAsWritten(document));
});

test('every variable in the schema has a row, with its description, values and default', () => {
  const rows = settingRows();
  assert.deepEqual(
    rows.map((row) => row.name),
    Object.keys(environmentSchema.shape),
  );
  const byName = new Map(rows.map((row) => [row.name, row]));
  assert.deepEqual(byName.get('PORT'), {
    name: 'PORT',
    description: 'The TCP port Kith listens on.',
    values: 'whole number, 1 to 65535',
    default: '`3000`',
  });
  assert.equal(byName.get('KITH_TRUST_PROXY')?.values, '`true`, `false`');
  assert.equal(byName.get('KITH_TRUST_PROXY')?.default, '`false`');
  assert.equal(byName.get('KITH_SESSION_IDLE_MINUTES')?.values, 'number above 0, up to 1440');
  assert.equal(byName.get('SESSION_SECRET')?.default, 'unset');
  for (const name of ['KITH_SESSION_IDLE_MINUTES', 'KITH_SESSION_MAX_HOURS', 'KITH_TRUST_PROXY']) {
    assert.ok(settingsTable().includes(`| \`${name}\` |`), `${name} is in the table`);
  }
});

test('a variable without a description stops the script with a line naming it', () => {
  const schema = z.object({ KITH_NEW: z.string().optional() });
  assert.throws(() => settingRows(schema), /KITH_NEW in src\/config\.ts has no \.describe\(\)/);
});

test('only the table between the markers is replaced; the rest of the document is kept', () => {
  const document = `# Title\n\nBefore.\n\n${SETTINGS_START}\nold table\n${SETTINGS_END}\n\n## Someone else's section\n`;
  const written = withSettingsTable(document, `${SETTINGS_START}\nnew\n${SETTINGS_END}`);
  assert.equal(written, `# Title\n\nBefore.\n\n${SETTINGS_START}\nnew\n${SETTINGS_END}\n\n## Someone else's section\n`);
  assert.throws(() => withSettingsTable('# No markers\n'), /must hold the settings markers/);
});

test('every environment variable the code reads is in the schema (so in the table)', () => {
  // Set by the first process for each worker it starts; not a setting anyone chooses.
  const internal = new Set(['KITH_WORKER_INDEX']);
  const sourceRoot = path.resolve(path.dirname(operationsDocPath), '../src');
  const files = (directory: string): string[] =>
    readdirSync(directory).flatMap((entry) => {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) return files(full);
      return entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.includes('fixtures') ? [full] : [];
    });
  const read = new Set<string>();
  for (const file of files(sourceRoot)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:process\.env|environment)\.([A-Z][A-Z0-9_]+)/g)) {
      read.add(match[1]!);
    }
  }
  assert.ok(read.has('AUDIT_CHECKPOINT_KEY'), 'the scan finds the variables read outside config.ts');
  const documented = new Set(Object.keys(environmentSchema.shape));
  const missing = [...read].filter((name) => !documented.has(name) && !internal.has(name));
  assert.deepEqual(missing, [], 'read in src/ but not in src/config.ts’s schema');
});
