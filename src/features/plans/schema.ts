/** Drizzle definitions of migrations/0015_plans.sql (a test checks they agree). */
import { boolean, date, integer, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, councilTable, createdBy, recordedBy, timestamps, versioned } from '../../platform/db/columns.js';
import type { PlanAction, PlanGoal, ReviewScore } from './plan-rules.js';

export const planKinds = ['child_in_need', 'child_protection', 'child_in_care', 'early_help', 'family_plan'] as const;
export type PlanKind = (typeof planKinds)[number];
export const planStatuses = ['draft', 'agreed'] as const;
export const agreementResponses = ['agree', 'agree_with_comments', 'do_not_agree'] as const;
export type AgreementResponse = (typeof agreementResponses)[number];

export const plans = childTable('plans', {
  kind: text('kind', { enum: planKinds }).notNull(),
  title: text('title').notNull(),
  startsOn: date('starts_on').notNull(),
  reviewBy: date('review_by'),
  support: text('support'),
  goals: jsonb('goals').$type<PlanGoal[]>().notNull().default([]),
  actions: jsonb('actions').$type<PlanAction[]>().notNull().default([]),
  fromMappingId: uuid('from_mapping_id'),
  sourceMeetingId: uuid('source_meeting_id'),
  status: text('status', { enum: planStatuses }).notNull().default('draft'),
  agreedOn: date('agreed_on'),
  agreedVersion: integer('agreed_version'),
  sharedWithFamily: boolean('shared_with_family').notNull().default(false),
  nextActionDueOn: date('next_action_due_on'),
  ...versioned(),
  ...createdBy(),
  ...timestamps(),
});

export const planReviews = councilTable('plan_reviews', {
  planId: uuid('plan_id').notNull(),
  heldOn: date('held_on').notNull(),
  whoCame: text('who_came').notNull(),
  scores: jsonb('scores').$type<ReviewScore[]>().notNull().default([]),
  whatHasChanged: text('what_has_changed'),
  whatHasBeenAchieved: text('what_has_been_achieved'),
  decisions: text('decisions'),
  nextReviewBy: date('next_review_by'),
  ...recordedBy(),
});

export const planAgreements = councilTable('plan_agreements', {
  planId: uuid('plan_id').notNull(),
  planVersion: integer('plan_version').notNull(),
  personId: uuid('person_id'),
  personName: text('person_name').notNull(),
  response: text('response', { enum: agreementResponses }).notNull(),
  inTheirWords: text('in_their_words'),
  ...recordedBy(),
});
