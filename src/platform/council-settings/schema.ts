/** Drizzle definition of migrations/0026_council_settings.sql (a test checks they agree). */
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A council's own settings, one row per council; no row means Kith's defaults. */
export const councilSettings = pgTable('council_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  restrictedGrantUntil: text('restricted_grant_until', { enum: ['end_of_working_day', 'hours'] })
    .notNull()
    .default('end_of_working_day'),
  /** "17:30": when the working day ends, UK time. */
  workingDayEndsAt: text('working_day_ends_at').notNull().default('17:30'),
  restrictedGrantHours: integer('restricted_grant_hours').notNull().default(8),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
