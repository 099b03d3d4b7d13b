/**
 * Changing plans: start one, change its content (the one way: `applyPlanEdit`), record that it
 * was agreed, share it with the family, record a review and someone's agreement. Each opens the
 * child's record for the change (refusals audited there) and audits what it did in the same
 * transaction. Every change to a plan's content makes a new version (record_versions, 'plan');
 * once agreed, a change of what is expected needs a reason; a save made from an older version
 * is refused with the newer one.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../platform/db/database.js';
import type { AuditDetails } from '../../../platform/audit/audit-log.js';
import { appendVersion, versionsOf } from '../../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type RequestSource } from '../../child-record/index.js';
import { latestMappingForPlanning } from '../../mapping/index.js';
import {
  nextActionDueOn,
  reasonProblem,
  reviewDateProblem,
  sameContent,
  type PlanAction,
  type PlanContent,
  type PlanGoal,
} from '../plan-rules.js';
import {
  findPlan,
  insertAgreement,
  insertPlan,
  insertReview,
  markAgreed,
  setReviewBy,
  shareWithFamily,
  updatePlanIfVersion,
  type PlanRow,
} from '../queries.js';
import type { PlanKind } from '../schema.js';
import type { AgreementInput, ReviewInput, StartPlanInput } from '../validation.js';
import { PLAN, auditPlan, author, contentOf, planOf, possibleOwners, type PlansOnRecord } from './record.js';

/** Starts a plan; from the latest mapping's safety goals (as goals) and next steps (as actions) when asked. */
export async function startPlan(
  database: Database,
  actor: Actor,
  childId: string,
  input: StartPlanInput,
  source: RequestSource,
): Promise<{ outcome: 'started'; planId: string } | { outcome: 'not_found' }> {
  const purpose = { need: 'change', action: 'plan.start', source } as const;
  const started = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const { tx } = record;
    const mapping = input.fromMapping ? await latestMappingForPlanning(tx, actor.tenantId, childId) : null;
    const owners = mapping ? await possibleOwners(tx, actor, childId) : [];
    const goals: PlanGoal[] = (mapping?.safetyGoals ?? []).map((safetyGoal) => ({
      id: randomUUID(),
      goalInFamilyWords: safetyGoal.statement,
      professionalWording: null,
      worries: [],
      fromSafetyGoalId: safetyGoal.id,
    }));
    const actions: PlanAction[] = (mapping?.nextSteps ?? []).map((step) => {
      const owner = owners.find((candidate) => candidate.personId === step.stepOwnerPersonId);
      return {
        id: randomUUID(),
        whatWillHappen: step.statement,
        goalId: null,
        ownerPersonId: owner?.personId ?? null,
        ownerName: owner?.name ?? step.stepOwnerName ?? 'Not yet decided',
        ownerCircle: owner?.circle ?? 'professional',
        dueOn: step.stepDueOn ?? input.startsOn,
        status: 'not_started',
        fromNextStepId: step.id,
        fromMeeting: null,
      };
    });
    const content: PlanContent = {
      title: input.title,
      kind: input.kind,
      startsOn: input.startsOn,
      reviewBy: input.reviewBy,
      support: input.support,
      goals,
      actions,
    };
    const planId = await insertPlan(tx, actor.tenantId, {
      childPersonId: childId,
      kind: input.kind,
      title: input.title,
      startsOn: input.startsOn,
      reviewBy: input.reviewBy,
      support: input.support,
      goals,
      actions,
      fromMappingId: mapping?.mappingId ?? null,
      nextActionDueOn: nextActionDueOn(actions),
      createdBy: actor.userId,
      createdByLabel: actorLabel(actor),
    });
    await appendVersion(tx, actor.tenantId, {
      recordType: PLAN,
      recordId: planId,
      version: 1,
      author: author(actor),
      reason: null,
      content: content as unknown as Record<string, unknown>,
    });
    await auditPlan(record, 'plan.start', planId, {
      fromMapping: mapping !== null,
      goals: goals.length,
      actions: actions.length,
    });
    return { outcome: 'started' as const, planId };
  });
  return started ?? { outcome: 'not_found' };
}

