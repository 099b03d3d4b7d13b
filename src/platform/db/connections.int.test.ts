/**
 * How the PostgreSQL pool treats its connections: each new one becomes the application role
 * before it runs anything else, and keeps the statements it runs prepared. PGlite has one
 * connection and no pool, so these run only against a PostgreSQL server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { createTestCouncil, openTestDatabase, usingRealPostgres } from '../../../test/helpers/database.js';
import { APP_ROLE, PREPARED_STATEMENTS_PER_CONNECTION, type Database } from './database.js';
import { rowsOf, withTenant } from './tenancy.js';
import { insertPerson } from '../../features/people/queries.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { hasSqlState, SqlState } from './errors.js';

describe('connections to a PostgreSQL server', { skip: !usingRealPostgres && 'needs a PostgreSQL server' }, () => {
  let database: Database;
  let councilId: string;

  before(async () => {
    database = await openTestDatabase();
    councilId = (await createTestCouncil(database)).id;
  });
  after(() => database.close());

  /** Counts the writes to PostgreSQL's socket of every connection the pool hands out from now on. */
  function countSocketWrites(): { count(): number; stop(): void } {
    const pool = (database.orm as unknown as { $client: pg.Pool }).$client;
    let writes = 0;
    const countWrites = (client: pg.PoolClient) => {
      const socket = (client as unknown as { connection: { stream: Socket } }).connection.stream as Socket & {
        _writev: (...args: unknown[]) => unknown;
        _write: (...args: unknown[]) => unknown;
      };
      for (const method of ['_writev', '_write'] as const) {
        const original = socket[method].bind(socket);
        socket[method] = (...args: unknown[]) => {
          writes += 1;
          return original(...args);
        };
      }
    };
    pool.on('acquire', countWrites);
    return { count: () => writes, stop: () => pool.off('acquire', countWrites) };
  }

  test('new connections switch to the application role before the pool hands them out', async () => {
    // More at once than the pool has open, so new connections are made while these wait.
    const roles = await Promise.all(
      Array.from({ length: 8 }, () =>
        withTenant(database.orm, councilId, async (tx) => {
          const [row] = rowsOf<{ role: string }>(await tx.execute(sql`select current_user as role, pg_sleep(0.05)`));
          return row?.role;
        }),
      ),
    );
    assert.deepEqual(new Set(roles), new Set([APP_ROLE]));
  });

  test('a parameterised statement is prepared once on its connection and reused', async () => {
    const marker = `prepared-${Date.now()}`;
    const prepared = await withTenant(database.orm, councilId, async (tx) => {
      for (let run = 0; run < 3; run += 1) {
        await tx.execute(sql`select ${marker}::text as marker, ${run}::int as run`);
      }
      return rowsOf<{ name: string; statement: string }>(
        await tx.execute(sql`select name, statement from pg_prepared_statements where statement like '%::int as run'`),
      );
    });
    assert.equal(prepared.length, 1, 'the three runs share one prepared statement');
    assert.match(prepared[0]!.name, /^kith_/);
  });

  test('a connection keeps at most a fixed number of statements prepared, and runs the rest unprepared', async () => {
    const distinctStatements = PREPARED_STATEMENTS_PER_CONNECTION + 20;
    const { count, lastAnswer } = await withTenant(database.orm, councilId, async (tx) => {
      let answer = 0;
      for (let index = 0; index < distinctStatements; index += 1) {
        // A different text each time (the alias), as an unexpected variety of statements would be.
        const [row] = rowsOf<{ answer: number }>(
          await tx.execute(sql`select ${index}::int as ${sql.identifier(`answer_${index}`)}`),
        );
        answer = Object.values(row ?? {})[0] as number;
      }
      const [prepared] = rowsOf<{ count: number }>(
        await tx.execute(sql`select count(*)::int as count from pg_prepared_statements`),
      );
      return { count: prepared?.count ?? 0, lastAnswer: answer };
    });
    assert.equal(lastAnswer, distinctStatements - 1, 'statements past the cap still run');
    assert.ok(count <= PREPARED_STATEMENTS_PER_CONNECTION, `${count} statements prepared`);
  });

  test('BEGIN, setting the council and the first read leave in one write, and fail together', async () => {
    const socketWrites = countSocketWrites();
    try {
      const tenant = await withTenant(database.orm, councilId, async (tx) => {
        const [row] = rowsOf<{ tenant: string }>(
          await tx.execute(sql`select current_setting('kith.tenant_id') as tenant`),
        );
        return row?.tenant;
      });
      assert.equal(tenant, councilId, 'the first read sees the council set');
      // One write for BEGIN, the council and the read; one for COMMIT.
      assert.equal(socketWrites.count(), 2);
    } finally {
      socketWrites.stop();
    }
    // A read that fails fails its whole transaction, and the next transaction is unaffected.
    await assert.rejects(
      withTenant(database.orm, councilId, (tx) => tx.execute(sql`select 1 / 0`)),
      (error: Error & { cause?: Error }) => /division by zero/.test(error.cause?.message ?? ''),
    );
    const tenants = await Promise.all(
      Array.from({ length: 12 }, () =>
        withTenant(database.orm, councilId, async (tx) =>
          rowsOf<{ tenant: string }>(await tx.execute(sql`select current_setting('kith.tenant_id') as tenant`)),
        ),
      ),
    );
    for (const rows of tenants) assert.deepEqual(rows, [{ tenant: councilId }]);
  });

  test('an audit entry leaves with the COMMIT in one write, and the COMMIT reports it if it fails', async () => {
    const socketWrites = countSocketWrites();
    const entry = (action: string) => ({
      action,
      outcome: 'allowed' as const,
      actor: { userId: null, label: 'Connection test' },
      source: { ip: '127.0.0.1' },
    });
    try {
      await withTenant(database.orm, councilId, async (tx) => {
        await tx.execute(sql`select 1`);
        await recordAuditEvent(tx, councilId, entry('connection_test.read'));
      });
      // One write for BEGIN, the council and the read; one for the entry and COMMIT.
      assert.equal(socketWrites.count(), 2);
    } finally {
      socketWrites.stop();
    }
    // Nothing after the entry in the transaction: only the COMMIT can report that it failed.
    await assert.rejects(
      withTenant(database.orm, councilId, (tx) => recordAuditEvent(tx, councilId, entry('Not an action'))),
      (error: unknown) => hasSqlState(error, SqlState.checkViolation),
    );
    const [found] = await withTenant(database.orm, councilId, async (tx) =>
      rowsOf<{ entries: number }>(
        await tx.execute(
          sql`select count(*)::int as entries from audit_events where actor_label = 'Connection test' and action = 'connection_test.read'`,
        ),
      ),
    );
    assert.deepEqual(found, { entries: 1 });
  });

  test('a transaction that fails leaves nothing behind, and its connection serves the next one', async () => {
    const name = `Rolled back ${Date.now()}`;
    await assert.rejects(
      withTenant(database.orm, councilId, async (tx) => {
        await insertPerson(tx, councilId, { fullName: name });
        throw new Error('something went wrong after the insert');
      }),
      /something went wrong/,
    );
    // More transactions than the pool has connections, so the one that failed is used again.
    const counts = await Promise.all(
      Array.from({ length: 8 }, () =>
        withTenant(database.orm, councilId, async (tx) => {
          const [row] = rowsOf<{ found: number; tenant: string }>(
            await tx.execute(
              sql`select count(*)::int as found, current_setting('kith.tenant_id') as tenant from people where full_name = ${name}`,
            ),
          );
          return row;
        }),
      ),
    );
    for (const row of counts) assert.deepEqual(row, { found: 0, tenant: councilId });
  });
});
