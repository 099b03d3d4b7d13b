import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import type { Database } from '../db/database.js';
import { hasSqlState, SqlState } from '../db/errors.js';
import { rowsOf, withTenant } from '../db/tenancy.js';
import {
  auditSearchQuery,
  recordAuditEvent,
  searchAuditLog,
  whoHasSeenChild,
  type AuditEvent,
  type AuditSearch,
} from './audit-log.js';
import { GENESIS_HASH, hashEntry } from './chain.js';
import { sealAuditTrail } from './sealing.js';
import { headSigner, signCurrentHeads, type SigningSettings } from './signed-heads.js';
import { FileSignedHeadStore } from './signed-heads-file.js';
import { verifyAuditLog } from './verify.js';
import { insertPerson } from '../../features/people/queries.js';

const childId = '11111111-1111-4111-8111-111111111111';
const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => ({
  action: 'child_record.view',
  outcome: 'allowed',
  actor: { userId: '22222222-2222-4222-8222-222222222222', label: 'Alex Morgan (practitioner)' },
  childPersonId: childId,
  subject: { type: 'child_record', id: childId },
  source: { ip: '127.0.0.1', userAgent: 'test', requestId: 'req-1' },
  ...overrides,
});

describe('the audit trail', () => {
  let database: Database;
  const settings = () => ({
    store: new FileSignedHeadStore(mkdtempSync(path.join(tmpdir(), 'kith-audit-'))),
    key: 'k'.repeat(64),
  });
  const signAll = (signing: SigningSettings) => signCurrentHeads(database, headSigner(signing.key, signing.store));

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  async function councilWithEntries(count: number, { sealed = true } = {}) {
    const council = await createTestCouncil(database, 'Audit');
    for (let index = 0; index < count; index += 1) {
      await withTenant(database.orm, council.id, (tx) =>
        recordAuditEvent(tx, council.id, event({ reason: `look ${index + 1}` })),
      );
    }
    if (sealed) await sealAuditTrail(database, null, [council.id]);
    return council;
  }

  /**
   * Acts as someone with the owner's rights would: straight SQL inside the council's setting,
   * after switching off the triggers that keep entries and heads as they are (the owner can).
   */
  function asAttacker(tenantId: string, statement: string, params: unknown[] = []) {
    return database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      await owner.query('alter table audit_events disable trigger user');
      await owner.query('alter table audit_chain_heads disable trigger user');
      const rows = await owner.query(statement, params);
      await owner.query('alter table audit_events enable trigger user');
      await owner.query('alter table audit_chain_heads enable trigger user');
      return rows;
    });
  }

  const resultFor = async (tenantId: string, checkpoints: SigningSettings) =>
    (await verifyAuditLog(database, checkpoints)).find((result) => result.tenantId === tenantId)!;

  test('once sealed, entries chain from the genesis hash in the order they were written', async () => {
    const council = await councilWithEntries(3);
    const { entries } = await withTenant(database.orm, council.id, (tx) => searchAuditLog(tx, council.id, {}));
    assert.deepEqual(
      entries.map((entry) => entry.reason),
      ['look 3', 'look 2', 'look 1'],
    );
    assert.deepEqual(
      entries.map((entry) => entry.chainPosition),
      [3, 2, 1],
    );
    assert.equal(entries[2]!.previousHash, GENESIS_HASH);
    assert.equal(entries[1]!.previousHash, entries[2]!.hash);
    const { previousHash, hash, ...fields } = entries[0]!;
    assert.equal(hashEntry(previousHash!, { ...fields, details: fields.details }), hash);
    const verification = await resultFor(council.id, settings());
    assert.deepEqual(
      { ok: verification.ok, entries: verification.entries, waiting: verification.waitingToBeSealed },
      { ok: true, entries: 3, waiting: 0 },
    );
  });

  test('an entry is listed at once, and the verification counts it as waiting until it is sealed', async () => {
    const council = await councilWithEntries(2, { sealed: false });
    const { entries } = await withTenant(database.orm, council.id, (tx) => whoHasSeenChild(tx, council.id, childId));
    assert.deepEqual(
      entries.map((entry) => [entry.reason, entry.hash]),
      [
        ['look 2', null],
        ['look 1', null],
      ],
    );
    const before = await resultFor(council.id, settings());
    assert.deepEqual(
      { ok: before.ok, entries: before.entries, waiting: before.waitingToBeSealed },
      {
        ok: true,
        entries: 0,
        waiting: 2,
      },
    );
    assert.equal(await sealAuditTrail(database, null, [council.id]), 2);
    assert.equal(await sealAuditTrail(database, null, [council.id]), 0, 'nothing is sealed twice');
    const after = await resultFor(council.id, settings());
    assert.deepEqual(
      { ok: after.ok, entries: after.entries, waiting: after.waitingToBeSealed },
      {
        ok: true,
        entries: 2,
        waiting: 0,
      },
    );
  });

  test('an entry that cannot be written fails its transaction, and nothing the transaction did is kept', async () => {
    const council = await createTestCouncil(database, 'Unwritten entry');
    const name = `Kept only with its audit entry ${Date.now()}`;
    await assert.rejects(
      withTenant(database.orm, council.id, async (tx) => {
        await insertPerson(tx, council.id, { fullName: name });
        // The trail's rule on action names refuses this entry.
        await recordAuditEvent(tx, council.id, event({ action: 'Not an action', reason: 'refused' }));
        // A read after it, as a page would make: on a server the entry was not waited for.
        await tx.execute(sql`select 1`);
      }),
      (error: unknown) => hasSqlState(error, SqlState.checkViolation),
    );
    const kept = await withTenant(database.orm, council.id, async (tx) => ({
      people: rowsOf(await tx.execute(sql`select 1 from people where full_name = ${name}`)).length,
      entries: (await whoHasSeenChild(tx, council.id, childId)).entries.length,
    }));
    assert.deepEqual(kept, { people: 0, entries: 0 });
  });

  test('an entry written last commits with its transaction', async () => {
    const council = await createTestCouncil(database, 'Written last');
    await withTenant(database.orm, council.id, async (tx) => {
      await tx.execute(sql`select 1`);
      await recordAuditEvent(tx, council.id, event({ reason: 'the last statement' }));
    });
    const { entries } = await withTenant(database.orm, council.id, (tx) => whoHasSeenChild(tx, council.id, childId));
    assert.deepEqual(
      entries.map((entry) => entry.reason),
      ['the last statement'],
    );
  });

  test('twenty concurrent appends in one council, sealed by two sealers at once, make one unbroken chain', async () => {
    const council = await createTestCouncil(database, 'Concurrent');
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        withTenant(database.orm, council.id, (tx) =>
          recordAuditEvent(tx, council.id, event({ reason: `parallel ${index}` })),
        ),
      ),
    );
    const sealed = await Promise.all([
      sealAuditTrail(database, null, [council.id]),
      sealAuditTrail(database, null, [council.id]),
    ]);
    assert.equal(sealed[0] + sealed[1], 20);
    const verification = await resultFor(council.id, settings());
    assert.deepEqual({ ok: verification.ok, entries: verification.entries }, { ok: true, entries: 20 });
  });

  test(
    'appending does not wait for another request still in its transaction, and a late commit is sealed after',
    { skip: process.env.DATABASE_URL ? false : 'PGlite runs one transaction at a time' },
    async () => {
      const council = await createTestCouncil(database, 'Overlapping');
      let finishSlowRequest!: () => void;
      const slowRequestMayFinish = new Promise<void>((resolve) => (finishSlowRequest = resolve));
      let slowEntryWritten!: () => void;
      const slowEntry = new Promise<void>((resolve) => (slowEntryWritten = resolve));
      const slowRequest = withTenant(database.orm, council.id, async (tx) => {
        await recordAuditEvent(tx, council.id, event({ reason: 'slow' }));
        // On a server the entry goes with the next statement: a read makes sure it is written.
        await tx.execute(sql`select 1`);
        slowEntryWritten();
        await slowRequestMayFinish;
      });
      await slowEntry;
      // Before sealing, this append queued behind the slow request's lock on the chain head.
      const quick = withTenant(database.orm, council.id, (tx) =>
        recordAuditEvent(tx, council.id, event({ reason: 'quick' })),
      );
      const outcome = await Promise.race([
        quick.then(() => 'appended'),
        new Promise((resolve) => {
          setTimeout(() => {
            resolve('waited');
          }, 2_000);
        }),
      ]);
      assert.equal(outcome, 'appended');
      assert.equal(await sealAuditTrail(database, null, [council.id]), 1, 'only the committed entry is sealed');
      finishSlowRequest();
      await slowRequest;
      assert.equal(await sealAuditTrail(database, null, [council.id]), 1);
      const { entries } = await withTenant(database.orm, council.id, (tx) => searchAuditLog(tx, council.id, {}));
      assert.deepEqual(
        entries.map((entry) => [entry.reason, entry.chainPosition]),
        [
          ['quick', 1],
          ['slow', 2],
        ],
        'listed in the order written, chained in the order sealed',
      );
      const verification = await resultFor(council.id, settings());
      assert.deepEqual({ ok: verification.ok, entries: verification.entries }, { ok: true, entries: 2 });
    },
  );

  test('the application role can neither change nor delete an entry', async () => {
    const council = await councilWithEntries(1);
    const denied = (error: unknown) => hasSqlState(error, SqlState.insufficientPrivilege);
    await assert.rejects(
      withTenant(database.orm, council.id, (tx) => tx.execute(sql`update audit_events set reason = 'covered up'`)),
      denied,
    );
    await assert.rejects(
      withTenant(database.orm, council.id, (tx) => tx.execute(sql`delete from audit_events`)),
      denied,
    );
    await assert.rejects(
      withTenant(database.orm, council.id, (tx) =>
        tx.execute(sql`update audit_chain_heads set last_hash = ${GENESIS_HASH}`),
      ),
      denied,
      'only the sealer moves a chain on',
    );
  });

  test('even the owner cannot change an entry while the trigger that guards it is on', async () => {
    const council = await councilWithEntries(1, { sealed: false });
    const refused = (error: unknown) => hasSqlState(error, SqlState.insufficientPrivilege);
    const asOwner = (statement: string) =>
      database.asOwner(async (owner) => {
        await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
        return owner.query(statement, [council.id]);
      });
    await assert.rejects(asOwner(`update audit_events set reason = 'covered up' where tenant_id = $1`), refused);
    await sealAuditTrail(database, null, [council.id]);
    await assert.rejects(
      asOwner(`update audit_events set hash = previous_hash where tenant_id = $1`),
      refused,
      'a seal is written once',
    );
  });

  test('changing one entry is found, and verification names that entry', async () => {
    const council = await councilWithEntries(5);
    await asAttacker(
      council.id,
      `update audit_events set reason = 'nothing to see' where tenant_id = $1 and chain_position = 3`,
      [council.id],
    );
    const verification = await resultFor(council.id, settings());
    assert.equal(verification.ok, false);
    assert.equal(verification.firstBrokenEntry, 3);
    assert.match(verification.problem!, /entry 3 was changed after it was written/);
  });

  test('removing an entry from the middle is found', async () => {
    const council = await councilWithEntries(5);
    await asAttacker(council.id, 'delete from audit_events where tenant_id = $1 and chain_position = 2', [council.id]);
    const verification = await resultFor(council.id, settings());
    assert.equal(verification.firstBrokenEntry, 2);
    assert.match(verification.problem!, /entry 2 is missing/);
  });

  test('rewriting an entry and recomputing every later hash is caught only by the signed head', async () => {
    const council = await councilWithEntries(4);
    const checkpoints = settings();
    assert.equal((await signAll(checkpoints)) >= 1, true);
    // The attacker changes entry 2, then recomputes entries 2..4 and the head so the chain links.
    await database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
      await owner.query('alter table audit_events disable trigger user');
      await owner.query('alter table audit_chain_heads disable trigger user');
      const rows = await owner.query<Record<string, unknown>>(
        'select * from audit_events where tenant_id = $1 order by chain_position',
        [council.id],
      );
      let previous = GENESIS_HASH;
      for (const row of rows) {
        const fields = {
          tenantId: council.id,
          sequence: Number(row.sequence),
          occurredAt: new Date(row.occurred_at as string),
          actorUserId: row.actor_user_id as string | null,
          actorLabel: row.actor_label as string,
          action: row.action as string,
          outcome: row.outcome as 'allowed',
          subjectType: row.subject_type as string | null,
          subjectId: row.subject_id as string | null,
          childPersonId: row.child_person_id as string | null,
          reason: Number(row.chain_position) === 2 ? 'rewritten' : (row.reason as string | null),
          sourceIp: row.source_ip as string | null,
          userAgent: row.user_agent as string | null,
          requestId: row.request_id as string | null,
          details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, string>,
        };
        const hash = hashEntry(previous, fields);
        await owner.query(
          'update audit_events set reason = $1, previous_hash = $2, hash = $3 where tenant_id = $4 and sequence = $5',
          [fields.reason, previous, hash, council.id, fields.sequence],
        );
        previous = hash;
      }
      await owner.query('update audit_chain_heads set last_hash = $1 where tenant_id = $2', [previous, council.id]);
      await owner.query('alter table audit_events enable trigger user');
      await owner.query('alter table audit_chain_heads enable trigger user');
    });
    const verification = await resultFor(council.id, checkpoints);
    assert.equal(verification.ok, false);
    assert.match(
      verification.problem!,
      /the chain was rewritten .*: entry 4 had hash .* when it was signed at .*the change is in entries 1 to 4/,
    );
    assert.equal(verification.lastSignedHead, undefined, 'no signed head agrees with the chain');
  });

  test('an edited signed head fails its signature', async () => {
    const council = await councilWithEntries(2);
    const checkpoints = settings();
    await signAll(checkpoints);
    const file = path.join(checkpoints.store.folder, `${council.id}.jsonl`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"position":2/, '"position":1'));
    const verification = await resultFor(council.id, checkpoints);
    assert.equal(verification.ok, false);
    assert.match(verification.problem!, /a signed head in .* is not valid/);
  });

  test('who has seen a child, newest first, paged; and councils never see each other’s entries', async () => {
    const council = await councilWithEntries(3);
    const other = await councilWithEntries(2);
    const firstPage = await withTenant(database.orm, council.id, (tx) =>
      whoHasSeenChild(tx, council.id, childId, { limit: 2 }),
    );
    assert.deepEqual(
      firstPage.entries.map((entry) => entry.reason),
      ['look 3', 'look 2'],
    );
    assert.equal(firstPage.nextBeforeSequence, firstPage.entries[1]!.sequence);
    const secondPage = await withTenant(database.orm, council.id, (tx) =>
      whoHasSeenChild(tx, council.id, childId, { limit: 2, beforeSequence: firstPage.nextBeforeSequence! }),
    );
    assert.deepEqual(
      secondPage.entries.map((entry) => entry.reason),
      ['look 1'],
    );
    const crossCouncil = await withTenant(database.orm, council.id, (tx) => searchAuditLog(tx, other.id, {}));
    assert.equal(crossCouncil.entries.length, 0);
  });

  test('who has seen, and a search by what happened or by whom, read their page from an index in order, without sorting the log', async () => {
    const council = await createTestCouncil(database, 'Audit plans');
    await withTenant(database.orm, council.id, async (tx) => {
      for (let index = 0; index < 40; index += 1) {
        await recordAuditEvent(tx, council.id, event({ action: index % 2 ? 'child_record.view' : 'sign_in.failed' }));
      }
    });
    // Fresh statistics, so the planner knows this council's rows, not whatever other test files
    // on a shared server had written when it last looked (it then chose a path by a tie).
    await database.asOwner((owner) => owner.query('analyze audit_events'));
    const searches: [AuditSearch, string][] = [
      [{ childPersonId: childId }, 'audit_events_child_idx'],
      [{ action: 'sign_in.failed' }, 'audit_events_action_idx'],
      [{ actorUserId: event().actor.userId! }, 'audit_events_actor_idx'],
    ];
    for (const [filters, index] of searches) {
      const plan = await withTenant(database.orm, council.id, async (tx) => {
        // The tables are tiny here; without this the planner would rightly read them whole.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        const query = auditSearchQuery(tx, council.id, filters, {}, 51).toSQL();
        // The values are this test's own ids and names, written into the text for EXPLAIN.
        const text = query.sql.replace(
          /\$(\d+)/g,
          (_match, position: string) => `'${String(query.params[Number(position) - 1])}'`,
        );
        const rows = rowsOf<Record<string, unknown>>(await tx.execute(sql.raw(`explain (format json) ${text}`)));
        return JSON.stringify(rows[0]);
      });
      assert.match(plan, new RegExp(`"Index Name":"${index}"`), `${JSON.stringify(filters)}: ${plan}`);
      assert.doesNotMatch(plan, /"Node Type":"Sort"/, `${JSON.stringify(filters)}: ${plan}`);
    }
  });
});
