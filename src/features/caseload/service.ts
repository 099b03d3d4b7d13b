/**
 * The caseload and opening a child's record. Every opening is audited in the same
 * transaction as the read, allowed or refused; a refusal looks exactly like a record that
 * does not exist (404), so ids cannot be probed.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { overdueWorkFor, type OverdueWork } from '../plans/service.js';
import {
  caseloadCandidates,
  childRecordFacts,
  childRecordWithFacts,
  childSummaries,
  insertRestrictedGrant,
  relationshipsOf,
  type CaseloadScope,
} from './queries.js';
import type { RequestSource } from '../../platform/http/request-source.js';

export type { RequestSource } from '../../platform/http/request-source.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ChildSummary = Awaited<ReturnType<typeof childSummaries>>[number];

export interface Caseload {
  children: ChildSummary[];
  /** The list shown: the children allocated to this person, or their teams' children too. */
  scope: CaseloadScope;
  /** Whether this person belongs to or manages a team, so the teams' list means something. */
  hasTeams: boolean;
  /** Each listed child's overdue plan actions and reviews (children with none are left out). */
  overdueWork: Map<string, OverdueWork>;
}

/**
 * The children someone works with. By default those allocated to them (and records shared with
 * them), which is what a practitioner opens every day; their teams' children on asking. When
 * nothing is allocated to them directly (a team manager, say), the teams' list is shown.
 */
export async function caseloadOf(database: Database, actor: Actor, asked?: CaseloadScope): Promise<Caseload> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const hasTeams = relationships.teamIds.length + relationships.managedTeamIds.length > 0;
    const visibleIn = async (scope: CaseloadScope) =>
      (await caseloadCandidates(tx, actor.tenantId, relationships, scope))
        // The policy, not the query, has the last word on who appears.
        .filter(({ facts }) => {
          const decision = decideChildRecordAccess(relationships, 'view', facts);
          // A restricted record someone could open with a reason is listed, marked restricted.
          return decision.allowed || decision.reason === 'restricted_reason_needed';
        })
        .map(({ summary }) => summary);
    const withWork = async (listed: Omit<Caseload, 'overdueWork'>): Promise<Caseload> => ({
      ...listed,
      overdueWork: await overdueWorkFor(
        tx,
        actor.tenantId,
        listed.children.map((child) => child.childId),
      ),
    });
    const scope: CaseloadScope = hasTeams ? (asked ?? 'allocated_to_me') : 'allocated_to_me';
    const children = await visibleIn(scope);
    if (children.length === 0 && scope === 'allocated_to_me' && hasTeams && asked === undefined) {
      return withWork({ children: await visibleIn('my_teams'), scope: 'my_teams', hasTeams });
    }
    return withWork({ children, scope, hasTeams });
  });
}

export async function openChildRecord<Extra = undefined>(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  /** More of the record to read once access is granted, in the same transaction (one round trip fewer each). */
  alsoRead?: (tx: Tx) => Promise<Extra>,
): Promise<
  | { outcome: 'opened'; child: ChildSummary; extra: Extra | undefined }
  | { outcome: 'restricted'; childName: string }
  | { outcome: 'not_found' }
> {
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
    const record = await childRecordWithFacts(tx, actor.tenantId, childId);
    if (!record) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const decision = decideChildRecordAccess(relationships, 'view', record.facts);
    if (!decision.allowed) {
      await audit('denied', { reason: decision.reason });
      if (decision.reason === 'restricted_reason_needed') {
        // They work with this child's team, so the record's existence is no secret to them.
        return { outcome: 'restricted' as const, childName: record.summary.fullName };
      }
      return { outcome: 'not_found' as const };
    }
    // The audit entry and the rest of the record go to the database together (on a server, in
    // one round trip). They share the transaction: if the entry cannot be written, nothing is read.
    const [, extra] = await together([audit('allowed', { basis: decision.basis }), alsoRead?.(tx)]);
    return { outcome: 'opened' as const, child: record.summary, extra };
  });
}

/** How long a reason opens a restricted record for. */
export const RESTRICTED_GRANT_DAYS = 7;

/**
 * Opening a restricted record: allowed only to named roles with a relationship to the child,
 * with a typed reason; gives a time-limited grant and puts it on the team manager's list.
 */
