/** Drizzle definition of migrations/0011_council_glossary.sql (a test checks they agree). */
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const councilGlossaryEntries = pgTable(
  'council_glossary_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    entryId: text('entry_id').notNull(),
    entry: jsonb('entry').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.entryId] })],
);
