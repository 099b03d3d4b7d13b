/** Drizzle definitions of migrations/0006_record_history.sql (a test checks they agree). */
import { boolean, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { recordedBy } from '../db/columns.js';

export const recordVersions = pgTable(
  'record_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    ...recordedBy(),
    reason: text('reason'),
    isCorrection: boolean('is_correction').notNull().default(false),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.recordType, table.recordId, table.version] })],
);