// ---- Changing a plan's content ------------------------------------------------------------------

export type PlanChange =
  | { outcome: 'saved'; version: number }
  | { outcome: 'not_found' }
  | { outcome: 'unchanged' }
  | { outcome: 'reason_needed'; message: string }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'conflict'; theirs: PlanContent; theirVersion: number; theirAuthor: string; theirReason: string | null };

export interface PlanEdit {
  expectedVersion: number;
  reason: string;
  edit: (content: PlanContent) => PlanContent | string;
  what: string;
  /** More to keep in the audit entry. */
  details?: AuditDetails;
}

/**
 * Applies `edit` to the plan as it stands, if nobody has saved since `expectedVersion`. The
 * edit returns the new content, or a message when it cannot apply (a goal that is gone, say).
 */
export async function changePlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  change: PlanEdit,
  source: RequestSource,
): Promise<PlanChange> {
  const purpose = { need: 'change', action: 'plan.change', source } as const;
  const changed = await withChildRecord(database, actor, childId, purpose, async (record): Promise<PlanChange> => {
    const plan = await planOf(record, planId);
    if (!plan) return { outcome: 'not_found' };
    return applyPlanEdit(record, plan, change);
  });
  return changed ?? { outcome: 'not_found' };
}

/**
 * The one way a plan's content changes, inside the caller's transaction once it has checked
 * access: from the version the person read (or a conflict, with the newer plan), a reason when an
 * agreed plan's expectations change, a new version in record history, and the audit entry.
 */
export async function applyPlanEdit(on: PlansOnRecord, plan: PlanRow, change: PlanEdit): Promise<PlanChange> {
  const { tx, actor, childId } = on;
  const planId = plan.id;
  const conflict = async (): Promise<PlanChange> => {
    const current = (await findPlan(tx, actor.tenantId, childId, planId))!;
    const [latest] = await versionsOf(tx, actor.tenantId, PLAN, planId);
    return {
      outcome: 'conflict',
      theirs: contentOf(current),
      theirVersion: current.version,
      theirAuthor: latest?.recordedByLabel ?? '',
      theirReason: latest?.reason ?? null,
    };
  };
  if (plan.version !== change.expectedVersion) return conflict();
  const before = contentOf(plan);
  const after = change.edit(before);
  if (typeof after === 'string') return { outcome: 'invalid', message: after };
  if (sameContent(before, after)) return { outcome: 'unchanged' };
  const problem = reasonProblem(plan.status, before, after, change.reason);
  if (problem) return { outcome: 'reason_needed', message: problem };
  const version = await updatePlanIfVersion(tx, actor.tenantId, planId, change.expectedVersion, {
    title: after.title,
    kind: after.kind as PlanKind,
    startsOn: after.startsOn,
    reviewBy: after.reviewBy,
    support: after.support,
    goals: after.goals,
    actions: after.actions,
    nextActionDueOn: nextActionDueOn(after.actions),
  });
  if (version === null) return conflict();
  const reason = change.reason.trim() === '' ? null : change.reason.trim();
  await appendVersion(tx, actor.tenantId, {
    recordType: PLAN,
    recordId: planId,
    version,
    author: author(actor),
    reason,
    content: after as unknown as Record<string, unknown>,
  });
  await auditPlan(on, 'plan.change', planId, { what: change.what, version, ...change.details }, reason);
  return { outcome: 'saved', version };
}

// ---- Agreed, shared, reviewed -------------------------------------------------------------------

