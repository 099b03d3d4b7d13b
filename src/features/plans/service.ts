/**
 * Plans made with the family: the rules around reading and changing them. Each call runs in one
 * council transaction, asks the child's record access policy first (checkChildAccess), and
 * writes its audit entry in that transaction, allowed or refused. Every change to a plan's
 * content makes a new version (record_versions, 'plan'); once agreed, a change of what is
 * expected needs a reason; a save made from an older version is refused with the newer one.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion, versionsOf } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { checkChildAccess, type RequestSource } from '../child-record/index.js';
import { latestMappingForPlanning, type MappingForPlanning } from '../mapping/index.js';
import { networkMembersForOpenedRecord } from '../network/index.js';
import {
  nextActionDueOn,
  overdueActions,
  ownerNamed,
  planActionFromMeeting,
  planDifferences,
  reasonForActionFromMeeting,
  progressByGoal,
  reasonProblem,
  reviewDateProblem,
  reviewIsOverdue,
  todayInUk,
  type OwnerCircle,
  type PlanAction,
  type PlanActionSource,
  type PlanContent,
  type PlanDifference,
  type PlanGoal,
} from './plan-rules.js';
import {
  agreementsOf,
  childNameAndBirth,
  findPlan,
  insertAgreement,
  insertPlan,
  insertReview,
  markAgreed,
  overduePlansOf,
  plansOfChild,
  reviewsOf,
  reviewsOfChildsPlans,
  setReviewBy,
  shareWithFamily,
  updatePlanIfVersion,
  type AgreementRow,
  type PlanRow,
  type ReviewRow,
} from './queries.js';
import type { PlanKind } from './schema.js';
import { actionSchema, type AgreementInput, type ReviewInput, type StartPlanInput } from './validation.js';
import { plansPaths } from './paths.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';

export const PLAN = 'plan';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type { RequestSource, PlanActionSource, OwnerCircle };
export {
  ownerCircles,
  overdueWorkInWords,
  reasonForActionFromMeeting,
  sourceInWords,
  todayInUk,
} from './plan-rules.js';
export { ownerCircleNames } from './validation.js';
export type ChildForPlans = NonNullable<Awaited<ReturnType<typeof childNameAndBirth>>>;

const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
  planId: string | null,
  details: Record<string, string | number | boolean | null> = {},
  reason: string | null = null,
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(actor),
    childPersonId: childId,
    subject: planId ? { type: PLAN, id: planId } : { type: 'child_record', id: childId },
    source,
    details,
    reason,
  });
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

async function possibleOwners(tx: Tx, actor: Actor, childId: string): Promise<PossibleOwner[]> {
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

// ---- The child's plans ------------------------------------------------------------------------

export interface ChildPlans {
  child: ChildForPlans;
  plans: (PlanRow & { overdueActions: number; reviewOverdue: boolean })[];
  mapping: MappingForPlanning | null;
}

/** The child's plans. A family member sees only the plans shared with the family. */
export async function plansForChild(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  today = todayInUk(),
): Promise<ChildPlans | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'plan.list'))) return null;
    const child = await childNameAndBirth(tx, actor.tenantId, childId);
    if (!child) return null;
    const rows = (await plansOfChild(tx, actor.tenantId, childId)).filter(
      (plan) => actor.kind === 'staff' || plan.sharedWithFamily,
    );
    await audit(tx, actor, childId, 'plan.list', source, null, { plans: rows.length });
    return {
      child,
      plans: rows.map((plan) => ({
        ...plan,
        overdueActions: overdueActions(plan.actions, today).length,
        reviewOverdue: reviewIsOverdue(plan.reviewBy, today),
      })),
      mapping: actor.kind === 'staff' ? await latestMappingForPlanning(tx, actor.tenantId, childId) : null,
    };
  });
}

export interface StartingPoint {
  child: ChildForPlans;
  mapping: MappingForPlanning | null;
}

export async function startingPoint(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<StartingPoint | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.start'))) return null;
    const child = await childNameAndBirth(tx, actor.tenantId, childId);
    if (!child) return null;
    return { child, mapping: await latestMappingForPlanning(tx, actor.tenantId, childId) };
  });
}