export async function openRestrictedRecord(
  database: Database,
  actor: Actor,
  childId: string,
  reason: string,
  source: RequestSource,
  now: Date = new Date(),
): Promise<'granted' | 'not_found'> {
  if (!UUID.test(childId)) return 'not_found';
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const facts = (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId);
    const decision = facts ? decideChildRecordAccess(relationships, 'view', facts) : null;
    if (!facts || !decision || (!decision.allowed && decision.reason !== 'restricted_reason_needed')) {
      await recordAuditEvent(tx, actor.tenantId, {
        action: 'child_record.restricted_opened',
        outcome: 'denied',
        actor: { userId: actor.userId, label: actorLabel(actor) },
        childPersonId: childId,
        subject: { type: 'child_record', id: childId },
        reason,
        source,
      });
      return 'not_found';
    }
    const expiresAt = new Date(now.getTime() + RESTRICTED_GRANT_DAYS * 86_400_000);
    await insertRestrictedGrant(tx, actor.tenantId, {
      childPersonId: childId,
      userId: actor.userId,
      reason,
      grantedAt: now,
      expiresAt,
    });
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'child_record.restricted_opened',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      childPersonId: childId,
      subject: { type: 'child_record', id: childId },
      reason,
      source,
      details: { expiresAt: expiresAt.toISOString() },
    });
    return 'granted';
  });
}

/**
 * Inside a council transaction: may this actor view or change this child's record? Used by the
 * other parts of the record (network, history) so each asks the same policy. Refusals are
 * audited as failed access, and look like a record that does not exist.
 */
export async function checkChildAccess(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: 'view' | 'change',
  source: RequestSource,
  auditAction: string,
): Promise<boolean> {
  const facts = UUID.test(childId) ? (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId) : undefined;
  const allowed =
    facts !== undefined &&
    hasPermission(actor.roles, action === 'view' ? 'child_record.view' : 'child_record.change') &&
    decideChildRecordAccess(await relationshipsOf(tx, actor), action, facts).allowed;
  if (!allowed) {
    await recordAuditEvent(tx, actor.tenantId, {
      action: auditAction,
      outcome: 'denied',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      childPersonId: UUID.test(childId) ? childId : null,
      subject: UUID.test(childId) ? { type: 'child_record', id: childId } : null,
      source,
    });
  }
  return allowed;
}

/** The child's name, reference and details for the top of a record page, inside the caller's transaction. */
export async function childSummaryIn(tx: Tx, tenantId: string, childId: string): Promise<ChildSummary | undefined> {
  const [child] = await childSummaries(tx, tenantId, [childId]);
  return child;
}

/**
 * Which of these children's records the actor may view or change, without auditing: for
 * deciding what to list or offer (a sibling's shared mapping, say). Opening a record still
 * goes through `checkChildAccess`, which audits.
 */
export async function childrenActorMay(
  tx: Tx,
  actor: Actor,
  childIds: readonly string[],
  action: 'view' | 'change',
): Promise<Set<string>> {
  const ids = [...new Set(childIds.filter((childId) => UUID.test(childId)))];
  if (ids.length === 0 || !hasPermission(actor.roles, action === 'view' ? 'child_record.view' : 'child_record.change'))
    return new Set();
  const relationships = await relationshipsOf(tx, actor);
  const facts = await childRecordFacts(tx, actor.tenantId, ids);
  return new Set(
    [...facts.values()]
      .filter((record) => decideChildRecordAccess(relationships, action, record).allowed)
      .map((record) => record.childPersonId),
  );
}

export type ChildRecordAccess =
  { mayView: false } | { mayView: true; mayChange: boolean; child: ChildSummary; basis: string };

/**
 * Inside a council transaction: what this actor may do with this child's record, and the
 * child's summary when they may see it. Writes no audit entry: for parts of the record
 * (safe uncertainty, assessments) that audit their own read or change, allowed or refused,
 * with what was done. Unknown ids and records of another council read as "may not view".
 */
export async function childRecordAccess(tx: Tx, actor: Actor, childId: string): Promise<ChildRecordAccess> {
  if (!UUID.test(childId)) return { mayView: false };
  const record = await childRecordWithFacts(tx, actor.tenantId, childId);
  if (!record) return { mayView: false };
  const relationships = await relationshipsOf(tx, actor);
  const view = decideChildRecordAccess(relationships, 'view', record.facts);
  if (!view.allowed || !hasPermission(actor.roles, 'child_record.view')) return { mayView: false };
  const mayChange =
    hasPermission(actor.roles, 'child_record.change') &&
    decideChildRecordAccess(relationships, 'change', record.facts).allowed;
  return { mayView: true, mayChange, child: record.summary, basis: view.basis };
}
