/** Starting Kith: bad settings give one clear line, a non-zero exit, nothing half-done; several workers share the port. */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { usingRealPostgres, withThrowawayDatabase } from '../test/helpers/database.js';

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

test('KITH_WORKERS=2 without a PostgreSQL server: one clear line, exit 1', async () => {
  const { code, stderr } = await startServer({ KITH_WORKERS: '2' });
  assert.equal(code, 1);
  assert.match(stderr, /KITH_WORKERS must be 1 with the embedded database/);
});

test(
  'with KITH_WORKERS=2 both processes serve the one port, and close cleanly',
  { skip: !usingRealPostgres && 'needs a PostgreSQL server' },
  async () => {
    await withThrowawayDatabase(async ({ databaseUrl }) => {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          KITH_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'kith-workers-')),
          DATABASE_URL: databaseUrl!,
          KITH_WORKERS: '2',
          KITH_SEED_DEMO: 'false',
          PORT: String(port),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => {
          resolve(code);
        }),
      );
      try {
        const deadline = Date.now() + 60_000;
        while (!stdout.includes('Press Ctrl+C') && Date.now() < deadline) {
          if (child.exitCode !== null) assert.fail(`Kith stopped while starting: ${stderr}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.match(stdout, /Processes: 2, sharing the port/);
        // The two workers are two processes under this one, each with its own connections. (Only
        // those running Kith's server: TypeScript's transformer may have a process of its own there.)
        const workerPids = execFileSync('pgrep', ['-P', String(child.pid), '-f', 'src/server'])
          .toString()
          .trim()
          .split('\n')
          .filter(Boolean);
        assert.equal(workerPids.length, 2);
        const answers = await Promise.all(
          Array.from({ length: 20 }, () => fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status)),
        );
        assert.deepEqual(new Set(answers), new Set([200]));
      } finally {
        child.kill('SIGTERM');
      }
      assert.equal(await exited, 0, stderr);
      assert.doesNotMatch(stderr, /stopped|error/i);
    });
  },
);
