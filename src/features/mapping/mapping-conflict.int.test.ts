/**
 * Two saves of one mapping entry that both start from version N: the one that commits second is
 * refused with 409, and its answer carries what is current now (the winner's N+1), so a retry
 * from that answer succeeds. Needs a PostgreSQL server: PGlite runs one transaction at a time,
 * so the two saves can never overlap there.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { usingRealPostgres } from '../../../test/helpers/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { api, mappingApiFixtures } from './mapping-api-fixtures.js';

const kith = testAppPerFile();

const { childWithMum, startMapping } = mappingApiFixtures(() => kith);

test(
  'the loser of two overlapping saves gets the winner’s version in its 409, and can retry from it',
  { skip: !usingRealPostgres && 'needs a PostgreSQL server (PGlite runs one transaction at a time)' },
  async () => {
    const { childId, caller, council } = await childWithMum();
    const mappingId = await startMapping(caller, childId);
    const entries = `${api(childId)}/mappings/${mappingId}/entries`;
    const created = await kith.app.inject({
      method: 'POST',
      url: entries,
      headers: caller.headers,
      payload: { section: 'existing_strength', statement: 'Nan helps', viewOfKind: 'network', viewOfName: 'Nan' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id: entryId, version } = created.json<{ id: string; version: number }>();
    const save = (statement: string, expectedVersion: number) =>
      kith.app.inject({
        method: 'PUT',
        url: `${entries}/${entryId}`,
        headers: caller.headers,
        payload: { section: 'existing_strength', statement, viewOfKind: 'network', viewOfName: 'Nan', expectedVersion },
      });

    // The winner: holds the entry's row, changed to N+1, until the loser's save is waiting on it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const winner = withTenant(kith.database.orm, council.id, async (tx) => {
      await tx.execute(
        sql`update mapping_entries set statement = 'Nan helps every weekend', version = version + 1
             where tenant_id = ${council.id} and id = ${entryId}`,
      );
      holding();
      await released;
    });
    await held;
    const loser = save('Nan helps on Mondays', version);
    // Let the loser read version N and queue behind the row; then the winner commits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await winner;
    const refused = await loser;
    assert.equal(refused.statusCode, 409, refused.body);
    const current = refused.json<{ current: { version: number; statement: string } }>().current;
    assert.equal(current.version, version + 1, 'the 409 names the version saved first, not the one both started from');
    assert.equal(current.statement, 'Nan helps every weekend');
    const retried = await save('Nan helps every weekend and on Mondays', current.version);
    assert.equal(retried.statusCode, 200, retried.body);
  },
);
