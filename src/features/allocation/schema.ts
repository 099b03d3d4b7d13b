/** Drizzle definition of migrations/0028_timescales_and_allocation.sql, allocation notes (a test checks they agree). */
import { text, uuid } from 'drizzle-orm/pg-core';
import { childTable, recordedBy, timestamptz } from '../../platform/db/columns.js';

export const allocationKinds = ['allocated', 'transferred'] as const;

/** Each allocation's note: why, the handover note the new worker must read, and when they read it. */
export const allocationNotes = childTable('allocation_notes', {
  allocationId: uuid('allocation_id').notNull(),
  kind: text('kind', { enum: allocationKinds }).notNull(),
  reason: text('reason'),
  handoverNote: text('handover_note'),
  ...recordedBy(),
  handoverReadAt: timestamptz('handover_read_at'),
  handoverReadBy: uuid('handover_read_by'),
});
