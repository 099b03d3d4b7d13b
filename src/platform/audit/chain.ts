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
