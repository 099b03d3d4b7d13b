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
import { chainedFieldsOf, GENESIS_HASH, hashEntry } from './chain.js';
import {
  councilIds,
  ensureChainHead,
  enterCouncil,
  hasUnsealedEntries,
  lockChainHead,
  moveChainHead,
  sealEntries,
  unsealedEntries,
} from './queries.js';

/** Entries sealed in one transaction. */
const SEAL_BATCH = 2_000;

async function sealBatch(owner: SqlRunner, tenantId: string): Promise<{ sealed: number; more: boolean }> {
  await enterCouncil(owner, tenantId);
  await ensureChainHead(owner, tenantId, GENESIS_HASH);
  const head = await lockChainHead(owner, tenantId);
  // Another sealer has this council's chain in hand.
  if (!head) return { sealed: 0, more: false };
  const entries = await unsealedEntries(owner, tenantId, SEAL_BATCH);
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
  await sealEntries(owner, tenantId, { sequences, positions, previousHashes, hashes });
  await moveChainHead(owner, tenantId, position, previousHash);
  return { sealed: entries.length, more: entries.length === SEAL_BATCH };
}

/** The councils with entries waiting to be sealed (one owner transaction, one probe each). */
async function councilsWithUnsealedEntries(database: Database, only?: readonly string[]): Promise<string[]> {
  return database.asOwner(async (owner) => {
    const councils = only ?? (await councilIds(owner));
    const waiting: string[] = [];
    for (const tenantId of councils) {
      // Tables force row-level security, so even the owner reads a council inside its setting.
      await enterCouncil(owner, tenantId);
      if (await hasUnsealedEntries(owner, tenantId)) waiting.push(tenantId);
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