/** Records that the plan was agreed at a meeting, from the version everyone saw. */
export async function agreePlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  agreement: { agreedOn: string; expectedVersion: number; shareWithFamily: boolean },
  source: RequestSource,
): Promise<'agreed' | 'not_found' | 'conflict' | 'before_start'> {
  const purpose = { need: 'change', action: 'plan.agree', source } as const;
  const agreed = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const plan = await planOf(record, planId);
    if (!plan) return 'not_found';
    if (agreement.agreedOn < plan.startsOn) return 'before_start';
    const done = await markAgreed(record.tx, actor.tenantId, planId, {
      agreedOn: agreement.agreedOn,
      agreedVersion: agreement.expectedVersion,
      sharedWithFamily: agreement.shareWithFamily,
    });
    if (!done) return 'conflict';
    await auditPlan(record, 'plan.agree', planId, {
      version: agreement.expectedVersion,
      sharedWithFamily: agreement.shareWithFamily,
    });
    return 'agreed';
  });
  return agreed ?? 'not_found';
}

/** Lets the family read the family version (and say what they think of it), agreed or not. */
export async function sharePlanWithFamily(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
): Promise<'shared' | 'not_found'> {
  const purpose = { need: 'change', action: 'plan.share', source } as const;
  const shared = await withChildRecord(database, actor, childId, purpose, async (record) => {
    if (!(await planOf(record, planId))) return 'not_found';
    await shareWithFamily(record.tx, actor.tenantId, planId);
    await auditPlan(record, 'plan.share', planId, { audience: 'family' });
    return 'shared';
  });
  return shared ?? 'not_found';
}

export async function recordReview(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  review: ReviewInput,
  source: RequestSource,
): Promise<{ outcome: 'recorded' } | { outcome: 'not_found' } | { outcome: 'too_early'; message: string }> {
  const purpose = { need: 'change', action: 'plan.review', source } as const;
  const recorded = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const plan = await planOf(record, planId);
    if (!plan) return { outcome: 'not_found' as const };
    const problem = reviewDateProblem(review.heldOn, plan.startsOn);
    if (problem) return { outcome: 'too_early' as const, message: problem };
    const goalIds = new Set(plan.goals.map((goal) => goal.id));
    await insertReview(record.tx, actor.tenantId, {
      planId,
      heldOn: review.heldOn,
      whoCame: review.whoCame,
      scores: review.scores.filter((score) => goalIds.has(score.goalId)),
      whatHasChanged: review.whatHasChanged,
      whatHasBeenAchieved: review.whatHasBeenAchieved,
      decisions: review.decisions,
      nextReviewBy: review.nextReviewBy,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    // The next review date is a date for the meeting, not an expectation of the family.
    if (review.nextReviewBy) await setReviewBy(record.tx, actor.tenantId, planId, review.nextReviewBy);
    await auditPlan(record, 'plan.review', planId, { heldOn: review.heldOn });
    return { outcome: 'recorded' as const };
  });
  return recorded ?? { outcome: 'not_found' };
}

/**
 * Records whether someone agrees with the plan. Staff record it for a family member (named,
 * from the child's network); a family member signed in records their own, on a plan shared with them.
 */
export async function recordAgreement(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  agreement: AgreementInput & { personId: string | null },
  source: RequestSource,
): Promise<'recorded' | 'not_found' | 'unknown_person'> {
  const staff = actor.kind === 'staff';
  const purpose = { need: staff ? 'change' : 'view', action: 'plan.agreement', source } as const;
  const recorded = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const plan = await planOf(record, planId);
    if (!plan || (!staff && !plan.sharedWithFamily)) {
      await record.audit('plan.agreement', {}, 'denied');
      return 'not_found';
    }
    let personId: string | null;
    let personName: string;
    if (staff) {
      const owner = (await possibleOwners(record.tx, actor, childId)).find(
        (candidate) => candidate.personId === agreement.personId && candidate.circle === 'family',
      );
      if (!owner) return 'unknown_person';
      personId = owner.personId;
      personName = owner.name;
    } else {
      personId = actor.personId;
      personName = actor.fullName;
    }
    await insertAgreement(record.tx, actor.tenantId, {
      planId,
      planVersion: plan.version,
      personId,
      personName,
      response: agreement.response,
      inTheirWords: agreement.inTheirWords,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await auditPlan(record, 'plan.agreement', planId, { response: agreement.response, version: plan.version });
    return 'recorded';
  });
  return recorded ?? 'not_found';
}
