/** Drizzle definitions of migrations/0012_mapping.sql (a test checks they agree). */
import { date, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import {
  childTable,
  councilTable,
  createdBy,
  recordedBy,
  timestamps,
  timestamptz,
  versioned,
} from '../../platform/db/columns.js';

/** The three questions of a mapping, each split into its parts, in the order the page shows them. */
export const mappingSections = [
  'past_harm',
  'danger_statement',
  'complicating_factor',
  'existing_strength',
  'existing_safety',
  'safety_goal',
  'next_step',
] as const;
export type MappingSection = (typeof mappingSections)[number];

/** Whose view an entry is, and whose score a scaling judgement is. */
export const viewKinds = ['child', 'family', 'network', 'professional'] as const;
export type ViewKind = (typeof viewKinds)[number];

export const mappings = childTable('mappings', {
  title: text('title').notNull(),
  heldOn: date('held_on').notNull(),
  whoTookPart: text('who_took_part'),
  scalingQuestion: text('scaling_question').notNull(),
  scaleZeroMeans: text('scale_zero_means').notNull(),
  scaleTenMeans: text('scale_ten_means').notNull(),
  ...createdBy(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  ...versioned(),
});

export const mappingChildren = pgTable(
  'mapping_children',
  {
    tenantId: uuid('tenant_id').notNull(),
    mappingId: uuid('mapping_id').notNull(),
    childPersonId: uuid('child_person_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.mappingId, table.childPersonId] })],
);

export const mappingEntries = councilTable('mapping_entries', {
  mappingId: uuid('mapping_id').notNull(),
  section: text('section', { enum: mappingSections }).notNull(),
  statement: text('statement').notNull(),
  harmSeverity: text('harm_severity'),
  harmFrequency: text('harm_frequency'),
  harmWhen: text('harm_when'),
  worriedWho: text('worried_who'),
  couldHappen: text('could_happen'),
  becauseOf: text('because_of'),
  inCircumstances: text('in_circumstances'),
  goalWho: text('goal_who'),
  goalWillBeDoing: text('goal_will_be_doing'),
  goalHowWeWillKnow: text('goal_how_we_will_know'),
  stepOwnerPersonId: uuid('step_owner_person_id'),
  stepOwnerName: text('step_owner_name'),
  stepDueOn: date('step_due_on'),
  viewOfKind: text('view_of_kind', { enum: viewKinds }).notNull(),
  viewOfPersonId: uuid('view_of_person_id'),
  viewOfName: text('view_of_name').notNull(),
  sourceType: text('source_type'),
  sourceId: uuid('source_id'),
  sourceLabel: text('source_label'),
  position: integer('position').notNull().default(0),
  createdBy: uuid('created_by'),
  ...timestamps(),
  ...versioned(),
});

export const scalingScores = councilTable('scaling_scores', {
  mappingId: uuid('mapping_id').notNull(),
  scoredOn: date('scored_on').notNull(),
  scorerKind: text('scorer_kind', { enum: viewKinds }).notNull(),
  scorerPersonId: uuid('scorer_person_id'),
  scorerName: text('scorer_name').notNull(),
  score: smallint('score').notNull(),
  reason: text('reason').notNull(),
  ...recordedBy(),
});
