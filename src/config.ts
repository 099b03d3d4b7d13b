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

const environmentSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: databaseUrlSchema.optional(),
  DATABASE_OWNER_URL: databaseUrlSchema.optional(),
  KITH_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('.kith'),
  SESSION_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters long (generate one with: openssl rand -hex 32)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KITH_SEED_DEMO: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  KITH_TRUST_PROXY: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  KITH_WORKERS: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 64')
    .max(64, 'must be between 1 and 64')
    .default(1),
  KITH_SESSION_IDLE_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .positive()
    .max(24 * 60)
    .default(30),
  KITH_SESSION_MAX_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .positive()
    .max(7 * 24)
    .default(12),
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
