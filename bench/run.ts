/**
 * `npm run bench [-- --quick] [-- --children N]`: how fast Kith is with a council of realistic
 * size, on the configured database (DATABASE_URL, or PGlite in a temporary folder).
 *
 * 1. Seeds the synthetic council (and its smaller neighbour) unless it is already there.
 * 2. Starts Kith as its own process, exactly as `npm start` does, and signs in over HTTP as
 *    real users would: a practitioner, a team manager (with a two-factor code), an auditor.
 * 3. Drives each page with autocannon: 20 connections for a fixed time, after a warm-up.
 * 4. Stops Kith, then times the same SQL the requests run, directly, to see what the rest of
 *    the request (HTTP, session, rendering) adds; and the cost of one audit entry.
 * 5. Writes bench/results/<date>-<pglite|postgres>-<quick|full>.json and latest.md.
 *
 * The SQL is timed after Kith has stopped because PGlite is one process's database: two
 * processes must never open the same folder. Doing the same on PostgreSQL keeps the two runs
 * comparable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { networkForOpenedRecord } from '../src/features/network/service.js';
import { openMeeting } from '../src/features/meetings/service.js';
import { viewPlan } from '../src/features/plans/service.js';
import { loadConfig, type Config } from '../src/config.js';
import { recordAuditEvent } from '../src/platform/audit/audit-log.js';
import { totpCode } from '../src/platform/auth/totp.js';
import { openDatabase, type Database } from '../src/platform/db/database.js';
import { openMigratedDatabase, pgliteDirectory } from '../src/platform/db/open.js';
import { withTenant } from '../src/platform/db/tenancy.js';
import type { Actor } from '../src/platform/identity/actor.js';
import { lookUpSession, parseSessionCookie, SESSION_COOKIE } from '../src/platform/identity/session-store.js';
import { caseloadOf } from '../src/features/caseload/service.js';
import { openChildRecord } from '../src/features/child-record/index.js';
import { searchAudit, whoHasSeen } from '../src/features/audit-trail/service.js';
import { formatDuration } from './progress.js';
import {
  describeSeed,
  SeedRefusedError,
  seedSyntheticCouncils,
  SYNTHETIC_PASSWORD,
  SYNTHETIC_TOTP_SECRET,
  todayUtc,
} from './seed-synthetic.js';

const REPOSITORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(REPOSITORY, 'bench', 'results');
const COUNCIL_SLUG = 'synthetic-borough';
const CONNECTIONS = 20;
/** Sign-in is argon2-bound on purpose; 20 connections would only queue behind two cores. */
const SIGN_IN_CONNECTIONS = 4;
const AUDIT_COST_ITERATIONS = 500;
const SERVER_START_LIMIT_MS = 120_000;
const SERVER_STOP_LIMIT_MS = 20_000;
const SESSION_POLICY = { idleMinutes: 30, absoluteHours: 12 };

const number = new Intl.NumberFormat('en-GB');
const log = (message: string) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Options

interface BenchOptions {
  quick: boolean;
  children: number;
  seed: number;
  /** Seconds each scenario is measured for (after its warm-up). */
  durationSeconds: number;
  warmUpSeconds: number;
  /** Requests (or SQL runs) timed one at a time, for the request-to-SQL ratio. */
  serialIterations: number;
  /** `--only caseload,child`: just these scenarios (by key), for profiling one page. */
  only: string[] | null;
}

function parseBenchArguments(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const options: BenchOptions = {
    quick,
    children: quick ? 2_000 : 20_000,
    seed: 42,
    durationSeconds: quick ? 3 : 10,
    // A freshly started Kith is slower for its first twenty seconds or so (V8 compiling the hot
    // code, each connection preparing its statements): caseload 183 requests/s measured over
    // 10 s after a 2 s warm-up, 239 over 20 s. A council's server runs for weeks, so the full
    // run measures it warm.
    warmUpSeconds: quick ? 1 : 10,
    serialIterations: quick ? 100 : 300,
    only: null,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    if (flag === '--quick') continue;
    if (flag === '--only' && argv[index + 1]) {
      options.only = argv[index + 1]!.split(',').map((key) => key.trim());
      index += 1;
      continue;
    }
    const value = Number(argv[index + 1]);
    if (flag === '--children' && Number.isInteger(value) && value >= 1 && value <= 200_000) options.children = value;
    else if (flag === '--seed' && Number.isInteger(value) && value >= 0) options.seed = value;
    else if (flag === '--duration' && Number.isInteger(value) && value >= 1 && value <= 120) {
      options.durationSeconds = value;
    } else {
      throw new SeedRefusedError(
        `Unknown or invalid option ${flag}. Use --quick, --children N (1–200000), --seed N, --duration SECONDS (1–120), --only KEY,KEY.`,
      );
    }
    index += 1;
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
  };
}

