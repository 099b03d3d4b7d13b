/**
 * Test databases. With DATABASE_URL set, tests use that PostgreSQL server; otherwise an
 * in-memory PGlite. Either way the schema is migrated and requests run as the application
 * role, exactly as in production. Tests isolate themselves by creating their own council,
 * never by sharing fixtures, so test files can run in parallel on one server.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.js';
import { migrate, readMigrations } from '../../src/platform/db/migrate.js';
import { provisionCouncil, type Council } from '../../src/platform/tenancy/councils.js';

export const usingRealPostgres = Boolean(process.env.DATABASE_URL);

export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    pgliteDataDir: 'memory://',
    pgliteStartFrom: usingRealPostgres ? undefined : await migratedPgliteSnapshot(),
    poolSize: 4,
  });
  // On PGlite the snapshot is already migrated, so this checks every migration's checksum and
  // applies none; a changed or new migration changes the snapshot's name, so it is never stale.
  await migrate(database);
  await database.useApplicationRole();
  return database;
}

let snapshotInThisProcess: Promise<Blob> | undefined;

/**
 * An in-memory PGlite starts with initdb, and then runs every migration: about ten seconds on
 * this machine, for each of some thirty test files. Instead the first test process to need one
 * migrates a database once and keeps its data folder in the system's temporary folder, named by
 * the migrations' and PGlite's versions; every later open loads that copy. (Migrations themselves
 * are still tested from empty in migrate.int.test.ts.)
 */
function migratedPgliteSnapshot(): Promise<Blob> {
  snapshotInThisProcess ??= loadOrMakeSnapshot();
  return snapshotInThisProcess;
}

async function loadOrMakeSnapshot(): Promise<Blob> {
  // The package does not export its package.json, so read it beside its entry point.
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pglitePackage = readFileSync(path.join(path.dirname(pgliteEntry), '..', 'package.json'), 'utf8');
  const key = createHash('sha256')
    .update(pglitePackage)
    .update(
      readMigrations()
        .map((migration) => `${migration.name}:${migration.checksum}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const file = path.join(os.tmpdir(), `kith-test-pglite-${key}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not made yet: make it below.
  }
  const database = await openDatabase({ pgliteDataDir: 'memory://' });
  try {
    await migrate(database);
    const snapshot = await database.pgliteSnapshot!();
    // Written whole then renamed, so a test process running beside this one never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await snapshot.arrayBuffer()));
    renameSync(partial, file);
    return snapshot;
  } finally {
    await database.close();
  }
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
