/**
 * Plans and meetings: the plan a family group conference agreed becomes the child's plan, and a
 * meeting's action becomes a plan action (once only, with its source kept). Each runs inside the
 * meetings feature's transaction, which has already opened the child's record.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../platform/db/database.js';
import { appendVersion } from '../../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { RequestSource } from '../../child-record/index.js';
import {
  nextActionDueOn,
  ownerNamed,
  planActionFromMeeting,
  reasonForActionFromMeeting,
  type PlanAction,
  type PlanActionSource,
  type PlanContent,
  type PlanGoal,
} from '../plan-rules.js';
import { findPlan, insertPlan, markAgreed, plansOfChild, updatePlanIfVersion } from '../queries.js';
import { actionSchema } from '../validation.js';
import { applyPlanEdit } from './changing.js';
import { PLAN, auditPlan, author, possibleOwners, type PossibleOwner } from './record.js';

export interface FamilyPlanFromMeeting {
  meetingId: string;
  /** The kind of meeting in words, lower case, for each action's source: "family group conference". */
  meetingName: string;
  heldOn: string;
  /** The plan an earlier conference agreed, when this is its review: it gets a new version. */
  planId: string | null;
  title: string;
  agreedOn: string;
  reviewBy: string;
  /** The family's plan in their own words, and what was agreed or changed. */
  goalsInFamilyWords: string[];
  /** The meeting's actions for the plan; one already in one of the child's plans is not added again. */
  actions: { id: string; whatWillHappen: string; ownerName: string; dueOn: string }[];
  support: string | null;
  reason: string;
}

/**
 * The plan a family group conference agreed becomes the child's plan (a new family plan, agreed
 * and shared with the family) or, from a review, a new agreed version of the plan it came from.
 * The plan keeps the meeting as its source. Runs inside the caller's transaction, which has
 * already checked that the actor may change the child's record. Returns the plan's id.
 */
export async function adoptFamilyPlan(
  tx: Tx,
  actor: Actor,
  childId: string,
  agreed: FamilyPlanFromMeeting,
  source: RequestSource,
): Promise<string> {
  const on = { tx, actor, childId, source };
  const existing = agreed.planId ? await findPlan(tx, actor.tenantId, childId, agreed.planId) : undefined;
  const childsPlans = await plansOfChild(tx, actor.tenantId, childId);
  const goals: PlanGoal[] = agreed.goalsInFamilyWords.map((words) => ({
    id: randomUUID(),
    goalInFamilyWords: words.slice(0, 2000),
    professionalWording: null,
    worries: [],
    fromSafetyGoalId: null,
  }));
  const actions: PlanAction[] = agreed.actions
    .filter((action) => !planActionFromMeeting(childsPlans, agreed.meetingId, action.id))
    .map((action) => ({
      id: randomUUID(),
      whatWillHappen: action.whatWillHappen,
      goalId: null,
      ownerPersonId: null,
      ownerName: action.ownerName,
      ownerCircle: 'family',
      dueOn: action.dueOn,
      status: 'not_started',
      fromNextStepId: null,
      fromMeeting: {
        meetingId: agreed.meetingId,
        actionId: action.id,
        meetingName: agreed.meetingName,
        heldOn: agreed.heldOn,
      },
    }));
  const content: PlanContent = {
    title: existing?.title ?? agreed.title,
    kind: 'family_plan',
    startsOn: existing?.startsOn ?? agreed.agreedOn,
    reviewBy: agreed.reviewBy,
    support: agreed.support,
    goals,
    actions: [...(existing?.actions.filter((action) => action.status !== 'done') ?? []), ...actions],
  };
  let planId: string;
  let version: number;
  if (existing) {
    const saved = await updatePlanIfVersion(tx, actor.tenantId, existing.id, existing.version, {
      ...content,
      kind: 'family_plan',
      nextActionDueOn: nextActionDueOn(content.actions),
      sourceMeetingId: agreed.meetingId,
    });
    if (saved === null) throw new Error('the plan changed while the review was being agreed');
    planId = existing.id;
    version = saved;
  } else {
    planId = await insertPlan(tx, actor.tenantId, {
      childPersonId: childId,
      kind: 'family_plan',
      title: content.title,
      startsOn: content.startsOn,
      reviewBy: content.reviewBy,
      support: content.support,
      goals: content.goals,
      actions: content.actions,
      fromMappingId: null,
      sourceMeetingId: agreed.meetingId,
      nextActionDueOn: nextActionDueOn(content.actions),
      createdBy: actor.userId,
      createdByLabel: actorLabel(actor),
    });
    version = 1;
  }
  await appendVersion(tx, actor.tenantId, {
    recordType: PLAN,
    recordId: planId,
    version,
    author: author(actor),
    reason: agreed.reason,
    content: content as unknown as Record<string, unknown>,
  });
  await markAgreed(tx, actor.tenantId, planId, {
    agreedOn: agreed.agreedOn,
    agreedVersion: version,
    sharedWithFamily: true,
  });
  await auditPlan(on, existing ? 'plan.change' : 'plan.start', planId, {
    fromMeeting: agreed.meetingId,
    goals: goals.length,
    actions: content.actions.length,
  });
  return planId;
}

