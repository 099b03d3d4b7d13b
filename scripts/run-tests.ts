/**
 * `npm test`: every *.test.ts beside the code, in test/ and in bench/, through Node's own test runner.
 * (Node 20's runner cannot expand globs itself, so this finds the files.) Arguments narrow the
 * run: `npm test -- src/features/people` runs only the files under that path.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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

const child = spawn(process.execPath, ['--import', 'tsx', '--test', ...passThrough, ...files], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
