/**
 * Configuration, read once from the environment and validated before anything starts.
 * Each bad value produces one plain line that names the variable and what is wrong, so a
 * person starting Kith for the first time can fix it without reading code.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const portSchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const databaseUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL connection string such as postgres://user@host:5432/kith');

/** Every setting Kith reads, each described: `scripts/settings-doc.ts` writes docs/OPERATIONS.md's table from it. */
export const environmentSchema = z.object({
  PORT: portSchema.default(3000).describe('The TCP port Kith listens on.'),
  HOST: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .default('127.0.0.1')
    .describe(
      'The address Kith listens on. 127.0.0.1 answers this machine only (a reverse proxy on the same host); 0.0.0.0 answers every interface.',
    ),
  DATABASE_URL: databaseUrlSchema
    .optional()
    .describe(
      'PostgreSQL server for requests, as postgres://user:password@host:5432/kith. Unset: embedded PostgreSQL (PGlite) in KITH_DATA_DIR, for one workstation (no workers, no server).',
    ),
  DATABASE_OWNER_URL: databaseUrlSchema
    .optional()
    .describe(
      'A connection as the role that owns the schema: it runs the migrations at start, and requests use DATABASE_URL (a role that owns nothing, so row-level security always applies). Unset: DATABASE_URL does both and each request connection switches to the kith_app role.',
    ),
  KITH_DATA_DIR: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .default('.kith')
    .describe(
      'Folder for the embedded database (pgdata/), the generated secrets (session-secret, audit-checkpoint-key, owner-only) and the signed audit checkpoints. Back it up; keep it off shared drives.',
    ),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters long (generate one with: openssl rand -hex 32)')
    .optional()
    .describe(
      'Signs the CSRF tokens derived from each session. At least 32 characters, from the council’s secret store; the same value in every process. Unset: generated once and kept in KITH_DATA_DIR/session-secret.',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe(
      'How much Kith logs (JSON lines on standard output). Logs carry request ids, never names, case text, query strings, cookies or SQL parameters.',
    ),
  KITH_SEED_DEMO: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .describe(
      'Adds the two fictional demo councils and their accounts (whose passwords are in the README) at start. Set false for any real council’s data.',
    ),
  KITH_TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .describe(
      'Set true only behind a reverse proxy that terminates TLS and sets X-Forwarded-For and X-Forwarded-Proto (and that clients cannot reach past). Then the client’s address (audit log, sign-in throttling) comes from X-Forwarded-For, and a request the proxy says came over HTTPS gets the Secure flag on its session cookie and a Strict-Transport-Security header.',
    ),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe(
      'Connections each process keeps open to PostgreSQL for requests (PostgreSQL’s max_connections must cover every process’s pool plus 2 owner connections each).',
    ),
  KITH_WORKERS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 64')
    .max(64, 'must be between 1 and 64')
    .default(1)
    .describe(
      'Processes serving requests on the one port (one per core is usual). Above 1 needs DATABASE_URL: PGlite belongs to one process.',
    ),
  KITH_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .positive()
    .max(24 * 60)
    .default(30)
    .describe('A session ends after this many minutes without a request (pages warn a little before). Up to 1440.'),
  KITH_SESSION_MAX_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .positive()
    .max(7 * 24)
    .default(12)
    .describe('A session ends this many hours after signing in, however busy. Up to 168.'),
  // Read by platform/audit/signed-heads.ts; listed here so they are checked and documented with the rest.
  AUDIT_CHECKPOINT_KEY: z
    .string()
    .min(1, 'must not be empty')
    .optional()
    .describe(
      'Signs each council’s audit chain head (HMAC-SHA256) as the sealer moves it (at most once a second per council), so a rewrite of the log or a removal of its newest entries shows within seconds. Keep it outside the database and its backups; the same value in every process and for npm run audit:verify. Unset: generated once and kept in KITH_DATA_DIR/audit-checkpoint-key.',
    ),
  AUDIT_CHECKPOINT_DIR: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .describe(
      'Folder where the signed audit chain heads are appended (never rewritten), one file per council, read by npm run audit:verify. On a local disk (several processes append to one file), best one the database’s administrators cannot write. Unset: KITH_DATA_DIR/audit-checkpoints.',
    ),
});

export interface Config {
  port: number;
  host: string;
  /** Set: a real PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  /** Optional connection that owns the schema (runs migrations); requests use `databaseUrl`. */
  databaseOwnerUrl: string | undefined;
  databasePoolSize: number;
  /** Processes serving requests on the one port (PostgreSQL only: PGlite belongs to one process). */
  workers: number;
  dataDir: string;
  sessionSecret: string;
  logLevel: string;
  seedDemo: boolean;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* and send HSTS. */
  trustProxy: boolean;
  /** Sessions end after this long without a request, and after this long in all. */
  sessionPolicy: { idleMinutes: number; absoluteHours: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parses the environment. Throws ConfigError listing every bad value, one line each. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const withoutBlanks = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const env = parsed.data;
  if (env.KITH_WORKERS > 1 && !env.DATABASE_URL) {
    throw new ConfigError([
      'KITH_WORKERS must be 1 with the embedded database (PGlite is one process’s); set DATABASE_URL to run more',
    ]);
  }
  const dataDir = path.resolve(env.KITH_DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    databaseOwnerUrl: env.DATABASE_OWNER_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    workers: env.KITH_WORKERS,
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret'),
    logLevel: env.LOG_LEVEL,
    seedDemo: env.KITH_SEED_DEMO === 'true',
    trustProxy: env.KITH_TRUST_PROXY === 'true',
    sessionPolicy: { idleMinutes: env.KITH_SESSION_IDLE_MINUTES, absoluteHours: env.KITH_SESSION_MAX_HOURS },
  };
}

/**
 * A secret generated on first start and kept in the data folder (readable by the owner only),
 * so a workstation install needs no set-up and a restart keeps sessions valid. Councils set
 * SESSION_SECRET from their own secret store instead.
 */
export function readOrCreateSecret(dataDir: string, name: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** The connection string without its password, safe to print. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${path.join(config.dataDir, 'pgdata')}`;
  const url = new URL(config.databaseUrl);
  url.password = '';
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