const round = (value: number, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

// ---------------------------------------------------------------------------------------------
// The synthetic council and who the benchmark signs in as

interface Subjects {
  tenantId: string;
  councils: number;
  children: number;
  people: number;
  auditEvents: number;
  practitioner: { email: string; allocated: number; childIds: string[] };
  /** Another practitioner, who records the visits (see findSubjects). */
  visitRecorder: { email: string; childIds: string[] };
  manager: { email: string; teamName: string; practitioners: number; childIds: string[] };
  auditorEmail: string;
  signInEmails: string[];
  databaseVersion: string;
  /** The practitioner's children's latest mappings, as page paths, for the mapping scenario. */
  mappingPaths: string[];
  /** The practitioner's children's current plans, for the plan page and API. */
  plans: { childId: string; planId: string }[];
  /** The practitioner's children's latest meetings held, for the meeting page. */
  meetings: { childId: string; meetingId: string }[];
  /** The child with the largest network, for the network page and API. */
  largeNetwork: { childId: string; practitionerEmail: string; people: number; relationships: number } | null;
}

async function findSubjects(database: Database): Promise<Subjects> {
  return database.asOwner(async (owner) => {
    const [council] = await owner.query<{ id: string }>('select id from tenants where slug = $1', [COUNCIL_SLUG]);
    if (!council) throw new Error(`the council ${COUNCIL_SLUG} is missing`);
    const tenantId = council.id;
    await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
    const active = `(a.ends_on is null or a.ends_on > current_date)`;
    // Two practitioners with about 20 children each: the first is read as a practitioner would
    // read; the second records the visits, so that what the first reads (the chronology, search)
    // stays the size the seed made it however often the benchmark runs.
    const [practitioner, visitRecorder] = await owner.query<{ id: string; email: string; allocated: number }>(
      `select u.id, u.email, count(*)::int as allocated
       from child_allocations a
       join users u on u.tenant_id = a.tenant_id and u.id = a.user_id
       join user_roles r on r.tenant_id = u.tenant_id and r.user_id = u.id and r.role = 'practitioner'
       where a.tenant_id = $1 and ${active}
       group by u.id, u.email
       order by abs(count(*) - 20), u.email
       limit 2`,
      [tenantId],
    );
    if (!practitioner || !visitRecorder)
      throw new Error('the synthetic council has too few practitioners with children');
    const childrenOf = (userId: string) =>
      owner.query<{ id: string }>(
        `select a.child_person_id as id from child_allocations a
         join child_records c on c.tenant_id = a.tenant_id and c.person_id = a.child_person_id
         where a.tenant_id = $1 and a.user_id = $2 and ${active}
         order by c.reference`,
        [tenantId, userId],
      );
    const practitionerChildren = await childrenOf(practitioner.id);
    const visitRecorderChildren = await childrenOf(visitRecorder.id);
    // Practitioners only: the team's family group conference coordinator is a member too.
    const practitionersOf = `(select count(*)::int from team_memberships o
       join user_roles r on r.tenant_id = o.tenant_id and r.user_id = o.user_id and r.role = 'practitioner'
       where o.tenant_id = m.tenant_id and o.team_id = m.team_id and not o.is_manager)`;
    const [manager] = await owner.query<{ email: string; team_id: string; team_name: string; practitioners: number }>(
      `select u.email, m.team_id, t.name as team_name, ${practitionersOf} as practitioners
       from team_memberships m
       join users u on u.tenant_id = m.tenant_id and u.id = m.user_id
       join teams t on t.tenant_id = m.tenant_id and t.id = m.team_id
       where m.tenant_id = $1 and m.is_manager
       order by abs(${practitionersOf} - 8), u.email
       limit 1`,
      [tenantId],
    );
    if (!manager) throw new Error('the synthetic council has no team manager');
    // A manager may not open restricted records without a reason, so the rotation leaves them out.
    const teamChildren = await owner.query<{ id: string }>(
      `select a.child_person_id as id from child_allocations a
       join child_records c on c.tenant_id = a.tenant_id and c.person_id = a.child_person_id
       where a.tenant_id = $1 and a.team_id = $2 and ${active} and not c.is_restricted
       order by c.reference limit 50`,
      [tenantId, manager.team_id],
    );
    const [auditor] = await owner.query<{ email: string }>(
      `select u.email from users u join user_roles r on r.tenant_id = u.tenant_id and r.user_id = u.id
       where u.tenant_id = $1 and r.role = 'auditor' order by u.email limit 1`,
      [tenantId],
    );
    const signIn = await owner.query<{ email: string }>(
      `select u.email from users u join user_roles r on r.tenant_id = u.tenant_id and r.user_id = u.id
       where u.tenant_id = $1 and r.role = 'practitioner' order by u.email limit 20`,
      [tenantId],
    );
    const [counts] = await owner.query<{ children: number; people: number; audit_events: number }>(
      `select (select count(*)::int from child_records where tenant_id = $1) as children,
              (select count(*)::int from people where tenant_id = $1) as people,
              (select count(*)::int from audit_events where tenant_id = $1) as audit_events`,
      [tenantId],
    );
    const [large] = await owner.query<{ child_id: string; email: string; people: number }>(
      `select n.child_person_id as child_id, u.email, count(*)::int as people
       from network_members n
       join child_records c on c.tenant_id = n.tenant_id and c.person_id = n.child_person_id
       join child_allocations a on a.tenant_id = n.tenant_id and a.child_person_id = n.child_person_id and ${active}
       join users u on u.tenant_id = a.tenant_id and u.id = a.user_id
       where n.tenant_id = $1 and c.status = 'open' and not c.is_restricted
       group by n.child_person_id, u.email
       order by count(*) desc, n.child_person_id
       limit 1`,
      [tenantId],
    );
    const [largeTies] = large
      ? await owner.query<{ total: number }>(
          `select count(*)::int as total from relationships r
           where r.tenant_id = $1 and (r.from_person_id in (select person_id from network_members where tenant_id = $1 and child_person_id = $2) or r.from_person_id = $2)
             and (r.to_person_id in (select person_id from network_members where tenant_id = $1 and child_person_id = $2) or r.to_person_id = $2)`,
          [tenantId, large.child_id],
        )
      : [];
    const latestMappings = await owner.query<{ child_id: string; mapping_id: string }>(
      `select distinct on (mc.child_person_id) mc.child_person_id as child_id, m.id as mapping_id
       from mapping_children mc
       join mappings m on m.tenant_id = mc.tenant_id and m.id = mc.mapping_id
       where mc.tenant_id = $1 and mc.child_person_id = any($2::uuid[])
       order by mc.child_person_id, m.held_on desc`,
      [tenantId, practitionerChildren.map((row) => row.id)],
    );
    // The plan a child's page leads with: the newest that is still running (a review to come).
    const currentPlans = await owner.query<{ child_id: string; plan_id: string }>(
      `select distinct on (p.child_person_id) p.child_person_id as child_id, p.id as plan_id
       from plans p
       where p.tenant_id = $1 and p.child_person_id = any($2::uuid[])
       order by p.child_person_id, (p.review_by is null), p.starts_on desc, p.id`,
      [tenantId, practitionerChildren.map((row) => row.id)],
    );
    const latestMeetings = await owner.query<{ child_id: string; meeting_id: string }>(
      `select distinct on (m.child_person_id) m.child_person_id as child_id, m.id as meeting_id
       from meetings m
       where m.tenant_id = $1 and m.child_person_id = any($2::uuid[]) and m.held_on <= current_date
       order by m.child_person_id, m.held_on desc, m.id`,
      [tenantId, practitionerChildren.map((row) => row.id)],
    );
    const [councils] = await owner.query<{ total: number }>('select count(*)::int as total from tenants');
    const [version] = await owner.query<{ version: string }>('select version()');
    return {
      tenantId,
      councils: councils?.total ?? 0,
      children: counts?.children ?? 0,
      people: counts?.people ?? 0,
      auditEvents: counts?.audit_events ?? 0,
      practitioner: {
        email: practitioner.email,
        allocated: practitioner.allocated,
        childIds: practitionerChildren.map((row) => row.id),
      },
      visitRecorder: { email: visitRecorder.email, childIds: visitRecorderChildren.map((row) => row.id) },
      manager: {
        email: manager.email,
        teamName: manager.team_name,
        practitioners: manager.practitioners,
        childIds: teamChildren.map((row) => row.id),
      },
      mappingPaths: latestMappings.map((row) => `/children/${row.child_id}/mapping/${row.mapping_id}`),
      plans: currentPlans.map((row) => ({ childId: row.child_id, planId: row.plan_id })),
      meetings: latestMeetings.map((row) => ({ childId: row.child_id, meetingId: row.meeting_id })),
      auditorEmail: auditor?.email ?? '',
      signInEmails: signIn.map((row) => row.email),
      databaseVersion: (version?.version ?? '').split(' on ')[0] ?? '',
      largeNetwork: large
        ? {
            childId: large.child_id,
            practitionerEmail: large.email,
            people: large.people + 1,
            relationships: largeTies?.total ?? 0,
          }
        : null,
    };
  });
}

async function prepareCouncil(config: Config, options: BenchOptions): Promise<Subjects> {
  const { database } = await openMigratedDatabase(config);
  try {
    const [existing] = await database.asOwner((owner) =>
      owner.query<{ id: string }>('select id from tenants where slug = $1', [COUNCIL_SLUG]),
    );
    if (existing) {
      log(`Using the synthetic council already in this database (${COUNCIL_SLUG}).`);
    } else {
      log(`Seeding ${number.format(options.children)} children (seed ${options.seed})…`);
      const summary = await seedSyntheticCouncils(database, {
        children: options.children,
        seed: options.seed,
        councilSlug: COUNCIL_SLUG,
        asOf: todayUtc(),
      });
      log(describeSeed(summary));
    }
    if (database.kind === 'postgres') await vacuumNeverVacuumedTables(config.databaseOwnerUrl ?? config.databaseUrl!);
    return await findSubjects(database);
  } finally {
    await database.close();
  }
}

/**
 * A council's database in use has been through autovacuum: its tables' visibility maps are set
 * and every row has been checked once. A freshly seeded one (or a server with autovacuum turned
 * off, as this project's machine has) has neither, so each first read of a row writes to its page,
 * and whichever pages the benchmark drives later pay for that. So tables never vacuumed are
 * vacuumed once, before anything is measured (a few minutes after a full seed; nothing after).
 */
async function vacuumNeverVacuumedTables(ownerUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select format('%I.%I', schemaname, relname) as name from pg_stat_user_tables
        where last_vacuum is null and last_autovacuum is null and n_live_tup > 0 order by n_live_tup desc`,
    );
    if (rows.length === 0) return;
    log(`Vacuuming the ${rows.length} tables never vacuumed, as autovacuum would have…`);
    const startedAt = performance.now();
    // VACUUM cannot run in a transaction, so one statement at a time on a plain connection.
    for (const { name } of rows) await client.query(`vacuum (analyze) ${name}`);
    log(`Vacuumed in ${formatDuration((performance.now() - startedAt) / 1000)}.`);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Kith as its own process

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

interface RunningKith {
  baseUrl: string;
  process: ChildProcess;
  /** What Kith wrote to stderr (warnings at LOG_LEVEL=warn). */
  output: string[];
}

/**
 * Kith's processes for the run: one, unless KITH_WORKERS asks for more (PostgreSQL only). On
 * this 2-core machine a second process gained nothing: Kith, PostgreSQL and the load already
 * fill both cores with one (caseload 269 requests/s with one process, 247 with two).
 */
function workersFor(databaseKind: 'postgres' | 'pglite'): number {
  if (databaseKind === 'pglite') return 1;
  const asked = Number(process.env.KITH_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? asked : 1;
}

async function startKith(dataDir: string, workers: number): Promise<RunningKith> {
  const port = await freePort();
  // KITH_BENCH_NODE_ARGS adds options for Kith's Node (say `--cpu-prof --cpu-prof-dir=/tmp/profiles`).
  const nodeArguments = (process.env.KITH_BENCH_NODE_ARGS ?? '').split(' ').filter((part) => part !== '');
  const child = spawn(process.execPath, [...nodeArguments, '--import', 'tsx', 'src/server.ts'], {
    cwd: REPOSITORY,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KITH_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      KITH_DATA_DIR: dataDir,
      KITH_WORKERS: String(workers),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // stdout carries only the start-up banner; stderr carries the log (warnings and worse).
  const banner: string[] = [];
  const output: string[] = [];
  const keep = (lines: string[]) => (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    if (lines.length > 2_000) lines.splice(0, lines.length - 2_000);
  };
  child.stdout.on('data', keep(banner));
  child.stderr.on('data', keep(output));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + SERVER_START_LIMIT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Kith stopped while starting:\n${[...banner, ...output].slice(-20).join('\n')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return { baseUrl, process: child, output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`Kith was not ready within ${SERVER_START_LIMIT_MS / 1000} s:\n${output.slice(-20).join('\n')}`);
}

async function stopKith(kith: RunningKith): Promise<void> {
  if (kith.process.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    kith.process.once('exit', () => {
      resolve();
    });
  });
  // SIGTERM lets Kith close PGlite cleanly, which flushes its folder for the SQL timings.
  kith.process.kill('SIGTERM');
  const timer = setTimeout(() => kith.process.kill('SIGKILL'), SERVER_STOP_LIMIT_MS);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Signing in over HTTP, as a browser would

interface SignedIn {
  cookie: string;
  csrfToken: string;
}

function sessionCookieOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`)) return pair.slice(SESSION_COOKIE.length + 1);
  }
  return undefined;
}

