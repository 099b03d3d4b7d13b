/** Drizzle definitions of migrations/0029_episodes.sql (a test checks they agree). */
import { date, index, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, recordedBy, versioned } from '../../platform/db/columns.js';
import { assessmentOutcomeList, episodeKindList, protectionStepKindList } from './codes.js';

export const referrals = childTable(
  'referrals',
  {
    referredOn: date('referred_on').notNull(),
    source: text('source').notNull(),
    contactId: uuid('contact_id'),
    primaryNeedCode: text('primary_need_code'),
    needAssessmentId: uuid('need_assessment_id'),
    assessmentOutcome: text('assessment_outcome', { enum: assessmentOutcomeList }),
    assessmentCompletedOn: date('assessment_completed_on'),
    assessmentFactors: text('assessment_factors').array().notNull().default([]),
    outcomeReasons: text('outcome_reasons'),
    outcomeRecordedByLabel: text('outcome_recorded_by_label'),
    ...recordedBy(),
    ...versioned(),
  },
  (table) => [index('referrals_child_idx').on(table.tenantId, table.childPersonId, table.referredOn)],
);

export const episodes = childTable(
  'episodes',
  {
    kind: text('kind', { enum: episodeKindList }).notNull(),
    serviceName: text('service_name'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    primaryNeedCode: text('primary_need_code'),
    closureReasonCode: text('closure_reason_code'),
    leadPractitioner: text('lead_practitioner'),
    leadAgency: text('lead_agency'),
    planCategories: text('plan_categories').array().notNull().default([]),
    referralId: uuid('referral_id'),
    steppedFromEpisodeId: uuid('stepped_from_episode_id'),
    ...recordedBy(),
    endedByLabel: text('ended_by_label'),
    ...versioned(),
  },
  (table) => [index('episodes_child_idx').on(table.tenantId, table.childPersonId, table.startsOn)],
);

export const protectionSteps = childTable(
  'protection_steps',
  {
    kind: text('kind', { enum: protectionStepKindList }).notNull(),
    heldOn: date('held_on').notNull(),
    whoTookPart: text('who_took_part'),
    decision: text('decision').notNull(),
    outcome: text('outcome').notNull(),
    meetingId: uuid('meeting_id'),
    ...recordedBy(),
  },
  (table) => [index('protection_steps_child_idx').on(table.tenantId, table.childPersonId, table.heldOn)],
);

export const caseClosures = childTable(
  'case_closures',
  {
    closedOn: date('closed_on').notNull(),
    reasonCode: text('reason_code').notNull(),
    summaryToFamily: text('summary_to_family').notNull(),
    reasonToGoOn: text('reason_to_go_on'),
    ...recordedBy(),
  },
  (table) => [index('case_closures_child_idx').on(table.tenantId, table.childPersonId, table.closedOn)],
);
