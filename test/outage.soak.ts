/**
 * `npm run test:outage`: Kith as real processes while PostgreSQL goes away, under write load.
 * Minutes, not seconds, so not part of `npm test` (its quick checks are test/outage.int.test.ts
 * and src/platform/db/connection-loss.int.test.ts). Needs the machine's PostgreSQL (DATABASE_URL,
 * trust authentication; each part makes a database of its own and drops it); skips without it.
 * Loopback only; every loop is bounded in count and time, and it stops by itself.
 *
 * 1. Connections killed under write load: writers add people to a child's network over the API
 *    while the test ends Kith's backends (`pg_terminate_backend`, as `pg_ctl stop -m fast` does
 *    to each) and then takes the server away altogether (a relay in front of it resets every
 *    connection and refuses new ones, as when the postmaster is killed). Kith must stay up,
 *    answer 503 with Retry-After while the database is away, recover by itself, lose no write it
 *    acknowledged, and log no parameter of any statement.
 * 2. Workers killed in quick succession (KITH_WORKERS=2): the second is killed while the first's
 *    replacement is starting. The first process must stay up and the service keep answering.
 * 3. Two instances started at once on a fresh database with the demo seed on, ten times: both
 *    must come up, and nothing may print a stack trace.
 *
 * Figures go to stderr as it runs and in a summary at the end. KITH_OUTAGE_SERVER names another
 * entry point to start instead of src/server.ts (an older copy, to see a part fail before a fix).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createCouncilWithChild, TEST_PASSWORD } from './helpers/accounts.js';
import { parseHtml } from './helpers/html.js';
import { startDatabaseProxy } from './outage-proxy.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverUrl = process.env.DATABASE_URL;
const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  process.stderr.write(`  ${line}\n`);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

after(() => {
  if (figures.length > 0) process.stderr.write(`\nOutage soak figures:\n  ${figures.join('\n  ')}\n`);
});

// ---------------------------------------------------------------------------------------------
// Databases, ports and Kith processes

async function withFreshDatabase<T>(work: (databaseUrl: string, admin: pg.Client) => Promise<T>): Promise<T> {
  const name = `kith_outage_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString(), admin);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve();
    }),
  );
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Kith {
  process: ChildProcess;
  baseUrl: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: string | null }>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

function startKith(databaseUrl: string, port: number, environment: Record<string, string> = {}): Kith {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-outage-'));
  const child = spawn(process.execPath, ['--import', 'tsx', process.env.KITH_OUTAGE_SERVER ?? 'src/server.ts'], {
    cwd: REPOSITORY,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      KITH_DATA_DIR: dataDir,
      KITH_SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  let done = false;
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => chunks.join(''),
    exited,
    hasExited: () => done,
    async stop() {
      if (!done) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until Kith answers its readiness probe, or it exits, or the time is up. */
async function untilReady(kith: Kith, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline && !kith.hasExited()) {
    const status = await statusOf(`${kith.baseUrl}/health/ready`);
    if (status === 200) return true;
    await sleep(250);
  }
  return false;
}

async function statusOf(url: string, init: RequestInit = {}): Promise<number> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0; // no answer at all: refused, reset or timed out
  }
}

function assertNoStackTrace(output: string, who: string) {
  const line = output.split('\n').find((each) => /^\s+at .+:\d+:\d+\)?$/.test(each));
  assert.equal(line, undefined, `${who} printed a stack trace:\n${output.slice(-3_000)}`);
}

// ---------------------------------------------------------------------------------------------
// 1. Connections killed under write load

