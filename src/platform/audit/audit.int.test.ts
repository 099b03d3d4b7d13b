import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import type { Database } from '../db/database.js';
import { hasSqlState, SqlState } from '../db/errors.js';
import { withTenant } from '../db/tenancy.js';
import { recordAuditEvent, searchAuditLog, whoHasSeenChild, type AuditEvent } from './audit-log.js';
import { GENESIS_HASH, hashEntry } from './chain.js';
import { writeCheckpoints, type CheckpointSettings } from './checkpoints.js';
import { verifyAuditLog } from './verify.js';

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
  const settings = (): CheckpointSettings => ({
    checkpointDir: mkdtempSync(path.join(tmpdir(), 'kith-audit-')),
    key: 'k'.repeat(64),
  });

  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  async function councilWithEntries(count: number) {
    const council = await createTestCouncil(database, 'Audit');
    for (let index = 0; index < count; index += 1) {
      await withTenant(database.orm, council.id, (tx) =>
        recordAuditEvent(tx, council.id, event({ reason: `look ${index + 1}` })),
      );
    }
    return council;
  }

  /** Acts as someone with the owner's rights would: straight SQL inside the council's setting. */
  function asAttacker(tenantId: string, statement: string, params: unknown[] = []) {
    return database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      return owner.query(statement, params);
    });
  }

  const resultFor = async (tenantId: string, checkpoints: CheckpointSettings) =>
    (await verifyAuditLog(database, checkpoints)).find((result) => result.tenantId === tenantId)!;

  test('entries chain from the genesis hash with contiguous sequences', async () => {
    const council = await councilWithEntries(3);
    const { entries } = await withTenant(database.orm, council.id, (tx) => searchAuditLog(tx, council.id, {}));
    assert.deepEqual(
      entries.map((entry) => entry.sequence),
      [3, 2, 1],
    );
    assert.equal(entries[2]!.previousHash, GENESIS_HASH);
    assert.equal(entries[1]!.previousHash, entries[2]!.hash);
    const { previousHash, hash, ...fields } = entries[0]!;
    assert.equal(hashEntry(previousHash, { ...fields, details: fields.details }), hash);
    const verification = await resultFor(council.id, settings());
    assert.equal(verification.ok, true);
    assert.equal(verification.entries, 3);
  });

  test('twenty concurrent appends in one council stay one unbroken chain', async () => {
    const council = await createTestCouncil(database, 'Concurrent');
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        withTenant(database.orm, council.id, (tx) =>
          recordAuditEvent(tx, council.id, event({ reason: `parallel ${index}` })),
        ),
      ),
    );
    const verification = await resultFor(council.id, settings());
    assert.deepEqual({ ok: verification.ok, entries: verification.entries }, { ok: true, entries: 20 });
  });

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
  });

  test('changing one entry is found, and verification names that entry', async () => {
    const council = await councilWithEntries(5);
    await asAttacker(
      council.id,
      `update audit_events set reason = 'nothing to see' where tenant_id = $1 and sequence = 3`,
      [council.id],
    );
    const verification = await resultFor(council.id, settings());
    assert.equal(verification.ok, false);
    assert.equal(verification.firstBrokenSequence, 3);
    assert.match(verification.problem!, /entry 3 was changed after it was written/);
  });

  test('removing an entry from the middle is found', async () => {
    const council = await councilWithEntries(5);
    await asAttacker(council.id, 'delete from audit_events where tenant_id = $1 and sequence = 2', [council.id]);
    const verification = await resultFor(council.id, settings());
    assert.equal(verification.firstBrokenSequence, 2);
    assert.match(verification.problem!, /entry 2 is missing/);
  });

  test('rewriting an entry and recomputing every later hash is caught only by the signed checkpoint', async () => {
    const council = await councilWithEntries(4);
    const checkpoints = settings();
    assert.equal((await writeCheckpoints(database, checkpoints)) >= 1, true);
    // The attacker changes entry 2, then recomputes entries 2..4 and the head so the chain links.
    await database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
      const rows = await owner.query<Record<string, unknown>>(
        'select * from audit_events where tenant_id = $1 order by sequence',
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
          reason: Number(row.sequence) === 2 ? 'rewritten' : (row.reason as string | null),
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
    });
    const verification = await resultFor(council.id, checkpoints);
    assert.equal(verification.ok, false);
    assert.match(verification.problem!, /the chain was rewritten: the checkpoint signed at .* says entry 4 had hash/);
  });

  test('an edited checkpoint file fails its signature', async () => {
    const council = await councilWithEntries(2);
    const checkpoints = settings();
    await writeCheckpoints(database, checkpoints);
    const file = path.join(checkpoints.checkpointDir, `${council.id}.jsonl`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"sequence":2/, '"sequence":1'));
    const verification = await resultFor(council.id, checkpoints);
    assert.equal(verification.ok, false);
    assert.match(verification.problem!, /checkpoint signature is not valid/);
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
    assert.equal(firstPage.nextBeforeSequence, 2);
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
});