/** Starts a plan; from the latest mapping's safety goals (as goals) and next steps (as actions) when asked. */
export async function startPlan(
  database: Database,
  actor: Actor,
  childId: string,
  input: StartPlanInput,
  source: RequestSource,
): Promise<{ outcome: 'started'; planId: string } | { outcome: 'not_found' }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.start'))) {
      return { outcome: 'not_found' as const };
    }
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
    await audit(tx, actor, childId, 'plan.start', source, planId, {
      fromMapping: mapping !== null,
      goals: goals.length,
      actions: actions.length,
    });
    return { outcome: 'started' as const, planId };
  });
}

// ---- One plan -------------------------------------------------------------------------------

export interface VersionSummary {
  version: number;
  recordedAt: Date;
  recordedByLabel: string;
  reason: string | null;
}

export interface ChangesSinceAgreed {
  agreedVersion: number;
  agreedOn: string;
  differences: PlanDifference[];
  /** Each change made since, newest first, with its reason. */
  changes: VersionSummary[];
}

export interface PlanView {
  child: ChildForPlans;
  plan: PlanRow;
  content: PlanContent;
  reviews: ReviewRow[];
  agreements: AgreementRow[];
  versions: VersionSummary[];
  changesSinceAgreed: ChangesSinceAgreed | null;
  progress: ReturnType<typeof progressByGoal>;
  worries: MappingForPlanning['worries'];
  owners: PossibleOwner[];
  overdueActionIds: string[];
  reviewOverdue: boolean;
}

async function readPlan(
  tx: Tx,
  actor: Actor,
  childId: string,
  planId: string,
  today: string,
): Promise<PlanView | null> {
  if (!UUID.test(planId)) return null;
  const staff = actor.kind === 'staff';
  // Independent reads, sent together (on a server, one round trip rather than seven).
  const [plan, child, versions, reviews, agreements, latestMapping, owners] = await together([
    findPlan(tx, actor.tenantId, childId, planId),
    childNameAndBirth(tx, actor.tenantId, childId),
    versionsOf(tx, actor.tenantId, PLAN, planId),
    reviewsOf(tx, actor.tenantId, planId),
    agreementsOf(tx, actor.tenantId, planId),
    staff ? latestMappingForPlanning(tx, actor.tenantId, childId) : null,
    staff ? possibleOwners(tx, actor, childId) : [],
  ]);
  if (!plan || !child) return null;
  let changesSinceAgreed: ChangesSinceAgreed | null = null;
  if (plan.status === 'agreed' && plan.agreedVersion !== null) {
    const agreed = versions.find((version) => version.version === plan.agreedVersion);
    if (agreed) {
      changesSinceAgreed = {
        agreedVersion: plan.agreedVersion,
        agreedOn: plan.agreedOn!,
        differences: planDifferences(agreed.content as unknown as PlanContent, contentOf(plan)),
        changes: versions
          .filter((version) => version.version > plan.agreedVersion!)
          .map(({ version, recordedAt, recordedByLabel, reason }) => ({
            version,
            recordedAt,
            recordedByLabel,
            reason,
          })),
      };
    }
  }
  return {
    child,
    plan,
    content: contentOf(plan),
    reviews,
    agreements,
    versions: versions.map(({ version, recordedAt, recordedByLabel, reason }) => ({
      version,
      recordedAt,
      recordedByLabel,
      reason,
    })),
    changesSinceAgreed,
    progress: progressByGoal(plan.goals, reviews),
    worries: latestMapping?.worries ?? [],
    owners,
    overdueActionIds: overdueActions(plan.actions, today).map((action) => action.id),
    reviewOverdue: reviewIsOverdue(plan.reviewBy, today),
  };
}

/**
 * The whole plan, for staff who may read the child's record. Family members and young people
 * read the family version (familyPlan) instead.
 */
export async function viewPlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
  options: { forChange?: boolean; today?: string } = {},
): Promise<PlanView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = options.forChange ? 'change' : 'view';
    if (actor.kind !== 'staff' || !(await checkChildAccess(tx, actor, childId, action, source, `plan.${action}`))) {
      if (actor.kind !== 'staff') await auditDenied(tx, actor, childId, `plan.${action}`, source);
      return null;
    }
    const view = await readPlan(tx, actor, childId, planId, options.today ?? todayInUk());
    if (!view) return null;
    await audit(tx, actor, childId, 'plan.view', source, planId, options.forChange ? { forChange: true } : {});
    return view;
  });
}

function auditDenied(tx: Tx, actor: Actor, childId: string, action: string, source: RequestSource) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'denied',
    actor: author(actor),
    childPersonId: UUID.test(childId) ? childId : null,
    subject: UUID.test(childId) ? { type: 'child_record', id: childId } : null,
    source,
  });
}

