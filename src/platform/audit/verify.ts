/**
 * Re-computes every council's audit chain from its first entry and checks it against the
 * signed checkpoints. Names the first broken entry, in words an auditor can act on.
 */
import type { Database, SqlRunner } from '../db/database.js';
import { GENESIS_HASH, hashEntry } from './chain.js';
import { checkpointSignatureIsValid, readCheckpoints, type CheckpointSettings } from './checkpoints.js';
import type { AuditDetails, AuditOutcome } from './schema.js';

export interface CouncilVerification {
  tenantId: string;
  councilName: string;
  entries: number;
  ok: boolean;
  firstBrokenSequence?: number;
  problem?: string;
  lastCheckpoint?: { sequence: number; signedAt: string };
}

interface StoredEntry {
  sequence: string;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  outcome: AuditOutcome;
  subject_type: string | null;
  subject_id: string | null;
  child_person_id: string | null;
  reason: string | null;
  source_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: AuditDetails | string;
  previous_hash: string;
  hash: string;
}

const BATCH = 5000;

async function verifyCouncil(
  owner: SqlRunner,
  council: { id: string; name: string },
  settings: CheckpointSettings,
): Promise<CouncilVerification> {
  await owner.query(`select set_config('kith.tenant_id', $1, true)`, [council.id]);
  const result: CouncilVerification = { tenantId: council.id, councilName: council.name, entries: 0, ok: true };
  const broken = (sequence: number, problem: string): CouncilVerification => ({
    ...result,
    ok: false,
    firstBrokenSequence: sequence,
    problem,
  });
  const hashes = new Map<number, string>();
  const checkpoints = readCheckpoints(settings.checkpointDir, council.id);
  const wantedSequences = new Set(
    checkpoints.flatMap((checkpoint) => ('sequence' in checkpoint ? [checkpoint.sequence] : [])),
  );

  let previousHash = GENESIS_HASH;
  let expectedSequence = 1;
  for (;;) {
    const rows = await owner.query<StoredEntry & Record<string, unknown>>(
      `select * from audit_events where tenant_id = $1 and sequence >= $2 order by sequence limit ${BATCH}`,
      [council.id, expectedSequence],
    );
    for (const row of rows) {
      const sequence = Number(row.sequence);
      if (sequence !== expectedSequence) {
        return broken(expectedSequence, `entry ${expectedSequence} is missing (the next entry found is ${sequence})`);
      }
      if (row.previous_hash !== previousHash) {
        return broken(
          sequence,
          `entry ${sequence} does not follow entry ${sequence - 1} (its link to the previous entry is wrong)`,
        );
      }
      const recomputed = hashEntry(previousHash, {
        tenantId: council.id,
        sequence,
        occurredAt: new Date(row.occurred_at),
        actorUserId: row.actor_user_id,
        actorLabel: row.actor_label,
        action: row.action,
        outcome: row.outcome,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        childPersonId: row.child_person_id,
        reason: row.reason,
        sourceIp: row.source_ip,
        userAgent: row.user_agent,
        requestId: row.request_id,
        details: typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
      });
      if (recomputed !== row.hash) {
        return broken(
          sequence,
          `entry ${sequence} was changed after it was written (its hash does not match its contents)`,
        );
      }
      if (wantedSequences.has(sequence)) hashes.set(sequence, row.hash);
      previousHash = row.hash;
      expectedSequence = sequence + 1;
      result.entries += 1;
    }
    if (rows.length < BATCH) break;
  }

  const [head] = await owner.query<{ last_sequence: string; last_hash: string }>(
    'select last_sequence, last_hash from audit_chain_heads where tenant_id = $1',
    [council.id],
  );
  if (head && (Number(head.last_sequence) !== result.entries || head.last_hash !== previousHash)) {
    return broken(
      result.entries + 1,
      `the chain ends at entry ${result.entries} but its recorded head is entry ${head.last_sequence} (entries were removed from the end)`,
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
  const councils = await database.asOwner((owner) =>
    owner.query<{ id: string; name: string }>('select id, name from tenants order by name'),
  );
  const results: CouncilVerification[] = [];
  for (const council of councils) {
    results.push(await database.asOwner((owner) => verifyCouncil(owner, council, settings)));
  }
  return results;
}