function csrfTokenOf(html: string): string {
  const token =
    /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page carries no CSRF token');
  return token;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(baseUrl: string, email: string, landingPath: string): Promise<SignedIn> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    headers: formHeaders,
    body: form({ email, password: SYNTHETIC_PASSWORD }),
    redirect: 'manual',
  });
  let cookie = sessionCookieOf(response);
  if (response.status !== 303 || !cookie) throw new Error(`signing in as ${email} answered ${response.status}`);
  if (response.headers.get('location')?.startsWith('/sign-in/two-factor')) {
    const page = await fetch(`${baseUrl}/sign-in/two-factor`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    const csrf = csrfTokenOf(await page.text());
    // A code is accepted once per 30-second step; if an earlier run used this one, the next
    // step's code is still inside the one-step window Kith allows.
    for (const offsetMs of [0, 30_000]) {
      const done = await fetch(`${baseUrl}/sign-in/two-factor`, {
        method: 'POST',
        headers: { ...formHeaders, cookie: `${SESSION_COOKIE}=${cookie}` },
        body: form({ _csrf: csrf, code: totpCode(SYNTHETIC_TOTP_SECRET, Date.now() + offsetMs) }),
        redirect: 'manual',
      });
      const next = sessionCookieOf(done);
      if (done.status === 303 && next) {
        cookie = next;
        break;
      }
      if (offsetMs > 0) throw new Error(`the two-factor code for ${email} was refused (${done.status})`);
    }
  }
  const landing = await fetch(`${baseUrl}${landingPath}`, { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  if (landing.status !== 200) throw new Error(`${email} could not open ${landingPath} (${landing.status})`);
  return { cookie, csrfToken: csrfTokenOf(await landing.text()) };
}

// ---------------------------------------------------------------------------------------------
// Load

interface LoadScenario {
  key: string;
  name: string;
  who: string;
  connections: number;
  expectedStatus: number;
  requests: autocannon.Request[];
  headers: Record<string, string>;
  targets: { p95Ms?: number; requestsPerSecond?: number };
  note?: string;
}

interface LoadResult {
  key: string;
  name: string;
  who: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Distribution;
  unexpectedStatus: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  targets: LoadScenario['targets'];
  expectedStatus: number;
  /**
   * CPU time per request, in milliseconds, of Kith's processes, PostgreSQL's and the load
   * generator's (read from /proc; absent where there is none). It varies far less from run to
   * run than requests per second, which move with whatever else the machine is doing.
   */
  cpuMsPerRequest?: CpuShares;
  note?: string;
}

interface CpuShares {
  kith: number;
  postgres: number;
  load: number;
}

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture Node runs on. */
const PROC_TICKS_PER_SECOND = 100;

/** CPU seconds used so far by Kith's processes (the one started and its workers) and by PostgreSQL's. */
function processCpuSeconds(kithPid: number | undefined): { kith: number; postgres: number } | undefined {
  if (kithPid === undefined || !existsSync('/proc/self/stat')) return undefined;
  let kith = 0;
  let postgres = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // it ended while we looked
    }
    // pid (command) state ppid … utime stime: the command may hold spaces, so split after it.
    const commandEnd = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, commandEnd);
    const fields = stat.slice(commandEnd + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / PROC_TICKS_PER_SECOND;
    if (Number(entry) === kithPid || Number(fields[1]) === kithPid) kith += seconds;
    else if (command === 'postgres') postgres += seconds;
  }
  return { kith, postgres };
}

