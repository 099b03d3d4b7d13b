/**
 * Versions of a record. A feature keeps its current state in its own table for fast reads,
 * and calls `saveVersion` in the same transaction on every change, so the history is
 * complete and commits with the change. The first change of a record made before history
 * was kept stores the earlier state as version 1, so nothing that was ever shown is lost.
 *
 * `expectedVersion` gives optimistic concurrency: two people editing the same record cannot
 * silently overwrite each other; the second save is told what changed in the meantime.
 */
import type { Tx } from '../db/database.js';
import {
  insertVersion,
  lockRecordForSave,
  selectLatestVersion,
  selectVersions,
  selectVersionsOfMany,
} from './queries.js';
import type { recordVersions } from './schema.js';

export type RecordContent = Record<string, unknown>;
export type RecordVersion = typeof recordVersions.$inferSelect;

export interface VersionAuthor {
  userId: string | null;
  label: string;
}

export async function latestVersion(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordId: string,
): Promise<RecordVersion | undefined> {
  return selectLatestVersion(tx, tenantId, recordType, recordId);
}

export async function versionsOf(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordId: string,
): Promise<RecordVersion[]> {
  return selectVersions(tx, tenantId, recordType, recordId);
}

export type SaveOutcome =
  | { outcome: 'saved'; version: number }
  | { outcome: 'conflict'; current: RecordVersion | { version: number; content: RecordContent } };

/**
 * Saves `content` as the next version. `before` is the record's state now, used as version 1
 * when the record has no history yet. Refuses (conflict) when someone else saved since
 * `expectedVersion` (the version the editor started from; 0 for "no history yet").
 */
export async function saveVersion(
  tx: Tx,
  tenantId: string,
  change: {
    recordType: string;
    recordId: string;
    before: RecordContent;
    beforeRecordedAt: Date;
    content: RecordContent;
    expectedVersion: number;
    author: VersionAuthor;
    reason: string;
    isCorrection: boolean;
  },
): Promise<SaveOutcome> {
  // One save of a record at a time: the lock lasts until this transaction ends.
  await lockRecordForSave(tx, tenantId, change.recordType, change.recordId);
  const latest = await latestVersion(tx, tenantId, change.recordType, change.recordId);
  const currentVersion = latest?.version ?? 0;
  if (currentVersion !== change.expectedVersion) {
    return { outcome: 'conflict', current: latest ?? { version: 0, content: change.before } };
  }
  let next = currentVersion + 1;
  if (!latest) {
    await insertVersion(tx, {
      tenantId,
      recordType: change.recordType,
      recordId: change.recordId,
      version: 1,
      recordedAt: change.beforeRecordedAt,
      recordedBy: null,
      recordedByLabel: 'As first recorded',
      reason: null,
      content: change.before,
    });
    next = 2;
  }
  await insertVersion(tx, {
    tenantId,
    recordType: change.recordType,
    recordId: change.recordId,
    version: next,
    recordedBy: change.author.userId,
    recordedByLabel: change.author.label,
    reason: change.reason,
    isCorrection: change.isCorrection,
    content: change.content,
  });
  return { outcome: 'saved', version: next };
}

/** The fields that differ between two versions, for a plain "what changed" view. */
export function changedFields(before: RecordContent, after: RecordContent): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).sort();
}

/**
 * Appends one version of a record that keeps its own version counter (relationships do), so
 * its state on any past date can be read back. The caller has already checked the counter.
 */
export async function appendVersion(
  tx: Tx,
  tenantId: string,
  entry: {
    recordType: string;
    recordId: string;
    version: number;
    author: VersionAuthor;
    reason: string | null;
    content: RecordContent;
    recordedAt?: Date;
  },
): Promise<void> {
  await insertVersion(tx, {
    tenantId,
    recordType: entry.recordType,
    recordId: entry.recordId,
    version: entry.version,
    recordedBy: entry.author.userId,
    recordedByLabel: entry.author.label,
    reason: entry.reason,
    content: entry.content,
    ...(entry.recordedAt ? { recordedAt: entry.recordedAt } : {}),
  });
}

/** Every version of the given records of one type, oldest first (for "as it was on" views). */
export async function versionsOfMany(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordIds: string[],
): Promise<RecordVersion[]> {
  if (recordIds.length === 0) return [];
  return selectVersionsOfMany(tx, tenantId, recordType, recordIds);
}
