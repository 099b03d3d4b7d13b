/** Starting Kith with bad settings: one clear line, a non-zero exit, nothing half-done. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

function startServer(environment: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        KITH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kith-start-')),
        ...environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

test('a malformed DATABASE_URL: one clear line, exit 1', async () => {
  const { code, stderr } = await startServer({ DATABASE_URL: 'not a url' });
  assert.equal(code, 1);
  assert.match(
    stderr,
    /Kith could not start: the configuration is not valid\.\n {2}DATABASE_URL must be a PostgreSQL connection string/,
  );
});

test('an unreachable database server: one clear line naming it, exit 1', async () => {
  const { code, stderr } = await startServer({ DATABASE_URL: 'postgres://kith:secret@127.0.0.1:9/kith' });
  assert.equal(code, 1);
  assert.equal(stderr.trim().split('\n').length, 1, stderr);
  assert.match(
    stderr,
    /Kith could not start: Cannot connect to PostgreSQL at 127\.0\.0\.1:9\/kith: nothing is listening there\./,
  );
  assert.doesNotMatch(stderr, /secret/);
});