describe('Kith under write load while its database goes away', { skip: !serverUrl && 'needs DATABASE_URL' }, () => {
  test('stays up, answers 503 with Retry-After while away, recovers by itself, loses no acknowledged write', async () => {
    await withFreshDatabase(async (databaseUrl, admin) => {
      const setup = await openDatabase({ databaseUrl, poolSize: 2 });
      await migrate(setup);
      await setup.useApplicationRole();
      const { council, practitioner, childId } = await createCouncilWithChild(setup);
      await setup.close();

      const proxy = await startDatabaseProxy(databaseUrl);
      const kith = startKith(proxy.url, await freePort());
      try {
        assert.ok(await untilReady(kith, 120_000), `Kith did not start:\n${kith.output()}`);
        const session = await signIn(kith.baseUrl, practitioner.email);
        const databaseName = new URL(databaseUrl).pathname.slice(1);

        const statuses = new Map<number, number>();
        const acknowledged: { personId: string; fullName: string }[] = [];
        let missingRetryAfter = 0;
        let writing = true;
        let sequence = 0;
        const writer = async () => {
          while (writing) {
            const fullName = `Outage Person ${(sequence += 1)} ${randomUUID().slice(0, 8)}`;
            let status: number;
            try {
              const response = await fetch(`${kith.baseUrl}/api/v1/children/${childId}/network/people`, {
                method: 'POST',
                headers: {
                  cookie: `kith_session=${session.cookie}`,
                  'x-csrf-token': session.csrfToken,
                  'content-type': 'application/json',
                },
                body: JSON.stringify({ person: { fullName }, circle: 'family', relationshipToChild: null }),
                signal: AbortSignal.timeout(15_000),
              });
              status = response.status;
              if (status === 201) {
                const body = (await response.json()) as { personId: string };
                acknowledged.push({ personId: body.personId, fullName });
              } else {
                if (status === 503 && response.headers.get('retry-after') === null) missingRetryAfter += 1;
                await response.arrayBuffer();
              }
            } catch {
              status = 0;
            }
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status !== 201) await sleep(50);
          }
        };
        const writers = Array.from({ length: 6 }, writer);

        const ROUNDS = 5;
        let awayAnswers = 0;
        let recoveryMs = 0;
        for (let round = 0; round < ROUNDS; round += 1) {
          await sleep(1_500);
          // pg_terminate_backend on every backend of Kith's, three times in quick succession.
          let terminated = 0;
          for (let burst = 0; burst < 3; burst += 1) {
            const { rows } = await admin.query<{ ended: boolean }>(
              `select pg_terminate_backend(pid) as ended from pg_stat_activity
                where datname = $1 and pid <> pg_backend_pid()`,
              [databaseName],
            );
            terminated += rows.length;
            await sleep(200);
          }
          await sleep(1_000);
          // The server away altogether for three seconds.
          await proxy.cut();
          const awayUntil = Date.now() + 3_000;
          while (Date.now() < awayUntil) {
            const response = await fetch(`${kith.baseUrl}/caseload`, {
              headers: { cookie: `kith_session=${session.cookie}` },
              signal: AbortSignal.timeout(15_000),
            });
            await response.arrayBuffer();
            assert.equal(response.status, 503, 'a page while the database is away');
            assert.equal(response.headers.get('retry-after'), '5');
            awayAnswers += 1;
            await sleep(100);
          }
          await proxy.restore();
          const backAt = Date.now();
          const recovered = await untilReady(kith, 60_000);
          recoveryMs = Math.max(recoveryMs, Date.now() - backAt);
          assert.ok(recovered, `round ${round}: Kith did not recover:\n${kith.output().slice(-3_000)}`);
          note(`round ${round + 1}: ${terminated} backends ended, 3 s away, ready again in ${Date.now() - backAt} ms`);
          assert.equal(kith.hasExited(), false, `Kith exited:\n${kith.output().slice(-3_000)}`);
        }
        await sleep(1_000);
        writing = false;
        await Promise.all(writers);

        assert.equal(kith.hasExited(), false, 'Kith stayed up throughout');
        const ids = acknowledged.map((write) => write.personId);
        // Read as the server's superuser, on the database itself.
        const reader = new pg.Client({ connectionString: databaseUrl });
        await reader.connect();
        const found = await reader.query<{ id: string; full_name: string }>(
          'select id, full_name from people where tenant_id = $1 and id = any($2::uuid[])',
          [council.id, ids],
        );
        await reader.end();
        const foundIds = new Set(found.rows.map((row) => row.id));
        const lost = acknowledged.filter((write) => !foundIds.has(write.personId));
        const counts = [...statuses.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, total]) => `${status === 0 ? 'no answer' : status}: ${total}`)
          .join(', ');
        note(
          `writes: ${acknowledged.length} acknowledged, ${lost.length} lost; answers ${counts}; ${awayAnswers} pages answered 503 while away; slowest recovery ${recoveryMs} ms`,
        );
        assert.equal(lost.length, 0, 'no acknowledged write is lost');
        assert.ok(acknowledged.length > 0);
        assert.equal(statuses.get(500) ?? 0, 0, `no 500s (${counts})`);
        assert.equal(missingRetryAfter, 0, 'every 503 carries Retry-After');

        const output = kith.output();
        for (const secret of [council.id, session.cookie, ...acknowledged.slice(0, 200).map((w) => w.fullName)]) {
          assert.ok(!output.includes(secret), `the log holds ${secret}`);
        }
        assert.ok(!/Failed query|params:/.test(output), 'the log holds a failed statement');
        assertNoStackTrace(output, 'Kith');
        note(`log: ${output.split('\n').length} lines, no statement, parameter, council id or written text`);
      } finally {
        await kith.stop();
        await proxy.close();
      }
    });
  });
});

