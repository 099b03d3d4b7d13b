/**
 * Reading the audit trail. Looking at the trail is itself audited. A team manager sees who has
 * seen the records of children they oversee; an auditor sees it for any child in the council
 * (and the whole log), without seeing the children's records themselves.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import {
  recordAuditEvent,
  searchAuditLog,
  whoHasSeenChild,
  type AuditEntry,
  type AuditSearch,
} from '../../platform/audit/audit-log.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import { isUuid } from '../../platform/db/ids.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { auditChildRecord, childRecordFacts, childSummaries, relationshipsOf } from '../child-record/index.js';
import type { RequestSource } from '../../platform/http/request-source.js';

export type { RequestSource } from '../../platform/http/request-source.js';

export async function whoHasSeen(
  database: Database,
  actor: Actor,
  childId: string,
  page: { beforeSequence?: number },
  source: RequestSource,
): Promise<
  | { outcome: 'found'; childName: string; entries: AuditEntry[]; nextBeforeSequence: number | null }
  | { outcome: 'not_found' }
> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const audit = (outcome: 'allowed' | 'denied', details: Record<string, string> = {}) =>
      auditChildRecord(tx, actor, childId, { action: 'audit.who_has_seen_viewed', outcome, details }, source);
    if (!isUuid(childId)) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const facts = (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId);
    const isAuditor = actor.roles.includes('auditor');
    const mayLook =
      facts && (isAuditor || decideChildRecordAccess(await relationshipsOf(tx, actor), 'view', facts).allowed);
    if (!facts || !mayLook) {
      await audit('denied', { reason: facts ? 'no_relationship' : 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const [child] = await childSummaries(tx, actor.tenantId, [childId]);
    const found = await whoHasSeenChild(tx, actor.tenantId, childId, { limit: 50, ...page });
    await audit('allowed');
    return { outcome: 'found' as const, childName: child?.fullName ?? '', ...found };
  });
}

export async function searchAudit(
  database: Database,
  actor: Actor,
  filters: AuditSearch,
  page: { beforeSequence?: number },
  source: RequestSource,
): Promise<{ entries: AuditEntry[]; nextBeforeSequence: number | null }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const found = await searchAuditLog(tx, actor.tenantId, filters, { limit: 50, ...page });
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'audit.searched',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      source,
      details: {
        action: filters.action ?? null,
        outcome: filters.outcome ?? null,
        childPersonId: filters.childPersonId ?? null,
        actorUserId: filters.actorUserId ?? null,
        from: filters.from?.toISOString() ?? null,
        to: filters.to?.toISOString() ?? null,
      },
    });
    return found;
  });
}
