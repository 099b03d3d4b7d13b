/** The only place SQL about plans is written. Every function takes the transaction handle. */
import { asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { anyOf, reusableQuery, rowsOfChild, rowsUnderChild } from '../../platform/db/reusable-query.js';
import { insertReturningId, isRow, isRowAtVersion, ofCouncil, rowOfChildFinder } from '../../platform/db/rows.js';
import { childRecords, people } from '../people/schema.js';
import type { PlanAction, PlanGoal, ReviewScore } from './plan-rules.js';
import { planAgreements, planReviews, plans, type AgreementResponse, type PlanKind } from './schema.js';

export type PlanRow = typeof plans.$inferSelect;
export type ReviewRow = typeof planReviews.$inferSelect;
export type AgreementRow = typeof planAgreements.$inferSelect;

export async function childNameAndBirth(tx: Tx, tenantId: string, childId: string) {
  const [row] = await tx
    .select({
      id: people.id,
      fullName: people.fullName,
      knownAs: people.knownAs,
      dateOfBirth: people.dateOfBirth,
      reference: childRecords.reference,
    })
    .from(childRecords)
    .innerJoin(people, isRow(people, childRecords.tenantId, childRecords.personId))
    .where(ofCouncil(childRecords, tenantId, eq(childRecords.personId, childId)));
  return row;
}

export async function insertPlan(
  tx: Tx,
  tenantId: string,
  plan: {
    childPersonId: string;
    kind: PlanKind;
    title: string;
    startsOn: string;
    reviewBy: string | null;
    support: string | null;
    goals: PlanGoal[];
    actions: PlanAction[];
    fromMappingId: string | null;
    sourceMeetingId?: string | null;
    nextActionDueOn: string | null;
    createdBy: string | null;
    createdByLabel: string;
  },
): Promise<string> {
  return insertReturningId(tx, plans, { tenantId, ...plan });
}

export const plansOfChild = rowsOfChild(plans, desc(plans.startsOn), desc(plans.createdAt));

export const findPlan = rowOfChildFinder(plans);

/**
 * Saves the plan's content only if nobody saved since `expectedVersion`; returns the new
 * version, or null when someone else got there first (the row is left as they saved it).
 */
export async function updatePlanIfVersion(
  tx: Tx,
  tenantId: string,
  planId: string,
  expectedVersion: number,
  content: {
    title: string;
    kind: PlanKind;
    startsOn: string;
    reviewBy: string | null;
    support: string | null;
    goals: PlanGoal[];
    actions: PlanAction[];
    nextActionDueOn: string | null;
    sourceMeetingId?: string | null;
  },
): Promise<number | null> {
  const [row] = await tx
    .update(plans)
    .set({ ...content, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(isRowAtVersion(plans, tenantId, planId, expectedVersion))
    .returning({ version: plans.version });
  return row?.version ?? null;
}

export async function markAgreed(
  tx: Tx,
  tenantId: string,
  planId: string,
  agreement: { agreedOn: string; agreedVersion: number; sharedWithFamily: boolean },
): Promise<boolean> {
  const rows = await tx
    .update(plans)
    .set({ status: 'agreed', ...agreement, updatedAt: new Date() })
    .where(isRowAtVersion(plans, tenantId, planId, agreement.agreedVersion))
    .returning({ id: plans.id });
  return rows.length === 1;
}

export async function shareWithFamily(tx: Tx, tenantId: string, planId: string): Promise<void> {
  await tx
    .update(plans)
    .set({ sharedWithFamily: true, updatedAt: new Date() })
    .where(isRow(plans, tenantId, planId));
}

export async function setReviewBy(tx: Tx, tenantId: string, planId: string, reviewBy: string | null): Promise<void> {
  await tx
    .update(plans)
    .set({ reviewBy, updatedAt: new Date() })
    .where(isRow(plans, tenantId, planId));
}

export async function insertReview(
  tx: Tx,
  tenantId: string,
  review: {
    planId: string;
    heldOn: string;
    whoCame: string;
    scores: ReviewScore[];
    whatHasChanged: string | null;
    whatHasBeenAchieved: string | null;
    decisions: string | null;
    nextReviewBy: string | null;
    recordedBy: string | null;
    recordedByLabel: string;
    /** When the review was written up, when not now (the demo family's history). */
    recordedAt?: Date;
  },
): Promise<string> {
  return insertReturningId(tx, planReviews, { tenantId, ...review });
}

/** The reviews of every plan of the child, oldest first: one read, not one a plan. */
export const reviewsOfChildsPlans = rowsUnderChild(
  planReviews,
  planReviews.planId,
  plans,
  plans.id,
  asc(planReviews.heldOn),
  asc(planReviews.recordedAt),
);

export async function reviewsOf(tx: Tx, tenantId: string, planId: string): Promise<ReviewRow[]> {
  return tx
    .select()
    .from(planReviews)
    .where(ofCouncil(planReviews, tenantId, eq(planReviews.planId, planId)))
    .orderBy(asc(planReviews.heldOn), asc(planReviews.recordedAt));
}

export async function insertAgreement(
  tx: Tx,
  tenantId: string,
  agreement: {
    planId: string;
    planVersion: number;
    personId: string | null;
    personName: string;
    response: AgreementResponse;
    inTheirWords: string | null;
    recordedBy: string | null;
    recordedByLabel: string;
    recordedAt?: Date;
  },
): Promise<void> {
  await tx.insert(planAgreements).values({ tenantId, ...agreement });
}

export async function agreementsOf(tx: Tx, tenantId: string, planId: string): Promise<AgreementRow[]> {
  return tx
    .select()
    .from(planAgreements)
    .where(ofCouncil(planAgreements, tenantId, eq(planAgreements.planId, planId)))
    .orderBy(asc(planAgreements.recordedAt));
}

/** For each child, the plans with an action or a review past its date. */
const overduePlansStatement = reusableQuery<{ tenantId: string; childIds: string[]; today: string }>()((tx, p) =>
  tx
    .select({
      childPersonId: plans.childPersonId,
      planId: plans.id,
      reviewBy: plans.reviewBy,
      nextActionDueOn: plans.nextActionDueOn,
      actions: plans.actions,
    })
    .from(plans)
    .where(
      ofCouncil(
        plans,
        p.tenantId,
        anyOf(plans.childPersonId, p.childIds),
        or(lt(plans.nextActionDueOn, p.today), lt(plans.reviewBy, p.today)),
      ),
    ),
);

export async function overduePlansOf(tx: Tx, tenantId: string, childIds: string[], today: string) {
  if (childIds.length === 0) return [];
  return overduePlansStatement(tx, { tenantId, childIds, today });
}