async function drive(
  baseUrl: string,
  scenario: LoadScenario,
  settings: { seconds?: number; amount?: number; connections?: number; kithPid?: number | undefined },
): Promise<LoadResult> {
  const cpuBefore = processCpuSeconds(settings.kithPid);
  const loadCpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const connections = settings.connections ?? scenario.connections;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        ...(settings.amount !== undefined ? { amount: settings.amount } : { duration: settings.seconds ?? 1 }),
        headers: scenario.headers,
        requests: scenario.requests,
        timeout: 30,
      },
      (error: unknown, finished: autocannon.Result) => {
        if (error) reject(error instanceof Error ? error : new Error('autocannon could not run'));
        else resolve(finished);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[String(statusCode)] = (statusCodes[String(statusCode)] ?? 0) + 1;
    });
  });
  const seconds = result.duration;
  const cpuAfter = processCpuSeconds(settings.kithPid);
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const perRequest = (cpuSeconds: number) => round((cpuSeconds * 1000) / Math.max(latencies.length, 1), 2);
  const cpuMsPerRequest: CpuShares | undefined =
    cpuBefore && cpuAfter
      ? {
          kith: perRequest(cpuAfter.kith - cpuBefore.kith),
          postgres: perRequest(cpuAfter.postgres - cpuBefore.postgres),
          load: perRequest((loadCpu.user + loadCpu.system) / 1e6),
        }
      : undefined;
  return {
    key: scenario.key,
    name: scenario.name,
    who: scenario.who,
    connections,
    seconds: round(seconds, 2),
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / Math.max(seconds, 0.001)),
    latencyMs: roundDistribution(distribution(latencies)),
    unexpectedStatus: latencies.length - (statusCodes[String(scenario.expectedStatus)] ?? 0),
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    targets: scenario.targets,
    expectedStatus: scenario.expectedStatus,
    ...(cpuMsPerRequest ? { cpuMsPerRequest } : {}),
    ...(scenario.note ? { note: scenario.note } : {}),
  };
}

