/**
 * A chain alone does not stop someone who can rewrite every row and recompute every hash.
 * So the head of each council's chain is signed (HMAC-SHA256) with a key that is not in the
 * database, and the signed checkpoint is kept outside it: one JSON line per checkpoint in
 * `<checkpointDir>/<councilId>.jsonl`. A rewrite of the chain then disagrees with a signature
 * the rewriter could not forge.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.js';
import { readOrCreateSecret } from '../../config.js';
import type { Database } from '../db/database.js';
import { chainHead, councilIds, enterCouncil } from './queries.js';

export interface Checkpoint {
  tenantId: string;
  /** The head's place in the council's chain (named `sequence` in files written before sealing). */
  sequence: number;
  hash: string;
  signedAt: string;
  signature: string;
}

export interface CheckpointSettings {
  checkpointDir: string;
  key: string;
}

export function auditCheckpointSettings(
  config: Pick<Config, 'dataDir'>,
  environment = process.env,
): CheckpointSettings {
  return {
    checkpointDir: environment.AUDIT_CHECKPOINT_DIR ?? path.join(config.dataDir, 'audit-checkpoints'),
    key: environment.AUDIT_CHECKPOINT_KEY ?? readOrCreateSecret(config.dataDir, 'audit-checkpoint-key'),
  };
}

export function signCheckpoint(key: string, fields: Omit<Checkpoint, 'signature'>): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([fields.tenantId, fields.sequence, fields.hash, fields.signedAt]))
    .digest('hex');
}

export function checkpointSignatureIsValid(key: string, checkpoint: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const given = Buffer.from(checkpoint.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function checkpointFile(checkpointDir: string, tenantId: string): string {
  return path.join(checkpointDir, `${tenantId}.jsonl`);
}

/** Every checkpoint written for a council; a line that does not parse is kept as invalid. */
export function readCheckpoints(checkpointDir: string, tenantId: string): (Checkpoint | { unreadable: string })[] {
  const file = checkpointFile(checkpointDir, tenantId);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Checkpoint;
      } catch {
        return { unreadable: line };
      }
    });
}

/** Signs the current head of every council whose chain has moved since its last checkpoint. */
export async function writeCheckpoints(
  database: Database,
  settings: CheckpointSettings,
  now: Date = new Date(),
): Promise<number> {
  mkdirSync(settings.checkpointDir, { recursive: true, mode: 0o700 });
  const heads = await database.asOwner(async (owner) => {
    const councils = await councilIds(owner);
    const found: { tenantId: string; sequence: number; hash: string }[] = [];
    for (const tenantId of councils) {
      // Tables force row-level security, so even the owner reads a council inside its setting.
      await enterCouncil(owner, tenantId);
      const head = await chainHead(owner, tenantId);
      if (head) found.push({ tenantId, sequence: Number(head.last_position), hash: head.last_hash });
    }
    return found;
  });
  let written = 0;
  for (const head of heads) {
    const previous = readCheckpoints(settings.checkpointDir, head.tenantId).at(-1);
    if (previous && 'sequence' in previous && previous.sequence === head.sequence) continue;
    const fields = { ...head, signedAt: now.toISOString() };
    const line = `${JSON.stringify({ ...fields, signature: signCheckpoint(settings.key, fields) })}\n`;
    const file = checkpointFile(settings.checkpointDir, head.tenantId);
    appendFileSync(file, line, { mode: 0o600 });
    chmodSync(file, 0o600);
    written += 1;
  }
  return written;
}
