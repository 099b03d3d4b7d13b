/** The only place SQL about assessments of need is written. Each takes the transaction. */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOfChild, rowsUnderChild } from '../../platform/db/reusable-query.js';
import { insertReturningRow, isRowOfChild, ofCouncil } from '../../platform/db/rows.js';
import { together } from '../../platform/db/tenancy.js';
import { recordVersions } from '../../platform/history/schema.js';
import { needAssessments, needAssessmentVersions, type AssessmentStatus } from './schema.js';
import type { AssessmentContent } from './sections.js';

export type VersionRow = typeof needAssessmentVersions.$inferSelect;
export type SeriesRow = typeof needAssessments.$inferSelect;

export const NEED_ASSESSMENT = 'need_assessment';

const seriesOfChildQuery = rowsOfChild(needAssessments, asc(needAssessments.startedAt));

/** Every version of every assessment of the child, read beside the series rather than after them. */
const versionsOfChild = rowsUnderChild(
  needAssessmentVersions,
  needAssessmentVersions.assessmentId,
  needAssessments,
  needAssessments.id,
  asc(needAssessmentVersions.versionNumber),
);

/** Each assessment series of the child, oldest first, with its versions (oldest first). */
export async function seriesOfChild(tx: Tx, tenantId: string, childId: string) {
  const [series, versions] = await together([
    seriesOfChildQuery(tx, tenantId, childId),
    versionsOfChild(tx, tenantId, childId),
  ]);
  return series.map((row) => ({ ...row, versions: versions.filter((version) => version.assessmentId === row.id) }));
}

/** One series of this child, with all its versions (oldest first). */
export async function findSeries(tx: Tx, tenantId: string, childId: string, assessmentId: string) {
  const [series] = await tx
    .select()
    .from(needAssessments)
    .where(isRowOfChild(needAssessments, tenantId, childId, assessmentId));
  if (!series) return null;
  const versions = await tx
    .select()
    .from(needAssessmentVersions)
    .where(ofCouncil(needAssessmentVersions, tenantId, eq(needAssessmentVersions.assessmentId, assessmentId)))
    .orderBy(asc(needAssessmentVersions.versionNumber));
  return { ...series, versions };
}

export async function insertSeries(
  tx: Tx,
  tenantId: string,
  series: { childPersonId: string; startedBy: string | null; startedByLabel: string; startedAt?: Date },
): Promise<SeriesRow> {
  return insertReturningRow(tx, needAssessments, { tenantId, ...series });
}

export async function insertVersion(
  tx: Tx,
  tenantId: string,
  version: {
    assessmentId: string;
    versionNumber: number;
    content: AssessmentContent;
    authorUserId: string;
    authorLabel: string;
    createdAt?: Date;
  },
): Promise<VersionRow> {
  const { content, ...rest } = version;
  return insertReturningRow(tx, needAssessmentVersions, {
    tenantId,
    ...rest,
    ...content,
    updatedByLabel: version.authorLabel,
    updatedAt: version.createdAt,
  });
}

/**
 * Changes a version only if it is still at `expectedRevision` and in `fromStatus`; the new row,
 * or null when someone else changed it first (or it moved on). The database refuses any change
 * to a signed-off version whatever this is asked (the trigger in migrations/0013).
 */
export async function updateVersion(
  tx: Tx,
  tenantId: string,
  versionId: string,
  change: Partial<Omit<VersionRow, 'tenantId' | 'id' | 'assessmentId' | 'versionNumber' | 'revision'>> & {
    updatedByLabel: string;
  },
  expected: { revision: number; status: AssessmentStatus },
): Promise<VersionRow | null> {
  const [row] = await tx
    .update(needAssessmentVersions)
    .set({
      ...change,
      updatedAt: change.updatedAt ?? new Date(),
      revision: sql`${needAssessmentVersions.revision} + 1`,
    })
    .where(
      ofCouncil(
        needAssessmentVersions,
        tenantId,
        eq(needAssessmentVersions.id, versionId),
        eq(needAssessmentVersions.revision, expected.revision),
        eq(needAssessmentVersions.status, expected.status),
      ),
    )
    .returning();
  return row ?? null;
}

/** Everyone who saved a version of this assessment version (its kept revisions). */
export async function contributorsOf(tx: Tx, tenantId: string, versionId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ userId: recordVersions.recordedBy })
    .from(recordVersions)
    .where(
      and(
        eq(recordVersions.tenantId, tenantId),
        eq(recordVersions.recordType, NEED_ASSESSMENT),
        eq(recordVersions.recordId, versionId),
        isNotNull(recordVersions.recordedBy),
        sql`${recordVersions.content} ->> 'event' in ('started', 'saved')`,
      ),
    );
  return rows.flatMap((row) => (row.userId ? [row.userId] : []));
}

/** One change to a series at a time (starting a new version), until the transaction ends. */
export async function lockSeries(tx: Tx, tenantId: string, assessmentId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}:need_assessment:${assessmentId}`}, 0))`,
  );
}
