/** Drizzle definitions of migrations/0013_safe_uncertainty_and_need.sql, assessment of need (a test checks they agree). */
import { integer, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, councilTable, timestamps, timestamptz } from '../../platform/db/columns.js';

export const assessmentStatuses = ['draft', 'submitted', 'signed_off'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];

const content = (name: string) => text(name).notNull().default('');

export const needAssessments = childTable('need_assessments', {
  startedAt: timestamptz('started_at').notNull().defaultNow(),
  startedBy: uuid('started_by'),
  startedByLabel: text('started_by_label').notNull(),
});

export const needAssessmentVersions = councilTable('need_assessment_versions', {
  assessmentId: uuid('assessment_id').notNull(),
  versionNumber: integer('version_number').notNull(),
  status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
  revision: integer('revision').notNull().default(1),
  developmentStrengths: content('development_strengths'),
  developmentNeeds: content('development_needs'),
  developmentChildView: content('development_child_view'),
  developmentFamilyView: content('development_family_view'),
  parentingStrengths: content('parenting_strengths'),
  parentingNeeds: content('parenting_needs'),
  parentingChildView: content('parenting_child_view'),
  parentingFamilyView: content('parenting_family_view'),
  environmentStrengths: content('environment_strengths'),
  environmentNeeds: content('environment_needs'),
  environmentChildView: content('environment_child_view'),
  environmentFamilyView: content('environment_family_view'),
  analysis: content('analysis'),
  recommendation: content('recommendation'),
  authorUserId: uuid('author_user_id').notNull(),
  authorLabel: text('author_label').notNull(),
  ...timestamps(),
  updatedByLabel: text('updated_by_label').notNull(),
  submittedAt: timestamptz('submitted_at'),
  submittedBy: uuid('submitted_by'),
  submittedByLabel: text('submitted_by_label'),
  signedOffAt: timestamptz('signed_off_at'),
  signedOffBy: uuid('signed_off_by'),
  signedOffByLabel: text('signed_off_by_label'),
  signOffComment: text('sign_off_comment'),
  returnedAt: timestamptz('returned_at'),
  returnedBy: uuid('returned_by'),
  returnedByLabel: text('returned_by_label'),
  returnComment: text('return_comment'),
});