function roundDistribution(value: Distribution): Distribution {
  return {
    count: value.count,
    p50: round(value.p50, 2),
    p95: round(value.p95, 2),
    p99: round(value.p99, 2),
    mean: round(value.mean, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// The SQL alone

interface SqlTiming {
  key: string;
  name: string;
  sqlMs: Distribution;
  requestMs: Distribution;
  ratio: number;
  detail: string;
}

async function timeSerially(iterations: number, work: (iteration: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    const startedAt = performance.now();
    await work(iteration);
    times.push(performance.now() - startedAt);
  }
  return times;
}

const benchSource = { ip: '127.0.0.1', userAgent: 'kith-bench (SQL alone)', requestId: 'bench-sql-alone' };

/** The session lookup every signed-in request starts with, then hands back the actor. */
async function sessionActor(database: Database, cookie: string): Promise<Actor> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) throw new Error('the session cookie could not be read');
  const lookup = await lookUpSession(database.orm, parsed, SESSION_POLICY);
  if (lookup.state !== 'active') throw new Error(`the benchmark's session is ${lookup.state}`);
  return lookup.actor;
}

/**
 * Each main page's SQL: the session lookup, then the very service call its route makes (one
 * tenant transaction, with its access decision and audit entry). What the request adds on top
 * is HTTP, presenting and rendering.
 */
function sqlOfPages(
  database: Database,
  cookies: Record<'practitioner' | 'manager' | 'auditor', string>,
  subjects: Subjects,
) {
  return {
    caseload: async () => {
      const actor = await sessionActor(database, cookies.practitioner);
      return caseloadOf(database, actor);
    },
    child: async (iteration: number) => {
      const actor = await sessionActor(database, cookies.practitioner);
      const childId = subjects.practitioner.childIds[iteration % subjects.practitioner.childIds.length]!;
      // The record opens on the child's network, read in the same transaction.
      return openChildRecord(database, actor, childId, benchSource, (tx) =>
        networkForOpenedRecord(tx, actor, childId, null),
      );
    },
    whoHasSeen: async (iteration: number) => {
      const actor = await sessionActor(database, cookies.manager);
      const childId = subjects.manager.childIds[iteration % subjects.manager.childIds.length]!;
      return whoHasSeen(database, actor, childId, {}, benchSource);
    },
    // The plan page and the plan API both read the plan through the plans service.
    planPage: async (iteration: number) => {
      const actor = await sessionActor(database, cookies.practitioner);
      const { childId, planId } = subjects.plans[iteration % subjects.plans.length]!;
      return viewPlan(database, actor, childId, planId, benchSource);
    },
    meetingPage: async (iteration: number) => {
      const actor = await sessionActor(database, cookies.practitioner);
      const { childId, meetingId } = subjects.meetings[iteration % subjects.meetings.length]!;
      return openMeeting(database, actor, childId, meetingId, benchSource);
    },
    auditSearch: async () => {
      const actor = await sessionActor(database, cookies.auditor);
      return searchAudit(database, actor, { action: 'child_record.view' }, {}, benchSource);
    },
  };
}

interface AuditCost {
  iterations: number;
  emptyTransactionMs: Distribution;
  withAuditEntryMs: Distribution;
  addedMedianMs: number;
  addedP95Ms: number;
}

/** One audit entry inside a tenant transaction against the same transaction doing nothing. */
async function measureAuditCost(database: Database, tenantId: string, iterations: number): Promise<AuditCost> {
  const empty: number[] = [];
  const withEntry: number[] = [];
  // Alternate the two, so drift in the machine's load falls on both equally.
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    let startedAt = performance.now();
    await withTenant(database.orm, tenantId, async () => undefined);
    empty.push(performance.now() - startedAt);
    startedAt = performance.now();
    await withTenant(database.orm, tenantId, (tx) =>
      recordAuditEvent(tx, tenantId, {
        action: 'bench.audit_cost',
        outcome: 'allowed',
        actor: { userId: null, label: 'kith-bench' },
        source: benchSource,
        details: { iteration },
      }),
    );
    withEntry.push(performance.now() - startedAt);
  }
  const emptyDistribution = distribution(empty);
  const withDistribution = distribution(withEntry);
  return {
    iterations,
    emptyTransactionMs: roundDistribution(emptyDistribution),
    withAuditEntryMs: roundDistribution(withDistribution),
    addedMedianMs: round(withDistribution.p50 - emptyDistribution.p50, 2),
    addedP95Ms: round(withDistribution.p95 - emptyDistribution.p95, 2),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

interface BenchReport {
  date: string;
  mode: 'quick' | 'full';
  database: 'pglite' | 'postgres';
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; databaseVersion: string; os: string };
  council: {
    slug: string;
    councilsInDatabase: number;
    children: number;
    people: number;
    auditEventsBefore: number;
    practitioner: string;
    practitionerAllocatedChildren: number;
    caseloadPageChildren: number;
    manager: string;
    managerTeam: string;
    managerTeamPractitioners: number;
    auditor: string;
  };
  settings: {
    connections: number;
    signInConnections: number;
    durationSeconds: number;
    warmUpSeconds: number;
    /** Kith's processes (KITH_WORKERS). */
    workers: number;
  };
  load: LoadResult[];
  requestVersusSql: SqlTiming[];
  auditEntryCost: AuditCost;
  serverWarnings: string[];
  totalSeconds: number;
}

const verdict = (ok: boolean) => (ok ? 'meets' : '**MISSES**');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '–');

function loadTargetText(result: LoadResult): { text: string; ok: boolean } {
  const parts: string[] = [];
  let ok = result.errors === 0 && result.timeouts === 0 && result.unexpectedStatus === 0;
  if (result.targets.p95Ms !== undefined) {
    parts.push(`p95 < ${result.targets.p95Ms} ms`);
    ok &&= result.latencyMs.p95 < result.targets.p95Ms;
  }
  if (result.targets.requestsPerSecond !== undefined) {
    parts.push(`≥ ${result.targets.requestsPerSecond} req/s`);
    ok &&= result.requestsPerSecond >= result.targets.requestsPerSecond;
  }
  parts.push('no errors');
  return { text: parts.join(', '), ok };
}

