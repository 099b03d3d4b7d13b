import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { languageCheckResponse } from './api-schemas.js';
import { asApiJson, formatReport, lineAndColumn, parseCliArguments, USAGE } from './cli.js';
import { checkLanguage } from './companion.js';

test('arguments: a file, an audience either way, --json, help, and plain errors', () => {
  assert.deepEqual(parseCliArguments(['note.txt']), { file: 'note.txt', audience: 'professional', json: false });
  assert.deepEqual(parseCliArguments(['--audience', 'child', 'note.txt', '--json']), {
    file: 'note.txt',
    audience: 'child',
    json: true,
  });
  assert.deepEqual(parseCliArguments(['--audience=family', 'note.txt']), {
    file: 'note.txt',
    audience: 'family',
    json: false,
  });
  assert.deepEqual(parseCliArguments(['--help']), { help: true });
  const error = (argv: string[]) => {
    const parsed = parseCliArguments(argv);
    return 'error' in parsed ? parsed.error : '';
  };
  assert.match(
    error(['--audience', 'martian', 'note.txt']),
    /must be one of professional, family, child \(not “martian”\)/,
  );
  assert.match(error(['note.txt', '--audience']), /must be one of/);
  assert.match(error([]), /Which file/);
  assert.match(error(['a.txt', 'b.txt']), /one file/);
  assert.match(error(['--loud', 'a.txt']), /Unknown option --loud/);
  assert.ok(error([]).includes(USAGE));
});

test('line and column count from 1, as editors do', () => {
  assert.deepEqual(lineAndColumn('one\ntwo three', 0), { line: 1, column: 1 });
  assert.deepEqual(lineAndColumn('one\ntwo three', 8), { line: 2, column: 5 });
});

test('the report shows each suggestion as line:col, the words, alternatives and why, then the reading age', () => {
  const text = 'First line.\nMum failed to engage.';
  const report = formatReport(text, checkLanguage(text, { audience: 'family' }));
  const [first, last] = report.split('\n');
  assert.match(
    first!,
    /^2:5 {2}"failed to engage" {2}→ say what happened.*; say what was offered; say what we will try next {2}\(It puts/,
  );
  assert.match(
    last!,
    /^Reading age about [\d.]+ \(Flesch-Kincaid grade level \+ 5 \(UK reading age\)\); the aim for family-facing writing is 11 or under/,
  );
  assert.match(
    formatReport('Nan came.', checkLanguage('Nan came.', { audience: 'professional' })),
    /^Nothing to suggest\./,
  );
});

test('--json is exactly what the API returns', () => {
  const check = checkLanguage('Mum failed to engage. Her placement is stable.', { audience: 'family' });
  assert.equal(asApiJson(check), JSON.stringify(languageCheckResponse.parse(check), null, 2));
  assert.deepEqual(JSON.parse(asApiJson(check)), JSON.parse(JSON.stringify(check)), 'nothing is lost or added');
});

const directory = mkdtempSync(path.join(tmpdir(), 'kith-language-'));
after(() => {
  rmSync(directory, { recursive: true, force: true });
});
const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...argv], { encoding: 'utf8' });

test('exit codes: 0 whenever the file was read, even with suggestions; 2 for arguments or a missing file', () => {
  const file = path.join(directory, 'note.txt');
  writeFileSync(file, 'Mum failed to engage.\nLeo enjoyed contact with Dad.');
  const report = run(file, '--audience', 'family');
  assert.equal(report.status, 0, report.stderr);
  assert.match(report.stdout, /^1:5 {2}"failed to engage"/);
  assert.match(report.stdout, /\n2:13 {2}"contact with Dad"/);
  const json = run(file, '--json');
  assert.equal(json.status, 0);
  assert.equal(JSON.parse(json.stdout).findings.length, 2);
  const wrong = run(file, '--audience', 'martian');
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /must be one of/);
  const missing = run(path.join(directory, 'nothing-here.txt'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /Could not read/);
});
