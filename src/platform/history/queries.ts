/** SQL for versions of records (record_versions, an append-only table). */
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { recordVersions } from './schema.js';

type RecordVersionRow = typeof recordVersions.$inferSelect;
/** One version as it is written; what is left out takes its column's default. */
export type NewRecordVersion = typeof recordVersions.$inferInsert;

/** The versions of the council's records of one type that `which` picks. */
const ofRecords = (tenantId: string, recordType: string, which: SQL): SQL =>
  and(eq(recordVersions.tenantId, tenantId), eq(recordVersions.recordType, recordType), which)!;

const versionsNewestFirst = (tx: Tx, tenantId: string, recordType: string, recordId: string) =>
  tx
    .select()
    .from(recordVersions)
    .where(ofRecords(tenantId, recordType, eq(recordVersions.recordId, recordId)))
    .orderBy(desc(recordVersions.version));

/** A record's newest version, if it has any. */
export async function selectLatestVersion(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordId: string,
): Promise<RecordVersionRow | undefined> {
  const [latest] = await versionsNewestFirst(tx, tenantId, recordType, recordId).limit(1);
  return latest;
}

/** Every version of a record, newest first. */
export async function selectVersions(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordId: string,
): Promise<RecordVersionRow[]> {
  return versionsNewestFirst(tx, tenantId, recordType, recordId);
}

/** Every version of the given records of one type, oldest first (by when recorded, then version). */
export async function selectVersionsOfMany(
  tx: Tx,
  tenantId: string,
  recordType: string,
  recordIds: string[],
): Promise<RecordVersionRow[]> {
  return tx
    .select()
    .from(recordVersions)
    .where(ofRecords(tenantId, recordType, inArray(recordVersions.recordId, recordIds)))
    .orderBy(recordVersions.recordedAt, recordVersions.version);
}

/**
 * Takes the lock for saving one record, held until this transaction ends: one save of a record
 * at a time. (The table is append-only, so the application role cannot lock its rows with
 * SELECT ... FOR UPDATE.)
 */
export async function lockRecordForSave(tx: Tx, tenantId: string, recordType: string, recordId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${recordType}:${recordId}`}, 0))`);
}

/** Appends one version. */
export async function insertVersion(tx: Tx, version: NewRecordVersion): Promise<void> {
  await tx.insert(recordVersions).values(version);
}
