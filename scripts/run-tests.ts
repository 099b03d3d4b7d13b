/**
 * `npm test`: every *.test.ts beside the code, in test/ and in bench/, through Node's own test runner.
 * (Node 20's runner cannot expand globs itself, so this finds the files.) Arguments narrow the
 * run: `npm test -- src/features/people` runs only the files under that path; other `--` options
 * go to `node --test` (for example `--test-name-pattern=…`).
 *
 * Each test file used to run in a process of its own, and starting one (TypeScript, the app's
 * modules, an embedded database) costs about three seconds: with some 120 files that was a third
 * of the run. So the files are packed into a few groups, one process each, every file inside its
 * own `describe` named after it (its `before`/`after` hooks stay its own, and a failure names its
 * file). On PGlite two groups run at a time. `KITH_TEST_ISOLATION=file` runs one process per file, as before
 * (for a test suspected of depending on another file's leftovers).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TEST_FILE = /\.test\.ts$/;

function findTests(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) found.push(...findTests(full));
    else if (TEST_FILE.test(entry)) found.push(full);
  }
  return found;
}

const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const passThrough = process.argv.slice(2).filter((argument) => argument.startsWith('--'));
const files = ['src', 'test', 'bench', 'scripts']
  .flatMap((root) => findTests(root))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.startsWith(path.normalize(filter))))
  .sort();

if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}

/** A rough cost, so groups take about as long as each other: integration files start an app and a database. */
function weight(file: string): number {
  const source = readFileSync(file, 'utf8');
  const tests = source.match(/^\s*(test|it)\(/gm)?.length ?? 1;
  return file.includes('.int.') ? 3 + tests : 0.3 + tests * 0.05;
}

/** Longest first into the lightest group: each group a near-equal share of the work. */
function packIntoGroups(weighted: readonly { file: string; weight: number }[], groupCount: number): string[][] {
  const groups = Array.from({ length: Math.min(groupCount, weighted.length) }, () => ({
    files: [] as string[],
    total: 0,
  }));
  for (const item of [...weighted].sort((a, b) => b.weight - a.weight || a.file.localeCompare(b.file))) {
    const lightest = groups.reduce((least, group) => (group.total < least.total ? group : least));
    lightest.files.push(item.file);
    lightest.total += item.weight;
  }
  return groups.map((group) => group.files.sort());
}

const GROUPS = 8;
const hasConcurrency = passThrough.some((argument) => argument.startsWith('--test-concurrency'));
let temporary: string | undefined;
let entries: string[];
if (process.env.KITH_TEST_ISOLATION === 'file' || files.length === 1) {
  entries = files;
} else {
  temporary = mkdtempSync(path.join(os.tmpdir(), 'kith-test-groups-'));
  const groups = packIntoGroups(
    files.map((file) => ({ file, weight: weight(file) })),
    GROUPS,
  );
  entries = groups.map((group, index) => {
    const entry = path.join(temporary!, `group-${String(index + 1).padStart(2, '0')}.test.ts`);
    const lines = group.map(
      (file) =>
        `describe(${JSON.stringify(file)}, async () => { await import(${JSON.stringify(pathToFileURL(path.resolve(file)).href)}); });`,
    );
    writeFileSync(entry, [`import { describe } from 'node:test';`, ...lines, ''].join('\n'));
    return entry;
  });
}

// On PGlite each process has its own databases, so two groups run side by side. On a PostgreSQL
// server the files share one database, and some share its demo council (seeded once, used by
// several files): counting that council's audit entries, or asking the planner how it reads them,
// is only sure while no other file writes beside it. So there one group runs at a time.
const sideBySide = process.env.DATABASE_URL ? 1 : 2;
const concurrency = hasConcurrency || entries === files ? [] : [`--test-concurrency=${sideBySide}`];
const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...concurrency, ...passThrough, ...entries], {
  stdio: 'inherit',
});
const cleanUp = () => {
  if (temporary) rmSync(temporary, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
