/**
 * Re-computes every council's audit chain from its first entry and checks it against the
 * signed checkpoints. Names the first broken entry, in words an auditor can act on. Entries
 * are numbered by their place in the council's chain (entry 1 is the council's first).
 */
import type { Database, SqlRunner } from '../db/database.js';
import { chainedFieldsOf, GENESIS_HASH, hashEntry } from './chain.js';
import { checkpointSignatureIsValid, readCheckpoints, type CheckpointSettings } from './checkpoints.js';
import { chainHead, councilsByName, countUnsealedEntries, enterCouncil, sealedEntriesFrom } from './queries.js';

export interface CouncilVerification {
  tenantId: string;
  councilName: string;
  /** Sealed entries checked. */
  entries: number;
  /** Entries written moments ago that the sealer has not linked into the chain yet. */
  waitingToBeSealed: number;
  ok: boolean;
  /** The chain position (1 is the council's first entry) where the chain first breaks. */
  firstBrokenEntry?: number;
  problem?: string;
  lastCheckpoint?: { sequence: number; signedAt: string };
}

const BATCH = 5000;

async function verifyCouncil(
  owner: SqlRunner,
  council: { id: string; name: string },
  settings: CheckpointSettings,
): Promise<CouncilVerification> {
  await enterCouncil(owner, council.id);
  const waitingToBeSealed = await countUnsealedEntries(owner, council.id);
  const result: CouncilVerification = {
    tenantId: council.id,
    councilName: council.name,
    entries: 0,
    waitingToBeSealed,
    ok: true,
  };
  const broken = (position: number, problem: string): CouncilVerification => ({
    ...result,
    ok: false,
    firstBrokenEntry: position,
    problem,
  });
  const hashes = new Map<number, string>();
  const checkpoints = readCheckpoints(settings.checkpointDir, council.id);
  const wantedPositions = new Set(
    checkpoints.flatMap((checkpoint) => ('sequence' in checkpoint ? [checkpoint.sequence] : [])),
  );

  let previousHash = GENESIS_HASH;
  let expectedPosition = 1;
  for (;;) {
    const rows = await sealedEntriesFrom(owner, council.id, expectedPosition, BATCH);
    for (const row of rows) {
      const position = Number(row.chain_position);
      if (position !== expectedPosition) {
        return broken(expectedPosition, `entry ${expectedPosition} is missing (the next entry found is ${position})`);
      }
      if (row.previous_hash !== previousHash) {
        return broken(
          position,
          `entry ${position} does not follow entry ${position - 1} (its link to the previous entry is wrong)`,
        );
      }
      if (hashEntry(previousHash, chainedFieldsOf(council.id, row)) !== row.hash) {
        return broken(
          position,
          `entry ${position} was changed after it was written (its hash does not match its contents)`,
        );
      }
      if (wantedPositions.has(position)) hashes.set(position, row.hash);
      previousHash = row.hash;
      expectedPosition = position + 1;
      result.entries += 1;
    }
    if (rows.length < BATCH) break;
  }

  const head = await chainHead(owner, council.id);
  if (head && (Number(head.last_position) !== result.entries || head.last_hash !== previousHash)) {
    return broken(
      result.entries + 1,
      `the chain ends at entry ${result.entries} but its recorded head is entry ${head.last_position} (entries were removed from the end)`,
    );
  }

  for (const checkpoint of checkpoints) {
    if ('unreadable' in checkpoint || !checkpointSignatureIsValid(settings.key, checkpoint)) {
      return {
        ...result,
        ok: false,
        problem: 'a checkpoint signature is not valid (the checkpoint file was edited, or the key changed)',
      };
    }
    const hash = hashes.get(checkpoint.sequence);
    if (checkpoint.sequence > result.entries) {
      return broken(
        result.entries + 1,
        `the checkpoint signed at ${checkpoint.signedAt} covers entry ${checkpoint.sequence}, but the log now ends at entry ${result.entries} (entries were removed)`,
      );
    }
    if (hash !== checkpoint.hash) {
      return broken(
        checkpoint.sequence,
        `the chain was rewritten: the checkpoint signed at ${checkpoint.signedAt} says entry ${checkpoint.sequence} had hash ${checkpoint.hash.slice(0, 12)}…, the log now has ${(hash ?? '').slice(0, 12)}…`,
      );
    }
    result.lastCheckpoint = { sequence: checkpoint.sequence, signedAt: checkpoint.signedAt };
  }
  return result;
}

export async function verifyAuditLog(database: Database, settings: CheckpointSettings): Promise<CouncilVerification[]> {
  const councils = await database.asOwner((owner) => councilsByName(owner));
  const results: CouncilVerification[] = [];
  for (const council of councils) {
    results.push(await database.asOwner((owner) => verifyCouncil(owner, council, settings)));
  }
  return results;
}
