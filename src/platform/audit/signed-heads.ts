/**
 * A chain alone does not stop someone who can rewrite every row and recompute every hash, or
 * who removes the newest entries and moves the head back. So each time the sealer moves a
 * council's chain head it signs the new head (HMAC-SHA256, with a key that is not in the
 * database) and appends the signed head to a store outside the database. A rewrite or a
 * rollback of the chain then disagrees with a signature the rewriter could not forge.
 *
 * The store is append-only and behind a small interface (`SignedHeadStore`): a file per
 * council by default (`signed-heads-file.ts`); a council may later put it somewhere the Kith
 * server cannot rewrite (a write-once bucket, a transparency log) without touching the sealer
 * or the verifier.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import type { Config } from '../../config.js';
import { readOrCreateSecret } from '../../config.js';
import type { Database } from '../db/database.js';
import { chainHead, councilIds, enterCouncil } from './queries.js';
import { FileSignedHeadStore } from './signed-heads-file.js';

/** A council's chain head at one moment: its newest sealed entry's position and hash. */
export interface HeadAt {
  tenantId: string;
  /** The head's place in the council's chain (1 is the council's first entry). */
  position: number;
  hash: string;
}

export interface SignedHead extends HeadAt {
  signedAt: string;
  /** HMAC-SHA256 of the council, position, hash and time, in hex. */
  signature: string;
}

/** What a store gives back: a signed head, or a record that could not be read as one. */
export type StoredSignedHead = SignedHead | { unreadable: string };

/** Where signed heads are kept: outside the database, append-only. */
export interface SignedHeadStore {
  /**
   * Appends signed heads. Each is written whole: several processes may append at once and no
   * record is ever split or mixed with another.
   */
  append(heads: readonly SignedHead[]): Promise<void>;
  /** Every head signed for a council, in the order they were written. */
  read(tenantId: string): Promise<StoredSignedHead[]>;
  /** Where the heads are, for messages ("in /var/lib/kith/audit-checkpoints"). */
  readonly description: string;
}

export function signHead(key: string, head: HeadAt & { signedAt: string }): string {
  // The same payload as the checkpoints written before the sealer signed (then named `sequence`).
  return createHmac('sha256', key)
    .update(JSON.stringify([head.tenantId, head.position, head.hash, head.signedAt]))
    .digest('hex');
}

export function headSignatureIsValid(key: string, head: SignedHead): boolean {
  const expected = Buffer.from(signHead(key, head), 'hex');
  const given = Buffer.from(typeof head.signature === 'string' ? head.signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Signs heads and appends them to the store, in one append per call. */
export interface HeadSigner {
  readonly store: SignedHeadStore;
  sign(heads: readonly HeadAt[]): Promise<void>;
}

export function headSigner(key: string, store: SignedHeadStore, clock: () => Date = () => new Date()): HeadSigner {
  return {
    store,
    async sign(heads) {
      if (heads.length === 0) return;
      const signedAt = clock().toISOString();
      await store.append(
        heads.map((head) => {
          const fields = { tenantId: head.tenantId, position: head.position, hash: head.hash, signedAt };
          return { ...fields, signature: signHead(key, fields) };
        }),
      );
    },
  };
}

/**
 * A signer that signs each council's head at most once every `everyMs` in this process. A head
 * moved sooner waits; the newest waiting head is signed by the first call after the gap (the
 * sealer calls every round, moved or not) or by `flush()`. Bounds the store's growth under a
 * steady stream of entries (at most one line per council per `everyMs` per process) at the
 * price of up to `everyMs` more before a move is signed.
 */
export function signingAtMostEvery(
  signer: HeadSigner,
  everyMs: number,
  now: () => number = () => Date.now(),
): HeadSigner & { flush(): Promise<void> } {
  const waiting = new Map<string, HeadAt>();
  const lastSigned = new Map<string, number>();
  const signWaiting = async (due: (tenantId: string) => boolean) => {
    const heads = [...waiting.values()].filter((head) => due(head.tenantId));
    if (heads.length === 0) return;
    // Taken off the waiting list only once signed: a failed append is tried again next round.
    await signer.sign(heads);
    const signedAt = now();
    for (const head of heads) {
      if (waiting.get(head.tenantId) === head) waiting.delete(head.tenantId);
      lastSigned.set(head.tenantId, signedAt);
    }
  };
  return {
    store: signer.store,
    async sign(heads) {
      for (const head of heads) {
        const known = waiting.get(head.tenantId);
        if (!known || head.position > known.position) waiting.set(head.tenantId, head);
      }
      const time = now();
      await signWaiting((tenantId) => time - (lastSigned.get(tenantId) ?? -Infinity) >= everyMs);
    },
    flush: () => signWaiting(() => true),
  };
}

export interface SigningSettings {
  key: string;
  store: SignedHeadStore;
}

/**
 * The key and the store from the environment: `AUDIT_CHECKPOINT_KEY` (else a key generated once
 * in the data folder) and `AUDIT_CHECKPOINT_DIR` (else `audit-checkpoints` in the data folder).
 */
export function auditSigningSettings(config: Pick<Config, 'dataDir'>, environment = process.env): SigningSettings {
  return {
    key: environment.AUDIT_CHECKPOINT_KEY || readOrCreateSecret(config.dataDir, 'audit-checkpoint-key'),
    store: new FileSignedHeadStore(environment.AUDIT_CHECKPOINT_DIR || path.join(config.dataDir, 'audit-checkpoints')),
  };
}

/**
 * Signs the current head of every council that has one. The sealer signs the heads it moves;
 * this covers a head moved while nothing signed it (a process that stopped between moving a head
 * and signing it). It does not read the store to skip heads already signed (that would read
 * every council's whole file at each start): a head signed twice is harmless. Returns how many
 * it signed.
 */
export async function signCurrentHeads(database: Database, signer: HeadSigner): Promise<number> {
  const heads = await database.asOwner(async (owner) => {
    const found: HeadAt[] = [];
    for (const tenantId of await councilIds(owner)) {
      // Tables force row-level security, so even the owner reads a council inside its setting.
      await enterCouncil(owner, tenantId);
      const head = await chainHead(owner, tenantId);
      if (head && Number(head.last_position) > 0) {
        found.push({ tenantId, position: Number(head.last_position), hash: head.last_hash });
      }
    }
    return found;
  });
  await signer.sign(heads);
  return heads.length;
}