/**
 * The family version: for staff who may read the record, and for a family member or young
 * person only once the plan has been shared with the family.
 */
export async function familyPlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
  options: { part?: string; today?: string } = {},
): Promise<PlanView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'plan.family_version'))) return null;
    const view = await readPlan(tx, actor, childId, planId, options.today ?? todayInUk());
    if (!view || (actor.kind !== 'staff' && !view.plan.sharedWithFamily)) {
      await auditDenied(tx, actor, childId, 'plan.family_version', source);
      return null;
    }
    await audit(tx, actor, childId, 'plan.family_version', source, planId, { part: options.part ?? 'family' });
    if (actor.kind === 'staff') return view;
    // The family's copy: no staff labels on who changed what.
    return {
      ...view,
      versions: [],
      changesSinceAgreed: view.changesSinceAgreed
        ? {
            ...view.changesSinceAgreed,
            changes: view.changesSinceAgreed.changes.map((change) => ({ ...change, recordedByLabel: '' })),
          }
        : null,
    };
  });
}

// ---- Changing a plan --------------------------------------------------------------------------

export type PlanChange =
  | { outcome: 'saved'; version: number }
  | { outcome: 'not_found' }
  | { outcome: 'unchanged' }
  | { outcome: 'reason_needed'; message: string }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'conflict'; theirs: PlanContent; theirVersion: number; theirAuthor: string; theirReason: string | null };

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
  return withTenant(database.orm, actor.tenantId, async (tx): Promise<PlanChange> => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.change'))) return { outcome: 'not_found' };
    const plan = UUID.test(planId) ? await findPlan(tx, actor.tenantId, childId, planId) : undefined;
    if (!plan) return { outcome: 'not_found' };
    return applyPlanEdit(tx, actor, childId, plan, change, source);
  });
}

interface PlanEdit {
  expectedVersion: number;
  reason: string;
  edit: (content: PlanContent) => PlanContent | string;
  what: string;
  /** More to keep in the audit entry. */
  details?: Record<string, string | number | boolean | null>;
}

/**
 * The one way a plan's content changes, inside the caller's transaction once it has checked
 * access: from the version the person read (or a conflict, with the newer plan), a reason when an
 * agreed plan's expectations change, a new version in record history, and the audit entry.
 */
async function applyPlanEdit(
  tx: Tx,
  actor: Actor,
  childId: string,
  plan: PlanRow,
  change: PlanEdit,
  source: RequestSource,
): Promise<PlanChange> {
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
  if (JSON.stringify(before) === JSON.stringify(after)) return { outcome: 'unchanged' };
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
  await audit(
    tx,
    actor,
    childId,
    'plan.change',
    source,
    planId,
    { what: change.what, version, ...change.details },
    reason,
  );
  return { outcome: 'saved', version };
}

/** Records that the plan was agreed at a meeting, from the version everyone saw. */
export async function agreePlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  agreement: { agreedOn: string; expectedVersion: number; shareWithFamily: boolean },
  source: RequestSource,
): Promise<'agreed' | 'not_found' | 'conflict' | 'before_start'> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.agree'))) return 'not_found';
    const plan = UUID.test(planId) ? await findPlan(tx, actor.tenantId, childId, planId) : undefined;
    if (!plan) return 'not_found';
    if (agreement.agreedOn < plan.startsOn) return 'before_start';
    const done = await markAgreed(tx, actor.tenantId, planId, {
      agreedOn: agreement.agreedOn,
      agreedVersion: agreement.expectedVersion,
      sharedWithFamily: agreement.shareWithFamily,
    });
    if (!done) return 'conflict';
    await audit(tx, actor, childId, 'plan.agree', source, planId, {
      version: agreement.expectedVersion,
      sharedWithFamily: agreement.shareWithFamily,
    });
    return 'agreed';
  });
}

/** Lets the family read the family version (and say what they think of it), agreed or not. */
export async function sharePlanWithFamily(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
): Promise<'shared' | 'not_found'> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.share'))) return 'not_found';
    const plan = UUID.test(planId) ? await findPlan(tx, actor.tenantId, childId, planId) : undefined;
    if (!plan) return 'not_found';
    await shareWithFamily(tx, actor.tenantId, planId);
    await audit(tx, actor, childId, 'plan.share', source, planId, { audience: 'family' });
    return 'shared';
  });
}