// ---- A meeting's action as a plan action -------------------------------------------------------

export interface MeetingActionInPlan {
  planId: string;
  planTitle: string;
  planActionId: string;
}

/**
 * Which of the child's meetings' actions are already plan actions: by meeting, then by the
 * meeting's id for the action. Runs inside the caller's transaction, which has already decided
 * the actor may see the child's record.
 */
export async function meetingActionsInPlans(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<Map<string, Map<string, MeetingActionInPlan>>> {
  const found = new Map<string, Map<string, MeetingActionInPlan>>();
  for (const plan of await plansOfChild(tx, tenantId, childId)) {
    for (const action of plan.actions) {
      if (!action.fromMeeting) continue;
      const ofMeeting = found.get(action.fromMeeting.meetingId) ?? new Map<string, MeetingActionInPlan>();
      if (!ofMeeting.has(action.fromMeeting.actionId)) {
        ofMeeting.set(action.fromMeeting.actionId, { planId: plan.id, planTitle: plan.title, planActionId: action.id });
      }
      found.set(action.fromMeeting.meetingId, ofMeeting);
    }
  }
  return found;
}

export interface PlanToChoose {
  id: string;
  title: string;
  agreed: boolean;
  version: number;
  goals: { id: string; goalInFamilyWords: string }[];
}

/**
 * What someone adding a meeting's action to the child's plan chooses from: the child's plans
 * (newest first) with their goals, and the person in the child's network the action's owner is,
 * when the name says so. Inside the caller's transaction, once it has checked the actor may
 * change the child's record.
 */
export async function plansToAddMeetingActionTo(
  tx: Tx,
  actor: Actor,
  childId: string,
  ownerName: string,
): Promise<{ plans: PlanToChoose[]; owner: PossibleOwner | null }> {
  const plans = await plansOfChild(tx, actor.tenantId, childId);
  return {
    plans: plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      agreed: plan.status === 'agreed',
      version: plan.version,
      goals: plan.goals.map((goal) => ({ id: goal.id, goalInFamilyWords: goal.goalInFamilyWords })),
    })),
    owner: ownerNamed(ownerName, await possibleOwners(tx, actor, childId)),
  };
}

export interface MeetingActionForPlan {
  /**
   * Which plan and goal, as chosen; null when the choice could not be read, so only whether
   * the action is already in a plan, or the child has none, is answered.
   */
  choice: {
    planId: string;
    /** The goal it serves, or null for the whole plan. */
    goalId: string | null;
    /** The plan's version the person chose from. */
    expectedVersion: number;
    /** Whether the owner is family, network or a professional; found from the network when not given. */
    ownerCircle: string | null;
  } | null;
  whatWillHappen: string;
  ownerName: string;
  dueOn: string;
  source: PlanActionSource;
}

