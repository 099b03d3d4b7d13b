/** Drizzle definition of migrations/0028_timescales_and_allocation.sql, the timescale policy (a test checks they agree). */
import { integer, jsonb, text } from 'drizzle-orm/pg-core';
import { councilTable, recordedBy } from '../../platform/db/columns.js';
import type { ClosureDay } from './policy.js';

/** Every version of a council's timescale policy, with its reason; the newest applies. */
export const timescalePolicyVersions = councilTable('timescale_policy_versions', {
  version: integer('version').notNull(),
  nation: text('nation', { enum: ['england', 'wales'] }).notNull(),
  visitFamilyHelpWorkingDays: integer('visit_family_help_working_days').notNull(),
  visitChildProtectionWorkingDays: integer('visit_child_protection_working_days').notNull(),
  visitChildInCareWorkingDays: integer('visit_child_in_care_working_days').notNull(),
  visitCareLeaverWorkingDays: integer('visit_care_leaver_working_days').notNull(),
  reviewFamilyHelpMonths: integer('review_family_help_months').notNull(),
  reviewChildProtectionFirstMonths: integer('review_child_protection_first_months').notNull(),
  reviewChildProtectionLaterMonths: integer('review_child_protection_later_months').notNull(),
  reviewChildInCareFirstWorkingDays: integer('review_child_in_care_first_working_days').notNull(),
  reviewChildInCareSecondMonths: integer('review_child_in_care_second_months').notNull(),
  reviewChildInCareLaterMonths: integer('review_child_in_care_later_months').notNull(),
  closureDays: jsonb('closure_days').$type<ClosureDay[]>().notNull().default([]),
  reason: text('reason').notNull(),
  ...recordedBy(),
});
