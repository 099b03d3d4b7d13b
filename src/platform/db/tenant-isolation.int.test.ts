/**
 * The proof that one council can never read or write another's rows, even if the
 * application's own checks were skipped: these queries go straight to the database, as the
 * application role, with nothing but the council's transaction setting to protect them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import { people } from '../../features/people/schema.js';
import { insertPerson } from '../../features/people/queries.js';
import type { Database } from './database.js';
import { hasSqlState, SqlState } from './errors.js';
import { rowsOf, withTenant } from './tenancy.js';

const deniedByDatabase = (error: unknown) => hasSqlState(error, SqlState.insufficientPrivilege);

describe('tenant isolation by row-level security', () => {
  let database: Database;
  let councilA: { id: string };
  let councilB: { id: string };
  let personInB: string;

  before(async () => {
    database = await openTestDatabase();
    councilA = await createTestCouncil(database, 'Council A');
    councilB = await createTestCouncil(database, 'Council B');
    await withTenant(database.orm, councilA.id, (tx) => insertPerson(tx, councilA.id, { fullName: 'Person in A' }));
    personInB = await withTenant(database.orm, councilB.id, (tx) =>
      insertPerson(tx, councilB.id, { fullName: 'Person in B' }),
    );
  });
  after(() => database.close());

  test('requests run as a role that owns nothing and cannot bypass row-level security', async () => {
    const [role] = rowsOf<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      await database.orm.execute(sql`
        select current_user, r.rolsuper, r.rolbypassrls,
               (select count(*)::int from pg_tables t where t.tableowner = current_user) as owns
        from pg_roles r where r.rolname = current_user`),
    );
    assert.deepEqual(role, { current_user: 'kith_app', rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  test("council A's transaction sees none of council B's people, even with no filter at all", async () => {
    const visible = await withTenant(database.orm, councilA.id, (tx) =>
      tx.select({ fullName: people.fullName, tenantId: people.tenantId }).from(people),
    );
    assert.ok(visible.length >= 1);
    assert.ok(visible.every((row) => row.tenantId === councilA.id));
    assert.ok(!visible.some((row) => row.fullName === 'Person in B'));
  });

  test("council A's transaction cannot fetch B's person by its exact id", async () => {
    const found = await withTenant(database.orm, councilA.id, (tx) =>
      tx.select().from(people).where(eq(people.id, personInB)),
    );
    assert.equal(found.length, 0);
  });

  test("council A's transaction cannot change B's rows: the update matches nothing", async () => {
    const changed = await withTenant(database.orm, councilA.id, (tx) =>
      tx.update(people).set({ fullName: 'Changed by A' }).where(eq(people.id, personInB)).returning({ id: people.id }),
    );
    assert.equal(changed.length, 0);
    const unchanged = await withTenant(database.orm, councilB.id, (tx) =>
      tx.select({ fullName: people.fullName }).from(people).where(eq(people.id, personInB)),
    );
    assert.equal(unchanged[0]?.fullName, 'Person in B');
  });

  test("council A's transaction cannot insert a row into council B", async () => {
    await assert.rejects(
      withTenant(database.orm, councilA.id, (tx) => insertPerson(tx, councilB.id, { fullName: 'Smuggled' })),
      deniedByDatabase,
    );
  });

  test('with no council set, nothing is visible and nothing can be written (fails closed)', async () => {
    const visible = await database.orm.transaction((tx) => tx.select().from(people));
    assert.equal(visible.length, 0);
    await assert.rejects(
      database.orm.transaction((tx) => insertPerson(tx, councilA.id, { fullName: 'No council' })),
      deniedByDatabase,
    );
  });

  test('the council setting does not outlive its transaction', async () => {
    await withTenant(database.orm, councilA.id, (tx) => tx.select().from(people));
    const afterwards = await database.orm.transaction((tx) => tx.select().from(people));
    assert.equal(afterwards.length, 0);
  });

  test('the application role cannot delete or truncate people', async () => {
    await assert.rejects(
      withTenant(database.orm, councilA.id, (tx) => tx.delete(people).where(eq(people.tenantId, councilA.id))),
      deniedByDatabase,
    );
  });
});
