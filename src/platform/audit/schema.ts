/** Drizzle definitions of migrations/0003_audit.sql (a test checks they agree). */
import { sql } from 'drizzle-orm';
import { bigint, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type AuditOutcome = 'allowed' | 'denied' | 'failed';
export type AuditDetails = Record<string, string | number | boolean | null>;

export const auditEvents = pgTable(
  'audit_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The order entries are listed in, from one sequence shared by all councils. */
    sequence: bigint('sequence', { mode: 'number' })
      .notNull()
      .default(sql`nextval('audit_events_sequence_seq')`),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    childPersonId: uuid('child_person_id'),
    reason: text('reason'),
    sourceIp: text('source_ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').$type<AuditDetails>().notNull().default({}),
    /** Where the sealer placed the entry in the council's chain (1, 2, 3...); null until sealed. */
    chainPosition: bigint('chain_position', { mode: 'number' }),
    previousHash: text('previous_hash'),
    hash: text('hash'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.sequence] }),
    uniqueIndex('audit_events_chain_idx').on(table.tenantId, table.chainPosition),
  ],
);

export const auditChainHeads = pgTable('audit_chain_heads', {
  tenantId: uuid('tenant_id').primaryKey(),
  lastPosition: bigint('last_position', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