function markdown(report: BenchReport): string {
  const lines: string[] = [];
  const { council, machine } = report;
  lines.push(
    `# Kith benchmark: ${report.database === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${report.mode} run, ${report.date}`,
    '',
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.databaseVersion}.`,
    `Council: ${number.format(council.children)} children, ${number.format(council.people)} people, ` +
      `${number.format(council.auditEventsBefore)} audit entries, ${council.councilsInDatabase} councils in the database (row-level security in force).`,
    `Signed in as ${council.practitioner} (${council.practitionerAllocatedChildren} children allocated; the caseload page lists ` +
      `${council.caseloadPageChildren}, their team's), ${council.manager} (manages ${council.managerTeam}, ` +
      `${council.managerTeamPractitioners} practitioners, two-factor) and ${council.auditor}.`,
    `Kith: ${report.settings.workers === 1 ? 'one process' : `${report.settings.workers} processes sharing the port (KITH_WORKERS)`}.`,
    `Load: ${report.settings.connections} connections (sign-in: ${report.settings.signInConnections}) for ` +
      `${report.settings.durationSeconds} s per scenario after a ${report.settings.warmUpSeconds} s warm-up; latency in milliseconds.`,
    '',
    '| scenario | as | conns | req/s | p50 | p95 | p99 | CPU ms a request: Kith / PostgreSQL | unexpected status | errors | target | verdict |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const result of report.load) {
    const target = loadTargetText(result);
    lines.push(
      `| ${result.name} | ${result.who} | ${result.connections} | ${number.format(Math.round(result.requestsPerSecond))} | ` +
        `${ms(result.latencyMs.p50)} | ${ms(result.latencyMs.p95)} | ${ms(result.latencyMs.p99)} | ` +
        `${result.cpuMsPerRequest ? `${result.cpuMsPerRequest.kith.toFixed(2)} / ${result.cpuMsPerRequest.postgres.toFixed(2)}` : '–'} | ` +
        `${result.unexpectedStatus} (expected ${result.expectedStatus}) | ${result.errors + result.timeouts} | ` +
        `${target.text} | ${verdict(target.ok)} |`,
    );
  }
  lines.push(
    '',
    'Whole request against its SQL alone, one at a time (median; the SQL includes the session lookup and the audit entry):',
    '',
    '| page | request p50 | SQL p50 | request p95 | SQL p95 | ratio (p50) | target | verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  );
  for (const timing of report.requestVersusSql) {
    lines.push(
      `| ${timing.name} | ${ms(timing.requestMs.p50)} | ${ms(timing.sqlMs.p50)} | ${ms(timing.requestMs.p95)} | ` +
        `${ms(timing.sqlMs.p95)} | ${timing.ratio.toFixed(2)}× | ≤ 2× | ${verdict(timing.ratio <= 2)} |`,
    );
  }
  const cost = report.auditEntryCost;
  lines.push(
    '',
    `One audit entry (recordAuditEvent in a tenant transaction, ${cost.iterations} times, against an empty tenant transaction):`,
    '',
    '| | median | p95 |',
    '| --- | ---: | ---: |',
    `| empty tenant transaction | ${ms(cost.emptyTransactionMs.p50)} | ${ms(cost.emptyTransactionMs.p95)} |`,
    `| with one audit entry | ${ms(cost.withAuditEntryMs.p50)} | ${ms(cost.withAuditEntryMs.p95)} |`,
    `| added by the entry | ${ms(cost.addedMedianMs)} | ${ms(cost.addedP95Ms)} |`,
  );
  if (report.serverWarnings.length > 0) {
    lines.push(
      '',
      `Kith logged ${report.serverWarnings.length} warning line(s); the first: \`${report.serverWarnings[0]!.slice(0, 200)}\``,
    );
  }
  lines.push('', `Whole run: ${formatDuration(report.totalSeconds)}.`, '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run

async function main(): Promise<void> {
  const startedAt = performance.now();
  let options: BenchOptions;
  try {
    options = parseBenchArguments(process.argv.slice(2));
  } catch (error) {
    log((error as Error).message);
    process.exit(1);
  }
  // Kith's data folder (PGlite's database, the session secret, audit checkpoints) is a
  // temporary one, so the benchmark never touches .kith/ and leaves nothing behind.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kith-bench-'));
  const config = loadConfig({ ...process.env, KITH_DATA_DIR: dataDir, KITH_SEED_DEMO: 'false' });
  const databaseKind = config.databaseUrl ? 'postgres' : 'pglite';
  let kith: RunningKith | undefined;
  try {
    log(
      `Kith benchmark (${options.quick ? 'quick' : 'full'}) on ${databaseKind === 'postgres' ? 'PostgreSQL' : `PGlite in ${pgliteDirectory(config)}`}`,
    );
    const subjects = await prepareCouncil(config, options);
    if (subjects.practitioner.childIds.length === 0 || subjects.manager.childIds.length === 0) {
      throw new Error('the synthetic council has no children to open');
    }

    log('Starting Kith…');
    const workers = workersFor(databaseKind);
    kith = await startKith(dataDir, workers);
    const { baseUrl } = kith;
    const practitioner = await signIn(baseUrl, subjects.practitioner.email, '/caseload');
    const visitRecorder = await signIn(baseUrl, subjects.visitRecorder.email, '/caseload');
    const manager = await signIn(baseUrl, subjects.manager.email, '/caseload');
    const auditor = await signIn(baseUrl, subjects.auditorEmail, '/audit');
    const networkOwner = subjects.largeNetwork
      ? subjects.largeNetwork.practitionerEmail === subjects.practitioner.email
        ? practitioner
        : await signIn(baseUrl, subjects.largeNetwork.practitionerEmail, '/caseload')
      : null;
    const cookieHeader = (session: SignedIn) => ({ cookie: `${SESSION_COOKIE}=${session.cookie}` });

    const readTargets = { p95Ms: 50, requestsPerSecond: 500 };
    // Words the synthetic visits use often, and one they never do.
    const searchWords = ['garden', 'football school', 'rota', 'grandma cake', 'dentist'];
    let draftCounter = 0;
    // Draft keys unique to this run: a database benchmarked before keeps the last run's drafts.
    const runKey = Date.now().toString(36);
    const draftNote = 'The kitchen was warm and tidy, and the children were doing puzzles together. '.repeat(26);
    const scenarios: LoadScenario[] = [
      {
        key: 'caseload',
        name: 'Caseload `GET /caseload`',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(practitioner),
        requests: [{ method: 'GET', path: '/caseload' }],
        targets: readTargets,
      },
      {
        key: 'child',
        name: 'Child’s record `GET /children/:id`',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(practitioner),
        requests: subjects.practitioner.childIds.map((id) => ({ method: 'GET', path: `/children/${id}` })),
        targets: readTargets,
      },
      ...(subjects.mappingPaths.length > 0
        ? [
            {
              key: 'mapping',
              name: 'Mapping with its scaling `GET /children/:id/mapping/:mappingId`',
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(practitioner),
              requests: subjects.mappingPaths.map((path) => ({ method: 'GET', path })),
              targets: readTargets,
            } satisfies LoadScenario,
            {
              key: 'mappingSection',
              name: 'Mappings and scaling over time `GET /children/:id/mapping`',
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(practitioner),
              requests: subjects.practitioner.childIds.map((id) => ({
                method: 'GET',
                path: `/children/${id}/mapping`,
              })),
              targets: { p95Ms: 50 },
            } satisfies LoadScenario,
          ]
        : []),
      {
        key: 'chronology',
        name: 'Chronology `GET /children/:id/chronology`',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(practitioner),
        requests: subjects.practitioner.childIds.map((id) => ({ method: 'GET', path: `/children/${id}/chronology` })),
        targets: { p95Ms: 50 },
      },
      {
        key: 'childSearch',
        name: 'Search one child’s records `GET /children/:id/search?q=…`',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(practitioner),
        requests: subjects.practitioner.childIds.flatMap((id) =>
          searchWords.map((word) => ({ method: 'GET', path: `/children/${id}/search?q=${encodeURIComponent(word)}` })),
        ),
        targets: { p95Ms: 150 },
      },
      {
        key: 'caseloadSearch',
        name: 'Search across the caseload `GET /search?q=…`',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(practitioner),
        requests: searchWords.map((word) => ({ method: 'GET', path: `/search?q=${encodeURIComponent(word)}` })),
        targets: { p95Ms: 150 },
      },
      {
        key: 'draftSave',
        name: 'Draft autosave `PUT /api/v1/children/:id/drafts/:form` (2 KB)',
        who: 'practitioner',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: {
          ...cookieHeader(practitioner),
          'content-type': 'application/json',
          'x-csrf-token': practitioner.csrfToken,
        },
        // Each request saves a draft of its own (a counter shared by every connection), so
        // none is refused as stale: the cost measured is the save, not a refusal.
        requests: [
          {
            method: 'PUT',
            setupRequest: (request) => {
              const index = draftCounter++;
              const childId = subjects.practitioner.childIds[index % subjects.practitioner.childIds.length]!;
              return {
                ...request,
                path: `/api/v1/children/${childId}/drafts/bench-${runKey}-${index}`,
                body: JSON.stringify({
                  content: { seenHeardFelt: `${draftNote} ${index}`, kind: 'home_visit' },
                  expectedVersion: 0,
                }),
              };
            },
          },
        ],
        targets: { p95Ms: 30 },
      },
      {
        key: 'visitSave',
        name: 'Record a visit `POST /children/:id/visits/new`',
        who: 'another practitioner',
        connections: CONNECTIONS,
        expectedStatus: 303,
        headers: { ...cookieHeader(visitRecorder), ...formHeaders },
        requests: subjects.visitRecorder.childIds.map((id) => ({
          method: 'POST',
          path: `/children/${id}/visits/new`,
          body: form({
            _csrf: visitRecorder.csrfToken,
            kind: 'home_visit',
            'happened-Day': '1',
            'happened-Month': '10',
            'happened-Year': '2026',
            happenedTime: '10:30',
            place: 'At home',
            childSeen: 'yes',
            seenAlone: 'yes',
            seenHeardFelt: draftNote,
            childsWords: 'I like it when we have tea together.',
            workingWell: 'The weekend rota has held for eight weeks.',
          }),
        })),
        targets: { p95Ms: 100 },
      },
      {
        key: 'whoHasSeen',
        name: 'Who has seen `GET /children/:id/who-has-seen`',
        who: 'team manager',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(manager),
        requests: subjects.manager.childIds.map((id) => ({ method: 'GET', path: `/children/${id}/who-has-seen` })),
        targets: { p95Ms: 50 },
      },
      {
        key: 'auditSearch',
        name: 'Audit search `GET /audit?action=child_record.view`',
        who: 'auditor',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: cookieHeader(auditor),
        requests: [{ method: 'GET', path: '/audit?action=child_record.view' }],
        targets: { p95Ms: 150 },
      },
      ...(subjects.plans.length > 0
        ? [
            {
              key: 'planPage',
              name: 'Plan page `GET /children/:id/plans/:planId`',
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(practitioner),
              requests: subjects.plans.map(({ childId, planId }) => ({
                method: 'GET',
                path: `/children/${childId}/plans/${planId}`,
              })),
              targets: { p95Ms: 50 },
            } satisfies LoadScenario,
            {
              key: 'planApi',
              name: 'Plan API `GET /api/v1/children/:id/plans/:planId`',
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(practitioner),
              requests: subjects.plans.map(({ childId, planId }) => ({
                method: 'GET',
                path: `/api/v1/children/${childId}/plans/${planId}`,
              })),
              targets: { p95Ms: 50 },
            } satisfies LoadScenario,
          ]
        : []),
      ...(subjects.meetings.length > 0
        ? [
            {
              key: 'meetingPage',
              name: 'Meeting page `GET /children/:id/meetings/:meetingId`',
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(practitioner),
              requests: subjects.meetings.map(({ childId, meetingId }) => ({
                method: 'GET',
                path: `/children/${childId}/meetings/${meetingId}`,
              })),
              targets: { p95Ms: 50 },
            } satisfies LoadScenario,
          ]
        : []),
      ...(subjects.largeNetwork && networkOwner
        ? [
            {
              key: 'networkPage',
              name: `Network page, ${subjects.largeNetwork.people} people and ${subjects.largeNetwork.relationships} ties \`GET /children/:id\``,
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(networkOwner),
              requests: [{ method: 'GET', path: `/children/${subjects.largeNetwork.childId}` }],
              targets: { p95Ms: 100 },
            } satisfies LoadScenario,
            {
              key: 'networkApi',
              name: `Network API, same child \`GET /api/v1/children/:id/network\``,
              who: 'practitioner',
              connections: CONNECTIONS,
              expectedStatus: 200,
              headers: cookieHeader(networkOwner),
              requests: [{ method: 'GET', path: `/api/v1/children/${subjects.largeNetwork.childId}/network` }],
              targets: { p95Ms: 100 },
            } satisfies LoadScenario,
          ]
        : []),
      {
        key: 'ready',
        name: 'Readiness `GET /health/ready`',
        who: 'anyone',
        connections: CONNECTIONS,
        expectedStatus: 200,
        headers: {},
        requests: [{ method: 'GET', path: '/health/ready' }],
        targets: { p95Ms: 50 },
      },
      {
        key: 'signIn',
        name: 'Sign in `POST /sign-in`',
        who: 'practitioners',
        connections: SIGN_IN_CONNECTIONS,
        expectedStatus: 303,
        headers: formHeaders,
        requests: subjects.signInEmails.map((email) => ({
          method: 'POST',
          path: '/sign-in',
          body: form({ email, password: SYNTHETIC_PASSWORD }),
        })),
        targets: {},
        note: 'argon2id (19 MiB, 2 passes) is slow on purpose; no latency target',
      },
    ];

    const load: LoadResult[] = [];
    if (options.only) {
      // A look at a few pages (say, under --cpu-prof): measured and printed, no report written.
      const chosen = scenarios.filter((scenario) => options.only!.includes(scenario.key));
      if (chosen.length === 0) throw new Error(`--only matched none of ${scenarios.map((s) => s.key).join(', ')}`);
      for (const scenario of chosen) {
        await drive(baseUrl, scenario, { seconds: options.warmUpSeconds });
        const result = await drive(baseUrl, scenario, { seconds: options.durationSeconds, kithPid: kith.process.pid });
        const { p50, p95, p99 } = result.latencyMs;
        const cpu = result.cpuMsPerRequest;
        process.stdout.write(
          `${scenario.key}: ${number.format(Math.round(result.requestsPerSecond))} requests/s, p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, ` +
            `${result.errors + result.timeouts + result.unexpectedStatus} errors` +
            (cpu ? `; CPU ms a request: Kith ${cpu.kith}, PostgreSQL ${cpu.postgres}, load ${cpu.load}` : '') +
            '\n',
        );
      }
      return;
    }
    for (const scenario of scenarios) {
      log(`Load: ${scenario.name} (${scenario.connections} connections, ${options.durationSeconds} s)…`);
      await drive(baseUrl, scenario, { seconds: options.warmUpSeconds });
      load.push(await drive(baseUrl, scenario, { seconds: options.durationSeconds, kithPid: kith.process.pid }));
    }
    const serialKeys = [
      'caseload',
      'child',
      'planPage',
      'planApi',
      'meetingPage',
      'whoHasSeen',
      'auditSearch',
    ] as const;
    const serialRequests = new Map<string, Distribution>();
    for (const key of serialKeys) {
      const scenario = scenarios.find((candidate) => candidate.key === key);
      if (!scenario) continue; // a council with no plans or meetings has no such page to time
      log(`One at a time: ${scenario.name} (${options.serialIterations} requests)…`);
      const result = await drive(baseUrl, scenario, { amount: options.serialIterations, connections: 1 });
      if (result.errors + result.timeouts + result.unexpectedStatus > 0 || result.requests < options.serialIterations) {
        log(
          `  ${result.requests} of ${options.serialIterations} answered: ${result.errors} errors, ${result.timeouts} timeouts, ` +
            `statuses ${JSON.stringify(result.statusCodes)}${kith.process.exitCode !== null ? `; Kith stopped (${kith.process.exitCode})` : ''}`,
        );
      }
      serialRequests.set(key, result.latencyMs);
    }
    log('Stopping Kith…');
    await stopKith(kith);
    const serverWarnings = [...kith.output];

    log('Timing the SQL alone…');
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      databaseOwnerUrl: config.databaseOwnerUrl,
      poolSize: 4,
      pgliteDataDir: pgliteDirectory(config),
    });
    let requestVersusSql: SqlTiming[];
    let auditEntryCost: AuditCost;
    let caseloadPageChildren = 0;
    try {
      await database.useApplicationRole();
      const pages = sqlOfPages(
        database,
        { practitioner: practitioner.cookie, manager: manager.cookie, auditor: auditor.cookie },
        subjects,
      );
      caseloadPageChildren = (await pages.caseload()).children.length;
      const names: Record<(typeof serialKeys)[number], string> = {
        caseload: 'Caseload',
        child: 'Child’s record',
        planPage: 'Plan page',
        planApi: 'Plan API',
        meetingPage: 'Meeting page',
        whoHasSeen: 'Who has seen',
        auditSearch: 'Audit search',
      };
      // The plan API runs the same service call as the plan page: only the response differs.
      const sqlOf = { ...pages, planApi: pages.planPage };
      requestVersusSql = [];
      for (const key of serialKeys) {
        const requestMs = serialRequests.get(key);
        if (!requestMs) continue;
        await timeSerially(10, sqlOf[key]); // warm the connection and the caches, as the requests were
        const sqlMs = roundDistribution(distribution(await timeSerially(options.serialIterations, sqlOf[key])));
        requestVersusSql.push({
          key,
          name: names[key],
          sqlMs,
          requestMs,
          ratio: round(requestMs.p50 / sqlMs.p50, 2),
          detail: 'session lookup + the page’s tenant transaction, as the service runs it',
        });
      }
      log(`Timing one audit entry (${AUDIT_COST_ITERATIONS} times)…`);
      auditEntryCost = await measureAuditCost(database, subjects.tenantId, AUDIT_COST_ITERATIONS);
    } finally {
      await database.close();
    }

    const report: BenchReport = {
      date: todayUtc(),
      mode: options.quick ? 'quick' : 'full',
      database: databaseKind,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
        node: process.versions.node,
        databaseVersion: databaseKind === 'pglite' ? `PGlite (${subjects.databaseVersion})` : subjects.databaseVersion,
        os: `${os.type()} ${os.release()}`,
      },
      council: {
        slug: COUNCIL_SLUG,
        councilsInDatabase: subjects.councils,
        children: subjects.children,
        people: subjects.people,
        auditEventsBefore: subjects.auditEvents,
        practitioner: subjects.practitioner.email,
        practitionerAllocatedChildren: subjects.practitioner.allocated,
        caseloadPageChildren,
        manager: subjects.manager.email,
        managerTeam: subjects.manager.teamName,
        managerTeamPractitioners: subjects.manager.practitioners,
        auditor: subjects.auditorEmail,
      },
      settings: {
        connections: CONNECTIONS,
        signInConnections: SIGN_IN_CONNECTIONS,
        durationSeconds: options.durationSeconds,
        warmUpSeconds: options.warmUpSeconds,
        workers,
      },
      load,
      requestVersusSql,
      auditEntryCost,
      serverWarnings: serverWarnings.slice(0, 50),
      totalSeconds: round((performance.now() - startedAt) / 1000),
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const jsonFile = path.join(RESULTS_DIR, `${report.date}-${report.database}-${report.mode}.json`);
    writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
    const table = markdown(report);
    writeFileSync(path.join(RESULTS_DIR, 'latest.md'), table);
    process.stdout.write(`\n${table}\n`);
    log(`Written ${path.relative(REPOSITORY, jsonFile)} and bench/results/latest.md`);
  } finally {
    if (kith) await stopKith(kith);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
