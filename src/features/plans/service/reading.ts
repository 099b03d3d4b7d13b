/**
 * Reading plans: the child's plans, where a new plan starts from, one whole plan for staff, and
 * the family's version. Each opens the child's record (child-record's `withChildRecord`), which
 * audits a refusal; what was then read is audited here, in the same transaction.
 */
import type { Database } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import { isUuid } from '../../../platform/db/ids.js';
import { versionsOf } from '../../../platform/history/record-history.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type ChildRecordHandle, type RequestSource } from '../../child-record/index.js';
import { latestMappingForPlanning, type MappingForPlanning } from '../../mapping/index.js';
import {
  overdueActions,
  planDifferences,
  progressByGoal,
  reviewIsOverdue,
  todayInUk,
  type PlanContent,
  type PlanDifference,
} from '../plan-rules.js';
import {
  agreementsOf,
  findPlan,
  plansOfChild,
  reviewsOf,
  type AgreementRow,
  type PlanRow,
  type ReviewRow,
} from '../queries.js';
import {
  PLAN,
  auditPlan,
  childForPlans,
  contentOf,
  possibleOwners,
  type ChildForPlans,
  type PossibleOwner,
} from './record.js';

// ---- The child's plans ------------------------------------------------------------------------

export interface ChildPlans {
  child: ChildForPlans;
  plans: (PlanRow & { overdueActions: number; reviewOverdue: boolean })[];
  mapping: MappingForPlanning | null;
}

/** The child's plans. A family member sees only the plans shared with the family. */
export function plansForChild(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  today = todayInUk(),
): Promise<ChildPlans | null> {
  return withChildRecord(database, actor, childId, { need: 'view', action: 'plan.list', source }, async (record) => {
    const rows = (await plansOfChild(record.tx, actor.tenantId, childId)).filter(
      (plan) => actor.kind === 'staff' || plan.sharedWithFamily,
    );
    await record.audit('plan.list', { plans: rows.length });
    return {
      child: childForPlans(record.child),
      plans: rows.map((plan) => ({
        ...plan,
        overdueActions: overdueActions(plan.actions, today).length,
        reviewOverdue: reviewIsOverdue(plan.reviewBy, today),
      })),
      mapping: actor.kind === 'staff' ? await latestMappingForPlanning(record.tx, actor.tenantId, childId) : null,
    };
  });
}

export interface StartingPoint {
  child: ChildForPlans;
  mapping: MappingForPlanning | null;
}

export function startingPoint(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<StartingPoint | null> {
  return withChildRecord(
    database,
    actor,
    childId,
    { need: 'change', action: 'plan.start', source },
    async (record) => ({
      child: childForPlans(record.child),
      mapping: await latestMappingForPlanning(record.tx, actor.tenantId, childId),
    }),
  );
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

const summaryOf = ({ version, recordedAt, recordedByLabel, reason }: VersionSummary): VersionSummary => ({
  version,
  recordedAt,
  recordedByLabel,
  reason,
});

async function readPlan(record: ChildRecordHandle, planId: string, today: string): Promise<PlanView | null> {
  if (!isUuid(planId)) return null;
  const { tx, actor, childId } = record;
  const staff = actor.kind === 'staff';
  // Independent reads, sent together (on a server, one round trip rather than six).
  const [plan, versions, reviews, agreements, latestMapping, owners] = await together([
    findPlan(tx, actor.tenantId, childId, planId),
    versionsOf(tx, actor.tenantId, PLAN, planId),
    reviewsOf(tx, actor.tenantId, planId),
    agreementsOf(tx, actor.tenantId, planId),
    staff ? latestMappingForPlanning(tx, actor.tenantId, childId) : null,
    staff ? possibleOwners(tx, actor, childId) : [],
  ]);
  if (!plan) return null;
  let changesSinceAgreed: ChangesSinceAgreed | null = null;
  if (plan.status === 'agreed' && plan.agreedVersion !== null) {
    const agreed = versions.find((version) => version.version === plan.agreedVersion);
    if (agreed) {
      changesSinceAgreed = {
        agreedVersion: plan.agreedVersion,
        agreedOn: plan.agreedOn!,
        differences: planDifferences(agreed.content as unknown as PlanContent, contentOf(plan)),
        changes: versions.filter((version) => version.version > plan.agreedVersion!).map(summaryOf),
      };
    }
  }
  return {
    child: childForPlans(record.child),
    plan,
    content: contentOf(plan),
    reviews,
    agreements,
    versions: versions.map(summaryOf),
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
export function viewPlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
  options: { forChange?: boolean; today?: string } = {},
): Promise<PlanView | null> {
  const need = options.forChange ? 'change' : 'view';
  const action = options.forChange ? 'plan.change' : 'plan.view';
  return withChildRecord(database, actor, childId, { need, action, source }, async (record) => {
    if (actor.kind !== 'staff') {
      await record.audit(action, {}, 'denied');
      return null;
    }
    const view = await readPlan(record, planId, options.today ?? todayInUk());
    if (!view) return null;
    await auditPlan(record, 'plan.view', planId, options.forChange ? { forChange: true } : {});
    return view;
  });
}

/**
 * The family version: for staff who may read the record, and for a family member or young
 * person only once the plan has been shared with the family.
 */
export function familyPlan(
  database: Database,
  actor: Actor,
  childId: string,
  planId: string,
  source: RequestSource,
  options: { part?: string; today?: string } = {},
): Promise<PlanView | null> {
  const purpose = { need: 'view', action: 'plan.family_version', source } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const view = await readPlan(record, planId, options.today ?? todayInUk());
    if (!view || (actor.kind !== 'staff' && !view.plan.sharedWithFamily)) {
      await record.audit('plan.family_version', {}, 'denied');
      return null;
    }
    await auditPlan(record, 'plan.family_version', planId, { part: options.part ?? 'family' });
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
