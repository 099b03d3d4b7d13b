import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withThrowawayDatabase } from '../../../test/helpers/database.js';
import { openDatabase, type Database } from './database.js';
import { migrate, MigrationError, readMigrations, type Migration } from './migrate.js';

function migration(name: string, script: string): Migration {
  return { name, script, checksum: `${name}:${script.length}:${script}` };
}

async function tableExists(database: Database, table: string): Promise<boolean> {
  return database.asOwner(async (owner) => {
    const [row] = await owner.query<{ found: boolean }>('select to_regclass($1) is not null as found', [table]);
    return row?.found ?? false;
  });
}

describe('migrations', () => {
  test('apply every file once, in order, and record them', () =>
    withThrowawayDatabase(async ({ databaseUrl }) => {
      const database = await openDatabase({ databaseUrl, pgliteDataDir: 'memory://' });
      try {
        const first = await migrate(database);
        assert.deepEqual(
          first.applied,
          readMigrations().map((file) => file.name),
        );
        const second = await migrate(database);
        assert.deepEqual(second, { applied: [], alreadyApplied: first.applied.length });
      } finally {
        await database.close();
      }
    }));

  test('a failing migration leaves the database exactly as it was', () =>
    withThrowawayDatabase(async ({ databaseUrl }) => {
      const database = await openDatabase({ databaseUrl, pgliteDataDir: 'memory://' });
      try {
        const files = [
          migration('0001_first.sql', 'create table first_table (id int primary key);'),
          migration('0002_broken.sql', 'create table second_table (id int primary key); select no_such_function();'),
        ];
        await assert.rejects(migrate(database, files), (error: unknown) => {
          assert.ok(error instanceof MigrationError);
          assert.match(error.message, /0002_broken\.sql failed, so no migration was applied/);
          return true;
        });
        assert.equal(await tableExists(database, 'first_table'), false);
        assert.equal(await tableExists(database, 'second_table'), false);
        assert.equal(await tableExists(database, 'kith_migrations'), false);
      } finally {
        await database.close();
      }
    }));

  test('an applied migration that was edited afterwards stops the start', () =>
    withThrowawayDatabase(async ({ databaseUrl }) => {
      const database = await openDatabase({ databaseUrl, pgliteDataDir: 'memory://' });
      try {
        await migrate(database, [migration('0001_first.sql', 'create table first_table (id int);')]);
        await assert.rejects(
          migrate(database, [migration('0001_first.sql', 'create table first_table (id bigint);')]),
          /was changed after it was applied/,
        );
      } finally {
        await database.close();
      }
    }));

  test('two instances migrating at once apply each migration once', () =>
    withThrowawayDatabase(async ({ databaseUrl }) => {
      // On a server these are two separate connection pools, as two processes would have.
      const first = await openDatabase({ databaseUrl, pgliteDataDir: 'memory://' });
      const second = databaseUrl ? await openDatabase({ databaseUrl }) : first;
      try {
        const outcomes = await Promise.all([migrate(first), migrate(second)]);
        const appliedNames = outcomes.flatMap((outcome) => outcome.applied);
        assert.deepEqual(
          appliedNames.sort(),
          readMigrations()
            .map((file) => file.name)
            .sort(),
        );
        const [count] = await first.asOwner((owner) =>
          owner.query<{ total: number }>('select count(*)::int as total from kith_migrations'),
        );
        assert.equal(count?.total, readMigrations().length);
      } finally {
        await first.close();
        if (second !== first) await second.close();
      }
    }));
});