export type MeetingActionAdded =
  | { outcome: 'added'; planId: string; planActionId: string; version: number }
  | { outcome: 'already_in_plan'; planId: string; planActionId: string; planTitle: string }
  | { outcome: 'no_plan' }
  | { outcome: 'invalid'; issues: { field: string; message: string }[] }
  | { outcome: 'conflict'; message: string; currentVersion: number };

/**
 * Makes a meeting's action an action of one of the child's plans, serving one of its goals or
 * the whole plan, with its source kept (the meeting and the action). A meeting action becomes a
 * plan action once only: if a plan already holds it, that is the answer. The plan's own rules
 * apply: the action is checked like any other, the plan must be the version the person chose
 * from, and the change is a new version whose reason is where the action came from.
 *
 * Runs inside the caller's transaction, which has already checked that the actor may change the
 * child's record (and holds the meeting, so two people cannot add the same action at once).
 */
export async function addActionFromMeeting(
  tx: Tx,
  actor: Actor,
  childId: string,
  wanted: MeetingActionForPlan,
  source: RequestSource,
): Promise<MeetingActionAdded> {
  const plans = await plansOfChild(tx, actor.tenantId, childId);
  const already = planActionFromMeeting(plans, wanted.source.meetingId, wanted.source.actionId);
  if (already) {
    return {
      outcome: 'already_in_plan',
      planId: already.plan.id,
      planActionId: already.action.id,
      planTitle: already.plan.title,
    };
  }
  if (plans.length === 0) return { outcome: 'no_plan' };
  const { choice } = wanted;
  if (!choice) return { outcome: 'invalid', issues: [] };
  const plan = plans.find((candidate) => candidate.id === choice.planId);
  if (!plan) return { outcome: 'invalid', issues: [{ field: 'planId', message: 'Choose one of the child’s plans' }] };
  const owner = ownerNamed(wanted.ownerName, await possibleOwners(tx, actor, childId));
  const parsed = actionSchema.safeParse({
    whatWillHappen: wanted.whatWillHappen,
    goalId: choice.goalId,
    ownerPersonId: owner?.personId ?? null,
    ownerName: wanted.ownerName,
    ownerCircle: choice.ownerCircle ?? owner?.circle,
    dueOn: wanted.dueOn,
    status: 'not_started',
  });
  if (!parsed.success) {
    return {
      outcome: 'invalid',
      issues: parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message })),
    };
  }
  const planActionId = randomUUID();
  const result = await applyPlanEdit({ tx, actor, childId, source }, plan, {
    expectedVersion: choice.expectedVersion,
    reason: reasonForActionFromMeeting(wanted.source),
    what: 'action_added_from_meeting',
    details: { fromMeeting: wanted.source.meetingId, meetingActionId: wanted.source.actionId },
    edit: (content) => {
      if (parsed.data.goalId !== null && !content.goals.some((goal) => goal.id === parsed.data.goalId)) {
        return 'Choose one of the plan’s goals, or the whole plan';
      }
      return {
        ...content,
        actions: [
          ...content.actions,
          { id: planActionId, ...parsed.data, fromNextStepId: null, fromMeeting: wanted.source },
        ],
      };
    },
  });
  switch (result.outcome) {
    case 'saved':
      return { outcome: 'added', planId: plan.id, planActionId, version: result.version };
    case 'conflict':
      return {
        outcome: 'conflict',
        message: `Someone changed “${plan.title}” while you were choosing. Check the plan and its goals, and add the action again`,
        currentVersion: result.theirVersion,
      };
    case 'invalid':
      return { outcome: 'invalid', issues: [{ field: 'goalId', message: result.message }] };
    case 'reason_needed':
    case 'unchanged':
    case 'not_found':
      // Adding an action always changes the plan, and its reason is always given.
      throw new Error(`adding a meeting action to a plan gave ${result.outcome}`);
  }
}
