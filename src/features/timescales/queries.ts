/** The timescale policy's SQL, in the council's transaction. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { DEFAULT_TIMESCALE_POLICY, type TimescalePolicy } from './policy.js';
import { timescalePolicyVersions as versions } from './schema.js';
import { visits } from '../voice/schema.js';

export interface PolicyVersion {
  version: number;
  policy: TimescalePolicy;
  reason: string;
  recordedByLabel: string;
  recordedAt: Date;
}

type Row = typeof versions.$inferSelect;

const policyOf = (row: Row): TimescalePolicy => ({
  nation: row.nation,
  visitEveryWorkingDays: {
    family_help: row.visitFamilyHelpWorkingDays,
    child_protection: row.visitChildProtectionWorkingDays,
    child_in_care: row.visitChildInCareWorkingDays,
    care_leaver: row.visitCareLeaverWorkingDays,
  },
  reviews: {
    familyHelpMonths: row.reviewFamilyHelpMonths,
    childProtectionFirstMonths: row.reviewChildProtectionFirstMonths,
    childProtectionLaterMonths: row.reviewChildProtectionLaterMonths,
    childInCareFirstWorkingDays: row.reviewChildInCareFirstWorkingDays,
    childInCareSecondMonths: row.reviewChildInCareSecondMonths,
    childInCareLaterMonths: row.reviewChildInCareLaterMonths,
  },
  closureDays: row.closureDays,
});

const versionOf = (row: Row): PolicyVersion => ({
  version: row.version,
  policy: policyOf(row),
  reason: row.reason,
  recordedByLabel: row.recordedByLabel,
  recordedAt: row.recordedAt,
});

/** Every version of the council's policy, newest first. */
export async function policyVersionsOf(tx: Tx, tenantId: string): Promise<PolicyVersion[]> {
  const rows = await tx.select().from(versions).where(eq(versions.tenantId, tenantId)).orderBy(desc(versions.version));
  return rows.map(versionOf);
}

/** The council's policy now, with its version (0 for Kith's defaults, never changed). */
export async function currentPolicyOf(tx: Tx, tenantId: string): Promise<{ version: number; policy: TimescalePolicy }> {
  const [row] = await tx
    .select()
    .from(versions)
    .where(eq(versions.tenantId, tenantId))
    .orderBy(desc(versions.version))
    .limit(1);
  return row ? { version: row.version, policy: policyOf(row) } : { version: 0, policy: DEFAULT_TIMESCALE_POLICY };
}

/** Adds the next version; the unique (tenant, version) refuses a save made from an older one. */
export async function insertPolicyVersion(
  tx: Tx,
  tenantId: string,
  input: { version: number; policy: TimescalePolicy; reason: string; recordedBy: string; recordedByLabel: string },
): Promise<void> {
  const { policy } = input;
  await tx.insert(versions).values({
    tenantId,
    version: input.version,
    nation: policy.nation,
    visitFamilyHelpWorkingDays: policy.visitEveryWorkingDays.family_help,
    visitChildProtectionWorkingDays: policy.visitEveryWorkingDays.child_protection,
    visitChildInCareWorkingDays: policy.visitEveryWorkingDays.child_in_care,
    visitCareLeaverWorkingDays: policy.visitEveryWorkingDays.care_leaver,
    reviewFamilyHelpMonths: policy.reviews.familyHelpMonths,
    reviewChildProtectionFirstMonths: policy.reviews.childProtectionFirstMonths,
    reviewChildProtectionLaterMonths: policy.reviews.childProtectionLaterMonths,
    reviewChildInCareFirstWorkingDays: policy.reviews.childInCareFirstWorkingDays,
    reviewChildInCareSecondMonths: policy.reviews.childInCareSecondMonths,
    reviewChildInCareLaterMonths: policy.reviews.childInCareLaterMonths,
    closureDays: [...policy.closureDays],
    reason: input.reason,
    recordedBy: input.recordedBy,
    recordedByLabel: input.recordedByLabel,
  });
}

/** The last day each child was seen on a visit (UK date), for the children asked about. */
export async function lastSeenOf(tx: Tx, tenantId: string, childIds: readonly string[]): Promise<Map<string, string>> {
  if (childIds.length === 0) return new Map();
  const rows = await tx
    .select({
      childId: visits.childPersonId,
      lastSeen: sql<string>`max((${visits.happenedAt} at time zone 'Europe/London')::date)::text`,
    })
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), inArray(visits.childPersonId, [...childIds]), eq(visits.childSeen, true)))
    .groupBy(visits.childPersonId);
  return new Map(rows.map((row) => [row.childId, row.lastSeen]));
}
