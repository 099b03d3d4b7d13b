/**
 * Mia's plan, made with the Thompson family: agreed at a family meeting in September, one
 * change since (Nan Pat's start date moved, with the reason the family gave), two reviews
 * with everyone's scores, and Sarah's own view. It stands on its own: it does not need a
 * mapping, so it seeds whether or not the family's mapping has been recorded yet.
 * Does nothing once Mia has a plan, so a restart keeps whatever was changed by hand.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { appendVersion } from '../platform/history/record-history.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { nextActionDueOn, type PlanAction, type PlanContent, type PlanGoal } from '../features/plans/plan-rules.js';
import {
  insertAgreement,
  insertPlan,
  insertReview,
  markAgreed,
  plansOfChild,
  setReviewBy,
  updatePlanIfVersion,
} from '../features/plans/queries.js';
import { PLAN } from '../features/plans/service.js';
import { demoCouncil } from './demo-family.js';
import { personIdByName } from './demo-lookups.js';

const worker = { userId: null, label: 'Alex Morgan (practitioner)' };
type ReviewDetails = Omit<
  Parameters<typeof insertReview>[2],
  'planId' | 'heldOn' | 'recordedBy' | 'recordedByLabel' | 'recordedAt'
>;

export async function seedDemoPlans(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    const idOf = (fullName: string) => personIdByName(tx, tenantId, fullName);
    const mia = await idOf('Mia Thompson');
    const sarah = await idOf('Sarah Thompson');
    if (!mia || !sarah) return false;
    if ((await plansOfChild(tx, tenantId, mia)).length > 0) return false;
    const pat = await idOf('Patricia Thompson');
    const dan = await idOf('Daniel Hughes');
    const chloe = await idOf('Chloe Evans');
    const school = await idOf('Riverside Primary School');

    const goals: PlanGoal[] = [
      {
        id: 'b0c5f2a4-6d2e-4c1b-9a57-1f0e3c2d4a01',
        goalInFamilyWords: 'Mia gets to school every day, on time, with a grown-up she trusts',
        professionalWording: 'School attendance above 95% for the term',
        worries: [],
        fromSafetyGoalId: null,
      },
      {
        id: 'b0c5f2a4-6d2e-4c1b-9a57-1f0e3c2d4a02',
        goalInFamilyWords: 'Evenings at home are calm, and Mia and Leo go to bed feeling safe',
        professionalWording: null,
        worries: [],
        fromSafetyGoalId: null,
      },
    ];
    /** Sarah's, Mia's and Alex Morgan's scores at a review, goal by goal. */
    const scores = (...byGoal: [number, number, number][]) =>
      byGoal.flatMap((goalScores, index) =>
        (['Sarah', 'Mia', 'Alex Morgan'] as const).map((personName, who) => ({
          goalId: goals[index]!.id,
          personName,
          score: goalScores[who]!,
        })),
      );
    /** Action `number` of the plan (its id ends in that number), towards goal `goal` (0 or 1). */
    const action = (
      number: number,
      goal: number,
      whatWillHappen: string,
      owner: { personId: string | null; name: string; circle: PlanAction['ownerCircle'] },
      dueOn: string,
      status: PlanAction['status'],
    ): PlanAction => ({
      id: `c1d2e3f4-0000-4000-8000-00000000000${number}`,
      goalId: goals[goal]!.id,
      whatWillHappen,
      ownerPersonId: owner.personId,
      ownerName: owner.name,
      ownerCircle: owner.circle,
      dueOn,
      status,
      fromNextStepId: null,
      fromMeeting: null,
    });
    // Who does each action.
    const nanPat = { personId: pat, name: 'Nan Pat', circle: 'family' } as const;
    const riverside = { personId: school, name: 'Riverside Primary School', circle: 'network' } as const;
    const sarahT = { personId: sarah, name: 'Sarah Thompson', circle: 'family' } as const;
    const danH = { personId: dan, name: 'Dan Hughes', circle: 'family' } as const;
    const chloeE = { personId: chloe, name: 'Chloe Evans', circle: 'professional' } as const;
    const first: PlanContent = {
      title: 'Mia’s plan',
      kind: 'child_in_need',
      startsOn: '2026-09-15',
      reviewBy: '2026-10-13',
      support:
        'Chloe Evans, family support worker, visits every Tuesday evening. Alex Morgan, social worker, meets Sarah every two weeks.',
      goals,
      actions: [
        action(1, 0, 'Walk Mia to school on Mondays and Wednesdays', nanPat, '2026-09-28', 'not_started'),
        action(2, 0, 'Save Mia a place at breakfast club from 7.45am', riverside, '2026-09-22', 'done'),
        action(3, 1, 'Write a bedtime routine with Mia and Leo and put it on the fridge', sarahT, '2026-10-06', 'done'),
        action(4, 1, 'Go to the Calmer Evenings course at the family centre', danH, '2026-11-30', 'in_progress'),
        action(5, 1, 'Help the family plan what to do when evenings get hard', chloeE, '2026-10-20', 'done'),
      ],
    };
    const planId = await insertPlan(tx, tenantId, {
      childPersonId: mia,
      kind: 'child_in_need',
      title: first.title,
      startsOn: first.startsOn,
      reviewBy: first.reviewBy,
      support: first.support,
      goals: first.goals,
      actions: first.actions,
      fromMappingId: null,
      nextActionDueOn: nextActionDueOn(first.actions),
      createdBy: null,
      createdByLabel: worker.label,
    });
    await appendVersion(tx, tenantId, {
      recordType: PLAN,
      recordId: planId,
      version: 1,
      author: worker,
      reason: null,
      content: first as unknown as Record<string, unknown>,
      recordedAt: new Date('2026-09-15T15:00:00Z'),
    });
    await markAgreed(tx, tenantId, planId, { agreedOn: '2026-09-22', agreedVersion: 1, sharedWithFamily: true });
    await insertAgreement(tx, tenantId, {
      planId,
      planVersion: 1,
      personId: sarah,
      personName: 'Sarah Thompson',
      response: 'agree_with_comments',
      inTheirWords:
        'I agree. Mornings are the hard part, so Mum helping on Mondays and Wednesdays makes a big difference.',
      recordedBy: null,
      recordedByLabel: worker.label,
      recordedAt: new Date('2026-09-22T16:00:00Z'),
    });
    /** A review of the plan held on a day, recorded by the worker that afternoon. */
    const review = (heldOn: string, what: ReviewDetails) =>
      insertReview(tx, tenantId, {
        planId,
        heldOn,
        ...what,
        recordedBy: null,
        recordedByLabel: worker.label,
        recordedAt: new Date(`${heldOn}T16:00:00Z`),
      });
    await review('2026-10-13', {
      whoCame: 'Sarah, Dan, Nan Pat, Chloe Evans, Alex Morgan; Mia joined for the last ten minutes',
      scores: scores([5, 6, 4], [4, 5, 4]),
      whatHasChanged:
        'Breakfast club has made mornings easier. Nan Pat has not been able to start the school walks yet.',
      whatHasBeenAchieved: 'The bedtime routine is on the fridge, and Mia says Leo follows it better than she does.',
      decisions: 'Nan Pat starts the school walks after her operation. Next review in five weeks.',
      nextReviewBy: '2026-11-17',
    });
    // One change since it was agreed, with the family's reason.
    const second: PlanContent = {
      ...first,
      reviewBy: '2026-11-17',
      actions: first.actions.map((candidate) =>
        candidate.id.endsWith('0001') ? { ...candidate, dueOn: '2026-11-02', status: 'in_progress' } : candidate,
      ),
    };
    const version = await updatePlanIfVersion(tx, tenantId, planId, 1, {
      title: second.title,
      kind: 'child_in_need',
      startsOn: second.startsOn,
      reviewBy: second.reviewBy,
      support: second.support,
      goals: second.goals,
      actions: second.actions,
      nextActionDueOn: nextActionDueOn(second.actions),
    });
    await appendVersion(tx, tenantId, {
      recordType: PLAN,
      recordId: planId,
      version: version ?? 2,
      author: worker,
      reason:
        'Nan Pat had her knee operation in October. Everyone agreed at the review that she starts the school walks in November.',
      content: second as unknown as Record<string, unknown>,
      recordedAt: new Date('2026-10-14T09:30:00Z'),
    });
    await review('2026-11-17', {
      whoCame: 'Sarah, Dan, Nan Pat, Mia, Helen Carter (school), Chloe Evans, Alex Morgan',
      scores: scores([8, 8, 7], [6, 7, 6]),
      whatHasChanged: 'Nan Pat walks Mia to school twice a week. Dan is halfway through the Calmer Evenings course.',
      whatHasBeenAchieved: 'Mia was at school every day for four weeks in a row, and on time for all but one.',
      decisions: 'Keep the plan as it is. Next review in the new year.',
      nextReviewBy: '2027-01-12',
    });
    await setReviewBy(tx, tenantId, planId, '2027-01-12');
    return true;
  });
}
