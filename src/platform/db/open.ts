/**
 * Opens the configured database and brings its schema up to date: the sequence both the
 * server and `npm run migrate` use. On failure the database is closed again.
 */
import path from 'node:path';
import type { Config } from '../../config.js';
import { openDatabase, type Database } from './database.js';
import { migrate, type MigrationOutcome } from './migrate.js';

export function pgliteDirectory(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pgdata');
}

export async function openMigratedDatabase(
  config: Pick<Config, 'databaseUrl' | 'databaseOwnerUrl' | 'databasePoolSize' | 'dataDir'>,
): Promise<{ database: Database; migrations: MigrationOutcome }> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    databaseOwnerUrl: config.databaseOwnerUrl,
    poolSize: config.databasePoolSize,
    pgliteDataDir: pgliteDirectory(config),
  });
  try {
    const migrations = await migrate(database);
    return { database, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}
