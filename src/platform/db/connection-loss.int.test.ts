/**
 * A connection lost while it is in use fails what it was running, never the process, and the
 * pool opens a new one for the next caller. Before every pool client had an error listener of
 * its own, a connection ended by the server while a transaction held it raised an 'error' event
 * nobody listened to, and Node ended the process. PostgreSQL server only (PGlite has no
 * connections to lose). The same under load, in separate processes: `npm run test:outage`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestCouncil, openTestDatabase, usingRealPostgres } from '../../../test/helpers/database.js';
import { startDatabaseProxy, type DatabaseProxy } from '../../../test/outage-proxy.js';
import { openDatabase, type Database } from './database.js';
import { isDatabaseUnavailable } from './errors.js';
import { rowsOf, withTenant } from './tenancy.js';

describe('losing a connection to PostgreSQL', { skip: !usingRealPostgres && 'needs a PostgreSQL server' }, () => {
  let database: Database;
  let councilId: string;
  let admin: pg.Client;

  before(async () => {
    database = await openTestDatabase();
    councilId = (await createTestCouncil(database)).id;
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  after(async () => {
    await admin.end();
    await database.close();
  });

  const terminate = (pid: number) => admin.query('select pg_terminate_backend($1)', [pid]);
  const backendPid = async (run: (query: ReturnType<typeof sql>) => Promise<unknown>) =>
    rowsOf<{ pid: number }>(await run(sql`select pg_backend_pid() as pid`))[0]!.pid;

  test('a transaction whose connection the server ends fails as "unavailable", and the next one runs', async () => {
    const failed = await withTenant(database.orm, councilId, async (tx) => {
      await terminate(await backendPid((query) => tx.execute(query)));
      await tx.execute(sql`select 1`);
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failed, 'the transaction failed');
    assert.equal(isDatabaseUnavailable(failed), true, (failed as Error).message);
    const [row] = await withTenant(database.orm, councilId, async (tx) =>
      rowsOf<{ one: number }>(await tx.execute(sql`select 1 as one`)),
    );
    assert.equal(row?.one, 1);
  });

  test('the same for the schema owner’s connection', async () => {
    const failed = await database
      .asOwner(async (owner) => {
        const [row] = await owner.query<{ pid: number }>('select pg_backend_pid() as pid');
        await terminate(row!.pid);
        await owner.query('select 1');
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.equal(isDatabaseUnavailable(failed), true, (failed as Error).message);
    assert.deepEqual(await database.asOwner((owner) => owner.query('select 1 as one')), [{ one: 1 }]);
  });

  test('every connection of a busy pool ended at once: each transaction fails or commits, and the pool recovers', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        withTenant(database.orm, councilId, async (tx) => {
          await tx.execute(sql`select pg_sleep(0.2)`);
          return 'committed';
        }),
      ),
    );
    // Ended while the transactions above wait on pg_sleep (they started in this same turn).
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query like '%pg_sleep(0.2)%'`,
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') assert.equal(isDatabaseUnavailable(outcome.reason), true);
    }
    await database.ping();
  });

  describe('while the server cannot be reached at all', () => {
    let proxy: DatabaseProxy;
    let throughProxy: Database;

    before(async () => {
      proxy = await startDatabaseProxy(process.env.DATABASE_URL!);
      throughProxy = await openDatabase({ databaseUrl: proxy.url, poolSize: 2 });
      await throughProxy.useApplicationRole();
    });
    after(async () => {
      await throughProxy.close();
      await proxy.close();
    });

    test('statements fail as "unavailable", and work again by themselves once it is back', async () => {
      await throughProxy.ping();
      const midTransaction = withTenant(throughProxy.orm, councilId, async (tx) => {
        await tx.execute(sql`select 1`);
        await proxy.cut();
        await tx.execute(sql`select 2`);
      });
      await assert.rejects(midTransaction, (error: unknown) => isDatabaseUnavailable(error));
      await assert.rejects(throughProxy.ping(), (error: unknown) => isDatabaseUnavailable(error));
      await assert.rejects(
        withTenant(throughProxy.orm, councilId, (tx) => tx.execute(sql`select 1`)),
        (error: unknown) => isDatabaseUnavailable(error),
      );
      await proxy.restore();
      await throughProxy.ping();
    });
  });
});
