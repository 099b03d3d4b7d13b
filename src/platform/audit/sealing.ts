/**
 * The sealer links new audit entries into their council's hash chain.
 *
 * Requests append entries without touching the chain (so they never wait for one another);
 * the sealer, running as the schema owner a few times a second, takes each council's chain
 * head, gives the council's unsealed entries the next chain positions in the order of their
 * sequence, hashes each onto the one before, and moves the head on, all in one transaction.
 * An entry that commits late (its transaction ran long) is sealed in a later round, after
 * entries with higher sequences: the chain records the order entries were sealed in, and
 * `sequence` the order they were written in.
 *
 * Two Kith processes may seal at once: the head is taken with SKIP LOCKED, so a council being
 * sealed by one is left to it by the other.
 */
import type { Database, SqlRunner } from '../db/database.js';
import { chainedFieldsOf, GENESIS_HASH, hashEntry, type StoredAuditEntry } from './chain.js';

/** Entries sealed in one transaction. */
const SEAL_BATCH = 2_000;

async function sealBatch(owner: SqlRunner, tenantId: string): Promise<{ sealed: number; more: boolean }> {
  await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
  await owner.query(
    `insert into audit_chain_heads (tenant_id, last_position, last_hash) values ($1, 0, $2) on conflict do nothing`,
    [tenantId, GENESIS_HASH],
  );
  const [head] = await owner.query<{ last_position: string | number; last_hash: string }>(
    'select last_position, last_hash from audit_chain_heads where tenant_id = $1 for update skip locked',
    [tenantId],
  );
  // Another sealer has this council's chain in hand.
  if (!head) return { sealed: 0, more: false };
  const entries = await owner.query<StoredAuditEntry & Record<string, unknown>>(
    `select * from audit_events where tenant_id = $1 and hash is null order by sequence limit ${SEAL_BATCH}`,
    [tenantId],
  );
  if (entries.length === 0) return { sealed: 0, more: false };

  let position = Number(head.last_position);
  let previousHash = head.last_hash;
  const sequences: string[] = [];
  const positions: number[] = [];
  const previousHashes: string[] = [];
  const hashes: string[] = [];
  for (const entry of entries) {
    position += 1;
    const hash = hashEntry(previousHash, chainedFieldsOf(tenantId, entry));
    sequences.push(String(entry.sequence));
    positions.push(position);
    previousHashes.push(previousHash);
    hashes.push(hash);
    previousHash = hash;
  }
  await owner.query(
    `update audit_events e
        set chain_position = s.position, previous_hash = s.previous_hash, hash = s.hash
       from unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[]) as s(sequence, position, previous_hash, hash)
      where e.tenant_id = $1 and e.sequence = s.sequence`,
    [tenantId, sequences, positions, previousHashes, hashes],
  );
  await owner.query('update audit_chain_heads set last_position = $2, last_hash = $3 where tenant_id = $1', [
    tenantId,
    position,
    previousHash,
  ]);
  return { sealed: entries.length, more: entries.length === SEAL_BATCH };
}

/** The councils with entries waiting to be sealed (one owner transaction, one probe each). */
async function councilsWithUnsealedEntries(database: Database, only?: readonly string[]): Promise<string[]> {
  return database.asOwner(async (owner) => {
    const councils =
      only ?? (await owner.query<{ id: string }>('select id from tenants order by id')).map((row) => row.id);
    const waiting: string[] = [];
    for (const tenantId of councils) {
      // Tables force row-level security, so even the owner reads a council inside its setting.
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      const [found] = await owner.query<{ waiting: boolean }>(
        'select exists (select 1 from audit_events where tenant_id = $1 and hash is null) as waiting',
        [tenantId],
      );
      if (found?.waiting) waiting.push(tenantId);
    }
    return waiting;
  });
}

/**
 * Seals every entry committed so far (of the given councils, or all). Returns how many it
 * sealed. Safe to call at any time and from several processes.
 */
export async function sealAuditTrail(database: Database, only?: readonly string[]): Promise<number> {
  let sealed = 0;
  for (const tenantId of await councilsWithUnsealedEntries(database, only)) {
    for (;;) {
      const batch = await database.asOwner((owner) => sealBatch(owner, tenantId));
      sealed += batch.sealed;
      if (!batch.more) break;
    }
  }
  return sealed;
}

/** How often Kith seals while it runs. */
export const AUDIT_SEAL_INTERVAL_MS = 250;

/**
 * Seals on a timer until stopped; one round at a time. `stop()` waits for the round in hand
 * and seals once more, so nothing written before it is left unsealed.
 */
export function startAuditSealer(
  database: Database,
  onError: (error: unknown) => void,
  intervalMs = AUDIT_SEAL_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const round = () => {
    if (busy) return;
    busy = true;
    running = sealAuditTrail(database)
      .catch(onError)
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealAuditTrail(database).catch(onError);
    },
  };
}
