/** Drizzle definitions of migrations/0013_safe_uncertainty_and_need.sql, safe uncertainty (a test checks they agree). */
import { date, index, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, recordedBy, timestamptz, versioned } from '../../platform/db/columns.js';

export const gridPositions = ['safe_certainty', 'safe_uncertainty', 'unsafe_uncertainty', 'unsafe_certainty'] as const;
export type GridPosition = (typeof gridPositions)[number];
export const questionKinds = ['question', 'hypothesis'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const safeUncertaintyPositions = childTable(
  'safe_uncertainty_positions',
  {
    position: text('position', { enum: gridPositions }).notNull(),
    reasons: text('reasons').notNull(),
    assessedOn: date('assessed_on').notNull(),
    ...recordedBy(),
  },
  (table) => [index('safe_uncertainty_positions_child_idx').on(table.tenantId, table.childPersonId, table.assessedOn)],
);

export const safeUncertaintyQuestions = childTable('safe_uncertainty_questions', {
  kind: text('kind', { enum: questionKinds }).notNull(),
  wording: text('wording').notNull(),
  raisedOn: date('raised_on').notNull(),
  revisitOn: date('revisit_on').notNull(),
  ...recordedBy(),
  finding: text('finding'),
  foundOn: date('found_on'),
  findingRecordedAt: timestamptz('finding_recorded_at'),
  findingRecordedBy: uuid('finding_recorded_by'),
  findingRecordedByLabel: text('finding_recorded_by_label'),
  ...versioned(),
});
