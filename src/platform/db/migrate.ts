/**
 * Plain SQL migrations, numbered, forward only, applied in order.
 *
 * All pending files run in ONE transaction under an advisory lock: two instances starting at
 * once apply them once (the second waits, then finds nothing to do), and a file that fails
 * leaves the database exactly as it was (PostgreSQL DDL is transactional). An applied file
 * that has since been edited stops the start: migrations are never edited once applied.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');
/** Any fixed number; it only has to be the same for every Kith process. */
const MIGRATION_LOCK_KEY = 4_210_001;

export interface Migration {
  name: string;
  script: string;
  checksum: string;
}

export interface MigrationOutcome {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export function readMigrations(directory: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(directory)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((name) => {
      const script = readFileSync(path.join(directory, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

export async function migrate(
  database: Database,
  migrations: Migration[] = readMigrations(),
): Promise<MigrationOutcome> {
  return database.asOwner(async (owner) => {
    await owner.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await owner.exec(`
      create table if not exists kith_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
    const applied = new Map(
      (await owner.query<{ name: string; checksum: string }>('select name, checksum from kith_migrations')).map(
        (row) => [row.name, row.checksum],
      ),
    );
    const outcome: MigrationOutcome = { applied: [], alreadyApplied: 0 };
    for (const migration of migrations) {
      const recorded = applied.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied. Add a new migration instead of editing an applied one.`,
          );
        }
        outcome.alreadyApplied += 1;
        continue;
      }
      try {
        await owner.exec(migration.script);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(`Migration ${migration.name} failed, so no migration was applied: ${reason}`, {
          cause: error,
        });
      }
      await owner.query('insert into kith_migrations (name, checksum) values ($1, $2)', [
        migration.name,
        migration.checksum,
      ]);
      outcome.applied.push(migration.name);
    }
    return outcome;
  });
}
