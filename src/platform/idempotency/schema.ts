/** Drizzle definition of migrations/0027_idempotency_keys.sql. */
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    /** Null while the first request is being answered. */
    statusCode: integer('status_code'),
    contentType: text('content_type'),
    location: text('location'),
    responseBody: text('response_body'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.userId, table.key] })],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
