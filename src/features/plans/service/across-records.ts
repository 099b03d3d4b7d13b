/**
 * Plans seen from outside one plan: each child's overdue work for the caseload, and the plans
 * agreed and reviewed as events in the child's chronology. Both run inside the caller's
 * transaction, which has already decided what the actor may see.
 */
import type { Tx } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import type { ChronologyEvent } from '../../../platform/chronology/sources.js';
import { overdueActions, reviewIsOverdue, todayInUk } from '../plan-rules.js';
import { overduePlansOf, plansOfChild, reviewsOfChildsPlans } from '../queries.js';
import { plansPaths } from '../paths.js';

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

/** Each plan agreed with the family, and each of its reviews, as events in the child's chronology. */
export async function planChronologyEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  const [childsPlans, reviews] = await together([
    plansOfChild(tx, tenantId, childId),
    reviewsOfChildsPlans(tx, tenantId, childId),
  ]);
  const events: ChronologyEvent[] = [];
  for (const plan of childsPlans) {
    if (!plan.agreedOn) continue;
    const event = (occurredAt: ChronologyEvent['occurredAt'], title: string, byline: string): ChronologyEvent => ({
      occurredAt,
      type: 'plan',
      title: `${title}: ${plan.title}`,
      details: null,
      byline,
      href: plansPaths.plan.href({ childId, planId: plan.id }),
    });
    events.push(event(plan.agreedOn, 'Plan agreed', plan.createdByLabel));
    for (const review of reviews.filter((candidate) => candidate.planId === plan.id)) {
      events.push(event(review.heldOn, 'Plan review', review.recordedByLabel));
    }
  }

  return events;
}