export async function recordReview(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  review: ReviewInput,
  source: RequestSource,
): Promise<{ outcome: 'recorded' } | { outcome: 'not_found' } | { outcome: 'too_early'; message: string }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'plan.review'))) {
      return { outcome: 'not_found' as const };
    }
    const plan = UUID.test(planId) ? await findPlan(tx, actor.tenantId, childId, planId) : undefined;
    if (!plan) return { outcome: 'not_found' as const };
    const problem = reviewDateProblem(review.heldOn, plan.startsOn);
    if (problem) return { outcome: 'too_early' as const, message: problem };
    const goalIds = new Set(plan.goals.map((goal) => goal.id));
    await insertReview(tx, actor.tenantId, {
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
    if (review.nextReviewBy) await setReviewBy(tx, actor.tenantId, planId, review.nextReviewBy);
    await audit(tx, actor, childId, 'plan.review', source, planId, { heldOn: review.heldOn });
    return { outcome: 'recorded' as const };
  });
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
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const staff = actor.kind === 'staff';
    if (!(await checkChildAccess(tx, actor, childId, staff ? 'change' : 'view', source, 'plan.agreement'))) {
      return 'not_found';
    }
    const plan = UUID.test(planId) ? await findPlan(tx, actor.tenantId, childId, planId) : undefined;
    if (!plan || (!staff && !plan.sharedWithFamily)) {
      await auditDenied(tx, actor, childId, 'plan.agreement', source);
      return 'not_found';
    }
    let personId: string | null;
    let personName: string;
    if (staff) {
      const owner = (await possibleOwners(tx, actor, childId)).find(
        (candidate) => candidate.personId === agreement.personId && candidate.circle === 'family',
      );
      if (!owner) return 'unknown_person';
      personId = owner.personId;
      personName = owner.name;
    } else {
      personId = actor.personId;
      personName = actor.fullName;
    }
    await insertAgreement(tx, actor.tenantId, {
      planId,
      planVersion: plan.version,
      personId,
      personName,
      response: agreement.response,
      inTheirWords: agreement.inTheirWords,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await audit(tx, actor, childId, 'plan.agreement', source, planId, {
      response: agreement.response,
      version: plan.version,
    });
    return 'recorded';
  });
}

// ---- Overdue work on the caseload -------------------------------------------------------------

export interface OverdueWork {
  overdueActions: number;
  reviewsOverdue: number;
}

/**
 * For the caseload (inside its transaction, after it has decided who is listed): each child's
 * overdue plan actions and reviews.
 */
export async function overdueWorkFor(
  tx: Tx,
  tenantId: string,
  childIds: string[],
  today = todayInUk(),
): Promise<Map<string, OverdueWork>> {
  const work = new Map<string, OverdueWork>();
  for (const plan of await overduePlansOf(tx, tenantId, childIds, today)) {
    const entry = work.get(plan.childPersonId) ?? { overdueActions: 0, reviewsOverdue: 0 };
    entry.overdueActions += overdueActions(plan.actions, today).length;
    if (reviewIsOverdue(plan.reviewBy, today)) entry.reviewsOverdue += 1;
    work.set(plan.childPersonId, entry);
  }
  return work;
}

// ---- A family's plan from a family group conference -------------------------------------------

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
  await audit(tx, actor, childId, existing ? 'plan.change' : 'plan.start', source, planId, {
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
  const result = await applyPlanEdit(
    tx,
    actor,
    childId,
    plan,
    {
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
    },
    source,
  );
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

/** Each plan agreed with the family, and each of its reviews, as events in the child's chronology. */
export async function planChronologyEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  const [childsPlans, reviews] = await together([
    plansOfChild(tx, tenantId, childId),
    reviewsOfChildsPlans(tx, tenantId, childId),
  ]);
  const events: ChronologyEvent[] = [];
  for (const plan of childsPlans) {
    if (!plan.agreedOn) continue;
    events.push({
      occurredAt: plan.agreedOn,
      type: 'plan',
      title: `Plan agreed: ${plan.title}`,
      details: null,
      byline: plan.createdByLabel,
      href: plansPaths.plan(childId, plan.id),
    });
    for (const review of reviews.filter((candidate) => candidate.planId === plan.id)) {
      events.push({
        occurredAt: review.heldOn,
        type: 'plan',
        title: `Plan review: ${plan.title}`,
        details: null,
        byline: review.recordedByLabel,
        href: plansPaths.plan(childId, plan.id),
      });
    }
  }
  return events;
}
