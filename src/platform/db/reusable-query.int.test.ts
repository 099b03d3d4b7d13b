/**
 * A reusable query gives exactly what the same Drizzle query gives when built afresh, for new
 * values on every call, on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import type { Database, Tx } from './database.js';
import { withTenant } from './tenancy.js';
import { anyOf, reusableQuery } from './reusable-query.js';
import { childRecords, people } from '../../features/people/schema.js';
import { insertChildRecord, insertPerson } from '../../features/people/queries.js';

/** People with their child record, if they have one (a left join: no record gives null). */
const builtAfresh = (tx: Tx, tenantId: string, ids: string[]) =>
  tx
    .select({
      name: people.fullName,
      born: people.dateOfBirth,
      record: { reference: childRecords.reference, openedOn: childRecords.openedOn },
    })
    .from(people)
    .leftJoin(childRecords, and(eq(childRecords.tenantId, people.tenantId), eq(childRecords.personId, people.id)))
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, ids)))
    .orderBy(asc(people.fullName));

const reusable = reusableQuery<{ tenantId: string; ids: string[] }>()((tx, p) =>
  tx
    .select({
      name: people.fullName,
      born: people.dateOfBirth,
      record: { reference: childRecords.reference, openedOn: childRecords.openedOn },
    })
    .from(people)
    .leftJoin(childRecords, and(eq(childRecords.tenantId, people.tenantId), eq(childRecords.personId, people.id)))
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
});
