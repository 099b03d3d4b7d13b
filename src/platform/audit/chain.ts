/**
 * The hash chain, as pure functions. An entry's hash covers every field and the previous
 * entry's hash, serialised the same way every time (fixed field order, sorted detail keys,
 * times as ISO strings to the millisecond, which PostgreSQL's timestamptz keeps exactly).
 */
import { createHash } from 'node:crypto';
import type { AuditDetails, AuditOutcome } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  tenantId: string;
  sequence: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: AuditOutcome;
  subjectType: string | null;
  subjectId: string | null;
  childPersonId: string | null;
  reason: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: AuditDetails;
}

export function canonicalEntry(entry: ChainedFields): string {
  const details = Object.fromEntries(Object.entries(entry.details).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify([
    entry.tenantId,
    entry.sequence,
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.actorLabel,
    entry.action,
    entry.outcome,
    entry.subjectType,
    entry.subjectId,
    entry.childPersonId,
    entry.reason,
    entry.sourceIp,
    entry.userAgent,
    entry.requestId,
    details,
  ]);
}

export function hashEntry(previousHash: string, entry: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonicalEntry(entry)).digest('hex');
}

/** An entry as the database gives it back (pg and PGlite differ in how they hand over times and JSON). */
export interface StoredAuditEntry {
  sequence: string | number;
  chain_position: string | number | null;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  outcome: AuditOutcome;
  subject_type: string | null;
  subject_id: string | null;
  child_person_id: string | null;
  reason: string | null;
  source_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: AuditDetails | string;
  previous_hash: string | null;
  hash: string | null;
}

/** The fields an entry's hash covers, read from its stored row. */
export function chainedFieldsOf(tenantId: string, row: StoredAuditEntry): ChainedFields {
  return {
    tenantId,
    sequence: Number(row.sequence),
    occurredAt: new Date(row.occurred_at),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    outcome: row.outcome,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    childPersonId: row.child_person_id,
    reason: row.reason,
    sourceIp: row.source_ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
  };
}
