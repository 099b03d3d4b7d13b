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
 *
 * The heads the sealer moves are signed once their transaction has committed (`signed-heads.ts`):
 * at most one signature per council per round, however many entries the round sealed, and while
 * Kith runs at most one a second per council (the newest head waits for the next round after
 * that), appended to a store outside the database. Removing the newest entries and moving the
 * head back is then caught by `audit:verify` once the head past them is signed: within about a
 * second and a quarter of the entries being written. A head is signed only after it is
 * committed, so a signed head always names entries that exist; a process that stops between the
 * two leaves that move unsigned (the next move, or `signCurrentHeads` at the next start, signs).
 */
import type { Database, SqlRunner } from '../db/database.js';
import { chainedFieldsOf, GENESIS_HASH, hashEntry } from './chain.js';
import { signingAtMostEvery, type HeadAt, type HeadSigner } from './signed-heads.js';
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

interface Batch {
  sealed: number;
  more: boolean;
  /** Where the batch moved the head to, if it sealed anything. */
  head?: HeadAt;
}

async function sealBatch(owner: SqlRunner, tenantId: string): Promise<Batch> {
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
  return {
    sealed: entries.length,
    more: entries.length === SEAL_BATCH,
    head: { tenantId, position, hash: previousHash },
  };
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
 * Seals every entry committed so far (of the given councils, or all), then signs the head of
 * each council it moved, once, with `signer` (null: leaves heads unsigned, for tests of the
 * chain alone). Returns how many entries it sealed. Safe to call at any time and from several
 * processes.
 */
export async function sealAuditTrail(
  database: Database,
  signer: HeadSigner | null,
  only?: readonly string[],
): Promise<number> {
  let sealed = 0;
  const moved = new Map<string, HeadAt>();
  try {
    for (const tenantId of await councilsWithUnsealedEntries(database, only)) {
      for (;;) {
        const batch = await database.asOwner((owner) => sealBatch(owner, tenantId));
        sealed += batch.sealed;
        if (batch.head) moved.set(tenantId, batch.head);
        if (!batch.more) break;
      }
    }
  } finally {
    // Whatever was committed is signed, even if a later council's batch failed. Called even when
    // nothing moved: a signer that waits between signatures signs what has waited long enough.
    await signer?.sign([...moved.values()]).catch((error: unknown) => {
      throw new Error('could not sign the audit chain heads the sealer moved', { cause: error });
    });
  }
  return sealed;
}

/** How often Kith seals while it runs. */
export const AUDIT_SEAL_INTERVAL_MS = 250;

/** The longest a moved head waits to be signed: at most one signature a second per council. */
export const AUDIT_SIGN_EVERY_MS = 1_000;

export interface AuditSealerOptions {
  /** Signs the heads the sealer moves; null leaves them unsigned. */
  signer: HeadSigner | null;
  onError: (error: unknown) => void;
  intervalMs?: number;
  /** Signs a council's head at most this often (0: every move); a later round signs the newest. */
  signEveryMs?: number;
}

/**
 * Seals and signs on a timer until stopped; one round at a time. `stop()` waits for the round in
 * hand, seals once more and signs every head still waiting, so nothing written before it is left
 * unsealed or unsigned.
 */
export function startAuditSealer(
  database: Database,
  { signer, onError, intervalMs = AUDIT_SEAL_INTERVAL_MS, signEveryMs = AUDIT_SIGN_EVERY_MS }: AuditSealerOptions,
): { stop(): Promise<void> } {
  const pacedSigner = signer && signingAtMostEvery(signer, signEveryMs);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const round = () => {
    if (busy) return;
    busy = true;
    running = sealAuditTrail(database, pacedSigner)
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
      await sealAuditTrail(database, pacedSigner).catch(onError);
      await pacedSigner?.flush().catch(onError);
    },
  };
}
