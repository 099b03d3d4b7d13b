/**
 * Writing to and reading the audit trail. An entry is written inside the transaction of the
 * thing it records, so the record and its audit entry commit (or roll back) together.
 * Entries are listed newest first by `sequence`; the hash chain is the sealer's business.
 */
import type { Tx } from '../db/database.js';
import { noteAuditEntryWritten } from './entries-this-request.js';
import { appendAuditEntry, auditSearchQuery, countEntries, type AuditSearch } from './queries.js';
import type { auditEvents, AuditDetails, AuditOutcome } from './schema.js';

export type { AuditDetails, AuditOutcome } from './schema.js';
export { auditSearchQuery, type AuditSearch } from './queries.js';

export interface AuditEvent {
  action: string;
  outcome: AuditOutcome;
  actor: { userId: string | null; label: string };
  subject?: { type: string; id: string } | null;
  childPersonId?: string | null;
  reason?: string | null;
  source: { ip: string | null; userAgent?: string | null; requestId?: string | null };
  details?: AuditDetails;
}

export type AuditEntry = typeof auditEvents.$inferSelect;

const clip = (text: string | null | undefined, length: number) => (text == null ? null : text.slice(0, length));

/**
 * Appends one entry. It takes no lock: the sealer links it into the council's hash chain
 * moments after it commits (see sealing.ts), so audited requests never queue behind each other.
 *
 * On a PostgreSQL server the entry is not waited for: it goes with the transaction's next
 * statement, often its COMMIT, and if it cannot be written the transaction fails with its error
 * at the latest at COMMIT (`answerAtCommit` in database.ts). Either way, what the transaction
 * did and its audit entry commit together or not at all.
 */
export async function recordAuditEvent(
  tx: Tx,
  tenantId: string,
  event: AuditEvent,
  now: Date = new Date(),
): Promise<void> {
  noteAuditEntryWritten();
  await appendAuditEntry(tx, {
    tenantId,
    // Millisecond precision: what timestamptz stores and gives back exactly.
    occurredAt: new Date(Math.floor(now.getTime())),
    actorUserId: event.actor.userId,
    actorLabel: clip(event.actor.label, 300) ?? '',
    action: event.action,
    outcome: event.outcome,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    childPersonId: event.childPersonId ?? null,
    reason: clip(event.reason, 2000),
    sourceIp: clip(event.source.ip, 64),
    userAgent: clip(event.source.userAgent, 400),
    requestId: clip(event.source.requestId, 64),
    details: event.details ?? {},
  });
}

export async function searchAuditLog(
  tx: Tx,
  tenantId: string,
  filters: AuditSearch,
  page: { limit?: number; beforeSequence?: number } = {},
): Promise<{ entries: AuditEntry[]; nextBeforeSequence: number | null }> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
  const rows = await auditSearchQuery(tx, tenantId, filters, page, limit + 1);
  const entries = rows.slice(0, limit);
  return { entries, nextBeforeSequence: rows.length > limit ? (entries[entries.length - 1]?.sequence ?? null) : null };
}

/** Who has looked at or changed a child's record, newest first. */
export function whoHasSeenChild(
  tx: Tx,
  tenantId: string,
  childPersonId: string,
  page: { limit?: number; beforeSequence?: number } = {},
) {
  return searchAuditLog(tx, tenantId, { childPersonId }, page);
}

export async function countAuditEvents(tx: Tx, tenantId: string): Promise<number> {
  return countEntries(tx, tenantId);
}