async function signIn(baseUrl: string, email: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }).toString(),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('kith_session='))
    ?.slice('kith_session='.length);
  assert.equal(response.status, 303);
  assert.ok(cookie);
  const page = await fetch(`${baseUrl}/caseload`, { headers: { cookie: `kith_session=${cookie}` } });
  const html = parseHtml(await page.text());
  const csrfToken =
    html.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ??
    html.querySelector('input[name="_csrf"]')?.getAttribute('value');
  assert.ok(csrfToken, 'the page carries a CSRF token');
  return { cookie, csrfToken };
}

// ---------------------------------------------------------------------------------------------
// 2. Workers killed in quick succession

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('workers killed in quick succession', { skip: !serverUrl && 'needs DATABASE_URL' }, () => {
  test('the first process stays up, replaces them, and the service keeps answering', async () => {
    await withFreshDatabase(async (databaseUrl) => {
      const kith = startKith(databaseUrl, await freePort(), { KITH_WORKERS: '2' });
      try {
        assert.ok(await untilReady(kith, 180_000), `Kith did not start:\n${kith.output()}`);
        // Ready answers once one worker listens; Kith has started when both do (its banner).
        for (let waited = 0; !kith.output().includes('Kith is running at') && waited < 120_000; waited += 200) {
          await sleep(200);
        }
        assert.match(kith.output(), /Kith is running at/);
        const primary = kith.process.pid!;
        let answered = 0;
        let unanswered = 0;
        let probing = true;
        const prober = (async () => {
          while (probing) {
            if ((await statusOf(`${kith.baseUrl}/health/live`)) === 200) answered += 1;
            else unanswered += 1;
            await sleep(50);
          }
        })();

        const ROUNDS = 3;
        for (let round = 0; round < ROUNDS; round += 1) {
          const [first, second] = childrenOf(primary);
          assert.ok(first && second, `two workers (${childrenOf(primary).join(', ')})`);
          process.kill(first, 'SIGKILL');
          // Wait for the first one's replacement to be forked, then kill the second while it starts.
          const deadline = Date.now() + 30_000;
          while (Date.now() < deadline && !childrenOf(primary).some((pid) => pid !== second)) await sleep(20);
          process.kill(second, 'SIGKILL');
          assert.equal(kith.hasExited(), false);
          // Both replaced and listening again.
          const back = Date.now() + 120_000;
          let both = false;
          while (Date.now() < back && !kith.hasExited()) {
            const workers = childrenOf(primary);
            if (workers.length === 2 && !workers.includes(first) && !workers.includes(second)) {
              both = (await statusOf(`${kith.baseUrl}/health/ready`)) === 200;
              if (both) break;
            }
            await sleep(200);
          }
          await sleep(3_000); // both listening, not just one
          assert.equal(kith.hasExited(), false, `the first process exited:\n${kith.output().slice(-3_000)}`);
          assert.ok(both, `round ${round}: the workers did not come back`);
        }
        probing = false;
        await prober;
        note(
          `workers: ${ROUNDS} rounds of two workers killed in quick succession; first process up throughout; ${answered} probes answered, ${unanswered} not (while neither worker was up)`,
        );
        assert.ok((await statusOf(`${kith.baseUrl}/health/ready`)) === 200);
        assertNoStackTrace(kith.output(), 'Kith');
      } finally {
        await kith.stop();
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Two instances at once on a fresh database, with the demo seed

describe('two instances starting together', { skip: !serverUrl && 'needs DATABASE_URL' }, () => {
  test('on a fresh database with the demo seed on, ten times, both come up', async () => {
    const TRIES = Number(process.env.KITH_OUTAGE_TRIES ?? '10');
    let bothUp = 0;
    const seconds: number[] = [];
    for (let attempt = 0; attempt < TRIES; attempt += 1) {
      await withFreshDatabase(async (databaseUrl) => {
        const started = Date.now();
        const pair = [
          startKith(databaseUrl, await freePort(), { KITH_SEED_DEMO: 'true' }),
          startKith(databaseUrl, await freePort(), { KITH_SEED_DEMO: 'true' }),
        ];
        try {
          const ready = await Promise.all(pair.map((kith) => untilReady(kith, 240_000)));
          for (const [index, kith] of pair.entries()) {
            assert.ok(ready[index], `try ${attempt + 1}, instance ${index + 1} did not come up:\n${kith.output()}`);
            assertNoStackTrace(kith.output(), `instance ${index + 1}`);
          }
          bothUp += 1;
          seconds.push((Date.now() - started) / 1000);
        } finally {
          await Promise.all(pair.map((kith) => kith.stop()));
        }
      });
    }
    note(
      `two instances at once with the demo seed: both up ${bothUp} of ${TRIES} tries (both ready in ${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)} s)`,
    );
    assert.equal(bothUp, TRIES);
  });
});
