/** The only place SQL about safe uncertainty is written. Each takes the transaction. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { reusableQuery } from '../../platform/db/reusable-query.js';
import { safeUncertaintyPositions, safeUncertaintyQuestions, type GridPosition, type QuestionKind } from './schema.js';

export type PositionRow = typeof safeUncertaintyPositions.$inferSelect;
export type QuestionRow = typeof safeUncertaintyQuestions.$inferSelect;

const positionsOfQuery = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select()
    .from(safeUncertaintyPositions)
    .where(
      and(eq(safeUncertaintyPositions.tenantId, p.tenantId), eq(safeUncertaintyPositions.childPersonId, p.childId)),
    )
    .orderBy(asc(safeUncertaintyPositions.assessedOn), asc(safeUncertaintyPositions.recordedAt)),
);

export function positionsOf(tx: Tx, tenantId: string, childId: string): Promise<PositionRow[]> {
  return positionsOfQuery(tx, { tenantId, childId });
}

export async function questionsOf(tx: Tx, tenantId: string, childId: string): Promise<QuestionRow[]> {
  return tx
    .select()
    .from(safeUncertaintyQuestions)
    .where(and(eq(safeUncertaintyQuestions.tenantId, tenantId), eq(safeUncertaintyQuestions.childPersonId, childId)))
    .orderBy(asc(safeUncertaintyQuestions.revisitOn), asc(safeUncertaintyQuestions.recordedAt));
}

export async function findQuestion(
  tx: Tx,
  tenantId: string,
  childId: string,
  questionId: string,
): Promise<QuestionRow | undefined> {
  const [row] = await tx
    .select()
    .from(safeUncertaintyQuestions)
    .where(
      and(
        eq(safeUncertaintyQuestions.tenantId, tenantId),
        eq(safeUncertaintyQuestions.childPersonId, childId),
        eq(safeUncertaintyQuestions.id, questionId),
      ),
    );
  return row;
}

export async function insertPosition(
  tx: Tx,
  tenantId: string,
  position: {
    childPersonId: string;
    position: GridPosition;
    reasons: string;
    assessedOn: string;
    recordedBy: string | null;
    recordedByLabel: string;
    recordedAt?: Date;
  },
): Promise<PositionRow> {
  const [row] = await tx
    .insert(safeUncertaintyPositions)
    .values({ tenantId, ...position })
    .returning();
  if (!row) throw new Error('insert into safe_uncertainty_positions returned no row');
  return row;
}

export async function insertQuestion(
  tx: Tx,
  tenantId: string,
  question: {
    childPersonId: string;
    kind: QuestionKind;
    wording: string;
    raisedOn: string;
    revisitOn: string;
    recordedBy: string | null;
    recordedByLabel: string;
    recordedAt?: Date;
  },
): Promise<QuestionRow> {
  const [row] = await tx
    .insert(safeUncertaintyQuestions)
    .values({ tenantId, ...question })
    .returning();
  if (!row) throw new Error('insert into safe_uncertainty_questions returned no row');
  return row;
}

/** Records what was found, only if nobody else saved since `expectedVersion`; the new row or null. */
export async function updateFinding(
  tx: Tx,
  tenantId: string,
  questionId: string,
  finding: {
    finding: string;
    foundOn: string;
    findingRecordedBy: string | null;
    findingRecordedByLabel: string;
    findingRecordedAt?: Date;
  },
  expectedVersion: number,
): Promise<QuestionRow | null> {
  const [row] = await tx
    .update(safeUncertaintyQuestions)
    .set({
      ...finding,
      findingRecordedAt: finding.findingRecordedAt ?? new Date(),
      version: sql`${safeUncertaintyQuestions.version} + 1`,
    })
    .where(
      and(
        eq(safeUncertaintyQuestions.tenantId, tenantId),
        eq(safeUncertaintyQuestions.id, questionId),
        eq(safeUncertaintyQuestions.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}
