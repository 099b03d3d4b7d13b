/**
 * Test databases. With DATABASE_URL set, tests use that PostgreSQL server; otherwise an
 * in-memory PGlite. Either way the schema is migrated and requests run as the application
 * role, exactly as in production. Tests isolate themselves by creating their own council,
 * never by sharing fixtures, so test files can run in parallel on one server.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { provisionCouncil, type Council } from '../../src/platform/tenancy/councils.js';

export const usingRealPostgres = Boolean(process.env.DATABASE_URL);

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDataDir: 'memory://',
    poolSize: 4,
  });
  await migrate(database);
  await database.useApplicationRole();
  return database;
}

export async function createTestCouncil(database: Database, name = 'Test Council'): Promise<Council> {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  return provisionCouncil(database, { slug, name: `${name} ${slug}` });
}

/**
 * A database of its own, for tests that change the schema itself (migrations): a throwaway
 * database on the PostgreSQL server, dropped afterwards, or a fresh in-memory PGlite.
 */
export async function withThrowawayDatabase<T>(work: (options: { databaseUrl?: string }) => Promise<T>): Promise<T> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return work({});
  const name = `kith_throwaway_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work({ databaseUrl: url.toString() });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
