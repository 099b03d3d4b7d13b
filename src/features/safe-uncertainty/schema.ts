/** Drizzle definitions of migrations/0013_safe_uncertainty_and_need.sql, safe uncertainty (a test checks they agree). */
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const gridPositions = ['safe_certainty', 'safe_uncertainty', 'unsafe_uncertainty', 'unsafe_certainty'] as const;
export type GridPosition = (typeof gridPositions)[number];
export const questionKinds = ['question', 'hypothesis'] as const;
export type QuestionKind = (typeof questionKinds)[number];

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

export const safeUncertaintyPositions = pgTable(
  'safe_uncertainty_positions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    childPersonId: uuid('child_person_id').notNull(),
    position: text('position', { enum: gridPositions }).notNull(),
    reasons: text('reasons').notNull(),
    assessedOn: date('assessed_on').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
    recordedByLabel: text('recorded_by_label').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('safe_uncertainty_positions_child_idx').on(table.tenantId, table.childPersonId, table.assessedOn),
  ],
);

export const safeUncertaintyQuestions = pgTable(
  'safe_uncertainty_questions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    childPersonId: uuid('child_person_id').notNull(),
    kind: text('kind', { enum: questionKinds }).notNull(),
    wording: text('wording').notNull(),
    raisedOn: date('raised_on').notNull(),
    revisitOn: date('revisit_on').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
    recordedByLabel: text('recorded_by_label').notNull(),
    finding: text('finding'),
    foundOn: date('found_on'),
    findingRecordedAt: timestamptz('finding_recorded_at'),
    findingRecordedBy: uuid('finding_recorded_by'),
    findingRecordedByLabel: text('finding_recorded_by_label'),
    version: integer('version').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);
