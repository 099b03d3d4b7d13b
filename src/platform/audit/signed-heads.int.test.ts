/**
 * The newest entries cannot be removed unnoticed (issue 29, finding 4): the sealer signs every
 * head it moves, outside the database, the database refuses removals whoever asks, and
 * verification names a rollback and the last signed head it confirmed.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestCouncil, openTestDatabase } from '../../../test/helpers/database.js';
import type { Database } from '../db/database.js';
import { hasSqlState, SqlState } from '../db/errors.js';
import { withTenant } from '../db/tenancy.js';
import { recordAuditEvent, type AuditEvent } from './audit-log.js';
import { sealAuditTrail, startAuditSealer } from './sealing.js';
import { headSigner, type SigningSettings } from './signed-heads.js';
import { FileSignedHeadStore } from './signed-heads-file.js';
import { verifyAuditLog } from './verify.js';

const event = (reason: string): AuditEvent => ({
  action: 'child_record.view',
  outcome: 'allowed',
  actor: { userId: '22222222-2222-4222-8222-222222222222', label: 'Alex Morgan (practitioner)' },
  childPersonId: '11111111-1111-4111-8111-111111111111',
  subject: { type: 'child_record', id: '11111111-1111-4111-8111-111111111111' },
  reason,
  source: { ip: '127.0.0.1', userAgent: 'test', requestId: 'req-1' },
});

describe('signed chain heads', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  const settings = () => ({
    store: new FileSignedHeadStore(mkdtempSync(path.join(tmpdir(), 'kith-signed-heads-'))),
    key: 's'.repeat(64),
  });
  const signerOf = (signing: SigningSettings) => headSigner(signing.key, signing.store);
  const resultFor = async (tenantId: string, signing: SigningSettings) =>
    (await verifyAuditLog(database, signing)).find((result) => result.tenantId === tenantId)!;
  const signedPositions = async (signing: SigningSettings, tenantId: string) =>
    (await signing.store.read(tenantId)).map((head) => ('position' in head ? head.position : 'unreadable'));

  async function append(tenantId: string, count: number, label = 'look') {
    for (let index = 0; index < count; index += 1) {
      await withTenant(database.orm, tenantId, (tx) => recordAuditEvent(tx, tenantId, event(`${label} ${index + 1}`)));
    }
  }

  /** Waits for the running sealer to have signed a head at `position`. */
  async function untilSigned(signing: SigningSettings, tenantId: string, position: number) {
    // A guard against waiting for ever, not a measure of speed: the sealer here runs every 5 ms.
    const giveUpAt = Date.now() + 20_000;
    while (!(await signedPositions(signing, tenantId)).includes(position)) {
      if (Date.now() > giveUpAt) assert.fail(`no head was signed at entry ${position}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * As someone with the owner's rights: switches off the triggers that refuse removals (the
   * owner can), removes the council's entries after `keep` and moves its head back to match.
   */
  async function removeNewestEntries(tenantId: string, keep: number) {
    await database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      await owner.query('alter table audit_events disable trigger user');
      await owner.query('alter table audit_chain_heads disable trigger user');
      await owner.query('delete from audit_events where tenant_id = $1 and chain_position > $2', [tenantId, keep]);
      await owner.query(
        `update audit_chain_heads h set last_position = e.chain_position, last_hash = e.hash
           from audit_events e
          where h.tenant_id = $1 and e.tenant_id = $1 and e.chain_position = $2`,
        [tenantId, keep],
      );
      await owner.query('alter table audit_events enable trigger user');
      await owner.query('alter table audit_chain_heads enable trigger user');
    });
  }

  test('the running sealer signs the heads it moves, so removing the newest entries and moving the head back fails verification as a rollback', async () => {
    const council = await createTestCouncil(database, 'Rolled back');
    const signing = settings();
    const errors: unknown[] = [];
    const sealer = startAuditSealer(database, {
      signer: signerOf(signing),
      onError: (error) => errors.push(error),
      intervalMs: 5,
    });
    try {
      await append(council.id, 2);
      await untilSigned(signing, council.id, 2);
      await append(council.id, 2, 'later look');
      await untilSigned(signing, council.id, 4);
    } finally {
      await sealer.stop();
    }
    assert.deepEqual(errors, []);
    const before = await resultFor(council.id, signing);
    assert.deepEqual(
      { ok: before.ok, entries: before.entries, signed: before.lastSignedHead?.position },
      { ok: true, entries: 4, signed: 4 },
    );

    await removeNewestEntries(council.id, 2);

    const verification = await resultFor(council.id, signing);
    assert.equal(verification.ok, false);
    assert.equal(verification.firstBrokenEntry, 3);
    assert.match(
      verification.problem!,
      /^the chain was rolled back: entry 4 was signed at .*, but the chain now ends at entry 2 \(entries 3 to 4 were removed\)$/,
    );
    assert.equal(verification.lastSignedHead?.position, 2, 'entries 1 and 2 are still as signed');
  });

  test('a rollback is named by the newest signed head, however many signed heads it passes', async () => {
    const council = await createTestCouncil(database, 'Several signed');
    const signing = settings();
    for (const count of [2, 1, 1, 2]) {
      await append(council.id, count);
      await sealAuditTrail(database, signerOf(signing), [council.id]);
    }
    assert.deepEqual(await signedPositions(signing, council.id), [2, 3, 4, 6]);
    await removeNewestEntries(council.id, 2);

    const verification = await resultFor(council.id, signing);
    assert.equal(verification.firstBrokenEntry, 3);
    assert.match(
      verification.problem!,
      /^the chain was rolled back: entry 6 was signed at .*, but the chain now ends at entry 2 \(entries 3 to 6 were removed\)$/,
    );
    assert.equal(verification.lastSignedHead?.position, 2);
  });

  test('entries written again after a rollback do not hide it: the signed head no longer matches', async () => {
    const council = await createTestCouncil(database, 'Written again');
    const signing = settings();
    await append(council.id, 2);
    await sealAuditTrail(database, signerOf(signing), [council.id]);
    await append(council.id, 2, 'later look');
    await sealAuditTrail(database, signerOf(signing), [council.id]);
    await removeNewestEntries(council.id, 2);
    // New entries take positions 3 to 5, sealed without signing (as if the signer were gone).
    await append(council.id, 3, 'after the removal');
    await sealAuditTrail(database, null, [council.id]);

    const verification = await resultFor(council.id, signing);
    assert.equal(verification.ok, false);
    assert.equal(verification.entries, 5);
    assert.equal(verification.firstBrokenEntry, 3);
    assert.match(verification.problem!, /entry 4 had hash .*\(the change is in entries 3 to 4\)$/);
    assert.equal(verification.lastSignedHead?.position, 2);
  });

  test('a round of the sealer signs each council it moved once, however many entries it sealed', async () => {
    const council = await createTestCouncil(database, 'One signature');
    const signing = settings();
    await append(council.id, 30);
    assert.equal(await sealAuditTrail(database, signerOf(signing), [council.id]), 30);
    assert.deepEqual(await signedPositions(signing, council.id), [30]);
    assert.equal(await sealAuditTrail(database, signerOf(signing), [council.id]), 0);
    assert.deepEqual(await signedPositions(signing, council.id), [30], 'a head that did not move is not signed again');
  });

  test('verification reports the newest signed head it confirmed, whatever order the heads were written in', async () => {
    const council = await createTestCouncil(database, 'Newest signed');
    const signing = settings();
    const file = path.join(signing.store.folder, `${council.id}.jsonl`);
    await append(council.id, 3);
    await sealAuditTrail(database, signerOf(signing), [council.id]);
    const signedAtThree = readFileSync(file, 'utf8');
    await append(council.id, 2, 'later look');
    await sealAuditTrail(database, signerOf(signing), [council.id]);
    // Another process that sealed entry 3 wrote its signed head last.
    appendFileSync(file, signedAtThree);
    // Two more, sealed but not signed yet.
    await append(council.id, 2, 'newest look');
    await sealAuditTrail(database, null, [council.id]);

    const verification = await resultFor(council.id, signing);
    assert.equal(verification.ok, true);
    assert.equal(verification.entries, 7);
    assert.equal(verification.lastSignedHead?.position, 5);
    assert.match(verification.lastSignedHead?.signedAt ?? '', /^\d{4}-\d\d-\d\dT/);
  });

  for (const table of ['audit_events', 'audit_chain_heads']) {
    for (const statement of [`delete from ${table}`, `truncate ${table}`, `truncate ${table} cascade`]) {
      test(`the owner is refused: ${statement}`, async () => {
        const council = await createTestCouncil(database, 'Never removed');
        await append(council.id, 1);
        await sealAuditTrail(database, null, [council.id]);
        const notRefused = new Error('not refused');
        await assert.rejects(
          database.asOwner(async (owner) => {
            await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
            await owner.query(statement);
            // Not refused: roll back, so no other test (or test file on the server) loses its rows.
            throw notRefused;
          }),
          (error: unknown) => error !== notRefused && hasSqlState(error, SqlState.insufficientPrivilege),
        );
      });
    }
  }

  test('the owner cannot move a chain head back, or to the same place with another hash', async () => {
    const council = await createTestCouncil(database, 'Forward only');
    await append(council.id, 2);
    await sealAuditTrail(database, null, [council.id]);
    for (const statement of [
      'update audit_chain_heads set last_position = last_position - 1 where tenant_id = $1',
      `update audit_chain_heads set last_hash = repeat('0', 64) where tenant_id = $1`,
    ]) {
      await assert.rejects(
        database.asOwner(async (owner) => {
          await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
          await owner.query(statement, [council.id]);
        }),
        (error: unknown) => hasSqlState(error, SqlState.insufficientPrivilege),
        statement,
      );
    }
    assert.equal((await resultFor(council.id, settings())).ok, true);
  });
});
