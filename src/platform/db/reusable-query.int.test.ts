/**
 * A reusable query gives exactly what the same Drizzle query gives when built afresh, for new
 * values on every call, on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import type { Database, Tx } from './database.js';
import { withTenant } from './tenancy.js';
import { anyOf, reusableQuery } from './reusable-query.js';
import { childRecords, people } from '../../features/people/schema.js';
import { insertChildRecord, insertPerson } from '../../features/people/queries.js';

/** People with their child record, if they have one (a left join: no record gives null). */
const peopleWithRecords = (tx: Tx) =>
  tx
    .select({
      name: people.fullName,
      born: people.dateOfBirth,
      record: { reference: childRecords.reference, openedOn: childRecords.openedOn },
    })
    .from(people)
    .leftJoin(childRecords, and(eq(childRecords.tenantId, people.tenantId), eq(childRecords.personId, people.id)));

const builtAfresh = (tx: Tx, tenantId: string, ids: string[]) =>
  peopleWithRecords(tx)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)))
    .orderBy(asc(people.fullName));

const reusable = reusableQuery<{ tenantId: string; ids: string[] }>()((tx, p) =>
  peopleWithRecords(tx)
    .where(and(eq(people.tenantId, p.tenantId), anyOf(people.id, p.ids)))
    .orderBy(asc(people.fullName)),
);

describe('reusable queries', () => {
  let database: Database;
  let councilId: string;
  let otherCouncilId: string;
  const ids: string[] = [];

  before(async () => {
    database = await openTestDatabase();
    councilId = (await createTestCouncil(database)).id;
    otherCouncilId = (await createTestCouncil(database, 'Other Council')).id;
    await withTenant(database.orm, councilId, async (tx) => {
      for (const [fullName, dateOfBirth] of [
        ['Ada Brook', '2015-03-01'],
        ['Ben Cole', null],
        ['Cara Dunn', '2019-11-30'],
      ] as const) {
        ids.push(await insertPerson(tx, councilId, { fullName, dateOfBirth }));
      }
      await insertChildRecord(tx, councilId, { personId: ids[0]!, reference: 'C-1', openedOn: '2024-01-02' });
    });
  });
  after(() => database.close());

  test('each call gives what the query built afresh gives, for that call’s values', async () => {
    for (const chosen of [ids, [ids[1]!], [ids[2]!, ids[0]!], []]) {
      const [fresh, reused] = await withTenant(database.orm, councilId, async (tx) => [
        await builtAfresh(tx, councilId, chosen),
        await reusable(tx, { tenantId: councilId, ids: chosen }),
      ]);
      assert.deepEqual(reused, fresh);
      assert.equal(reused.length, chosen.length);
    }
  });

  test('a left-joined table with no row gives null, and columns keep their types', async () => {
    const rows = await withTenant(database.orm, councilId, (tx) => reusable(tx, { tenantId: councilId, ids }));
    assert.deepEqual(rows, [
      { name: 'Ada Brook', born: '2015-03-01', record: { reference: 'C-1', openedOn: '2024-01-02' } },
      { name: 'Ben Cole', born: null, record: null },
      { name: 'Cara Dunn', born: '2019-11-30', record: null },
    ]);
  });

  test('the values are the call’s own: another council sees none of these people', async () => {
    const rows = await withTenant(database.orm, otherCouncilId, (tx) =>
      reusable(tx, { tenantId: otherCouncilId, ids }),
    );
    assert.deepEqual(rows, []);
  });

  test('whole rows, joined tables and decoded values (dates, times, JSON, counts) come out as Drizzle maps them', async () => {
    // Each query is written once: built afresh with the values, or reused with placeholders.
    const wholeRowsOf = (tx: Tx, tenantId: string | SQLWrapper, chosen: SQL) =>
      tx
        .select()
        .from(people)
        .leftJoin(childRecords, and(eq(childRecords.tenantId, people.tenantId), eq(childRecords.personId, people.id)))
        .where(and(eq(people.tenantId, tenantId), chosen))
        .orderBy(asc(people.fullName));
    const wholeRows = reusableQuery<{ tenantId: string; ids: string[] }>()((tx, p) =>
      wholeRowsOf(tx, p.tenantId, anyOf(people.id, p.ids)),
    );
    const decodedOf = (tx: Tx, tenantId: string | SQLWrapper) =>
      tx
        .select({
          tenantId: people.tenantId,
          everyone: sql<number>`count(*)`.mapWith(Number),
          firstAdded: sql<Date>`min(${people.createdAt})`.mapWith(people.createdAt),
          names: sql<string[]>`json_agg(${people.fullName} order by ${people.fullName})`,
        })
        .from(people)
        .where(eq(people.tenantId, tenantId))
        .groupBy(people.tenantId);
    const decoded = reusableQuery<{ tenantId: string }>()((tx, p) => decodedOf(tx, p.tenantId));
    const [fresh, reused, freshDecoded, reusedDecoded] = await withTenant(database.orm, councilId, async (tx) => [
      await wholeRowsOf(tx, councilId, inArray(people.id, ids)),
      await wholeRows(tx, { tenantId: councilId, ids }),
      await decodedOf(tx, councilId),
      await decoded(tx, { tenantId: councilId }),
    ]);
    assert.deepEqual(reused, fresh);
    // The same keys in the same order, as a page or an API answer would write them out.
    assert.equal(JSON.stringify(reused), JSON.stringify(fresh));
    assert.equal(reused[1]!.child_records, null, 'no child record: the joined table is null');
    assert.ok(reused[0]!.people.createdAt instanceof Date, 'a timestamp column is a Date');
    assert.deepEqual(reusedDecoded, freshDecoded);
    assert.equal(JSON.stringify(reusedDecoded), JSON.stringify(freshDecoded));
    assert.equal(reusedDecoded[0]!.everyone, 3, 'a count mapped with Number is a number');
    assert.ok(reusedDecoded[0]!.firstAdded instanceof Date, 'SQL mapped with a timestamp column is a Date');
    assert.deepEqual(reusedDecoded[0]!.names, ['Ada Brook', 'Ben Cole', 'Cara Dunn']);
  });
});
