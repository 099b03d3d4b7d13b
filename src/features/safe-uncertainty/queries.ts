/** The only place SQL about safe uncertainty is written. Each takes the transaction. */
import { asc, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOfChild } from '../../platform/db/reusable-query.js';
import { insertReturningRow, isRowAtVersion, rowOfChildFinder } from '../../platform/db/rows.js';
import { safeUncertaintyPositions, safeUncertaintyQuestions, type GridPosition, type QuestionKind } from './schema.js';

export type PositionRow = typeof safeUncertaintyPositions.$inferSelect;
export type QuestionRow = typeof safeUncertaintyQuestions.$inferSelect;

export const positionsOf = rowsOfChild(
  safeUncertaintyPositions,
  asc(safeUncertaintyPositions.assessedOn),
  asc(safeUncertaintyPositions.recordedAt),
);

export const questionsOf = rowsOfChild(
  safeUncertaintyQuestions,
  asc(safeUncertaintyQuestions.revisitOn),
  asc(safeUncertaintyQuestions.recordedAt),
);

export const findQuestion = rowOfChildFinder(safeUncertaintyQuestions);

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
  return insertReturningRow(tx, safeUncertaintyPositions, { tenantId, ...position });
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
  return insertReturningRow(tx, safeUncertaintyQuestions, { tenantId, ...question });
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
    .where(isRowAtVersion(safeUncertaintyQuestions, tenantId, questionId, expectedVersion))
    .returning();
  return row ?? null;
}
