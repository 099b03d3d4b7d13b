/**
 * What every part of the plans service shares: the record type of a plan's versions, the one
 * audit entry written about a plan, a plan's content as a version holds it, and the people in
 * the child's network an action can be given to.
 */
import type { Tx } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import { recordAuditEvent, type AuditDetails } from '../../../platform/audit/audit-log.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { ChildRecordHandle, ChildSummary } from '../../child-record/index.js';
import { networkMembersForOpenedRecord } from '../../network/index.js';
import type { PlanAuditAction } from '../audit-actions.js';
import type { OwnerCircle, PlanContent } from '../plan-rules.js';
import { findPlan, type PlanRow } from '../queries.js';

/** The record type of a plan's versions in record history, and of its audit entries' subject. */
export const PLAN = 'plan';

/** The child, as the top of every plan page shows them. */
export interface ChildForPlans {
  id: string;
  fullName: string;
  knownAs: string | null;
  dateOfBirth: string | null;
  reference: string;
}

export const childForPlans = (child: ChildSummary): ChildForPlans => ({
  id: child.childId,
  fullName: child.fullName,
  knownAs: child.knownAs,
  dateOfBirth: child.dateOfBirth,
  reference: child.reference,
});

/**
 * Who writes about which child's plans, from which request, in which transaction: an opened
 * record, or a caller's transaction that has already opened it (a meeting adopting a plan).
 */
export type PlansOnRecord = Pick<ChildRecordHandle, 'tx' | 'actor' | 'childId' | 'source'>;

export const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

/**
 * The audit entry about one plan (its subject is the plan, not the whole record). Entries about
 * the record as a whole, and refusals, go through the record's own `audit`.
 */
export function auditPlan(
  on: PlansOnRecord,
  action: PlanAuditAction,
  planId: string,
  details: AuditDetails = {},
  reason: string | null = null,
): Promise<void> {
  return recordAuditEvent(on.tx, on.actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(on.actor),
    childPersonId: on.childId,
    subject: { type: PLAN, id: planId },
    source: on.source,
    details,
    reason,
  });
}

/** The child's plan with this id, or undefined (an id that is not a UUID names none). */
export function planOf(on: PlansOnRecord, planId: string): Promise<PlanRow | undefined> {
  return isUuid(planId) ? findPlan(on.tx, on.actor.tenantId, on.childId, planId) : Promise.resolve(undefined);
}

export function contentOf(plan: PlanRow): PlanContent {
  return {
    title: plan.title,
    kind: plan.kind,
    startsOn: plan.startsOn,
    reviewBy: plan.reviewBy,
    support: plan.support,
    goals: plan.goals,
    // Actions saved before plan actions kept a meeting as their source have none.
    actions: plan.actions.map((action) => ({ ...action, fromMeeting: action.fromMeeting ?? null })),
  };
}

/** Someone who can be given an action: a person in the child's network. */
export interface PossibleOwner {
  personId: string;
  name: string;
  fullName: string;
  knownAs: string | null;
  circle: OwnerCircle;
}

export async function possibleOwners(tx: Tx, actor: Actor, childId: string): Promise<PossibleOwner[]> {
  const members = await networkMembersForOpenedRecord(tx, actor, childId);
  return members
    .filter((member) => member.noLongerInvolvedOn === null && member.kind === 'person')
    .map((member) => ({
      personId: member.id,
      name: member.knownAs ? `${member.fullName} (${member.knownAs})` : member.fullName,
      fullName: member.fullName,
      knownAs: member.knownAs,
      circle:
        member.circle === 'family'
          ? 'family'
          : member.circle === 'professional'
            ? 'professional'
            : ('network' as const),
    }));
}
