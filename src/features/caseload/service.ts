/**
 * The caseload and opening a child's record. Every opening is audited in the same
 * transaction as the read, allowed or refused; a refusal looks exactly like a record that
 * does not exist (404), so ids cannot be probed.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { candidateChildIds, childRecordFacts, childSummaries, relationshipsOf } from './queries.js';

export interface RequestSource {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ChildSummary = Awaited<ReturnType<typeof childSummaries>>[number];

export async function caseloadOf(database: Database, actor: Actor): Promise<ChildSummary[]> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const candidates = await candidateChildIds(tx, actor.tenantId, relationships);
    const facts = await childRecordFacts(tx, actor.tenantId, candidates);
    // The policy, not the query, has the last word on who appears.
    const visible = [...facts.values()]
      .filter((record) => {
        const decision = decideChildRecordAccess(relationships, 'view', record);
        // A restricted record someone could open with a reason is listed, marked restricted.
        return decision.allowed || decision.reason === 'restricted_reason_needed';
      })
      .map((record) => record.childPersonId);
    return childSummaries(tx, actor.tenantId, visible);
  });
}

export async function openChildRecord(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<{ outcome: 'opened'; child: ChildSummary } | { outcome: 'not_found' }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const audit = (outcome: 'allowed' | 'denied', details: Record<string, string>) =>
      recordAuditEvent(tx, actor.tenantId, {
        action: 'child_record.view',
        outcome,
        actor: { userId: actor.userId, label: actorLabel(actor) },
        subject: UUID.test(childId) ? { type: 'child_record', id: childId } : null,
        childPersonId: UUID.test(childId) ? childId : null,
        source,
        details,
      });
    if (!UUID.test(childId)) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const relationships = await relationshipsOf(tx, actor);
    const facts = (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId);
    if (!facts) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const decision = decideChildRecordAccess(relationships, 'view', facts);
    if (!decision.allowed) {
      await audit('denied', { reason: decision.reason });
      return { outcome: 'not_found' as const };
    }
    const [child] = await childSummaries(tx, actor.tenantId, [childId]);
    await audit('allowed', { basis: decision.basis });
    return { outcome: 'opened' as const, child: child! };
  });
}
