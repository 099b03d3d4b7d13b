/** The plans API's bodies and answers, as zod schemas (they also make the OpenAPI document). */
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import { isoDate } from '../../platform/http/dates.js';
import { actionStatuses, ownerCircles } from './plan-rules.js';
import { agreementResponses, planKinds } from './schema.js';
import type { PlanView } from './service.js';

export const goalOut = z
  .object({
    id: z.string(),
    goalInFamilyWords: z.string(),
    professionalWording: z.string().nullable(),
    worries: z
      .array(z.object({ id: z.string(), statement: z.string() }))
      .describe('Worries from the mapping it answers'),
    fromSafetyGoalId: z.string().nullable(),
  })
  .meta({ id: 'PlanGoal' });
export const actionOut = z
  .object({
    id: z.string(),
    whatWillHappen: z.string(),
    goalId: z.string().nullable(),
    ownerPersonId: z.string().nullable(),
    ownerName: z.string(),
    ownerCircle: z.enum(ownerCircles),
    dueOn: z.string(),
    status: z.enum(actionStatuses),
    fromNextStepId: z.string().nullable(),
    fromMeeting: z
      .object({
        meetingId: z.uuid(),
        actionId: z.string().describe('The meeting’s own id for the action'),
        meetingName: z.string().describe('The kind of meeting, in words: “network meeting”'),
        heldOn: z.string(),
      })
      .nullable()
      .describe('The meeting action it came from, when it did'),
  })
  .meta({ id: 'PlanAction' });
export const planContentOut = z.object({
  title: z.string(),
  kind: z.string(),
  startsOn: z.string(),
  reviewBy: z.string().nullable(),
  support: z.string().nullable(),
  goals: z.array(goalOut),
  actions: z.array(actionOut),
});
export const planSummary = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(planKinds),
    startsOn: z.string(),
    status: z.enum(['draft', 'agreed']),
    agreedOn: z.string().nullable(),
    version: z.number().int(),
    sharedWithFamily: z.boolean(),
    overdueActions: z.number().int(),
    reviewOverdue: z.boolean(),
  })
  .meta({ id: 'PlanSummary' });
export const planOut = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    version: z.number().int().describe('Send back as expectedVersion when changing the plan'),
    status: z.enum(['draft', 'agreed']),
    agreedOn: z.string().nullable(),
    agreedVersion: z.number().int().nullable(),
    content: planContentOut,
    reviews: z.array(
      z.object({
        heldOn: z.string(),
        whoCame: z.string(),
        scores: z.array(z.object({ goalId: z.string(), personName: z.string(), score: z.number().int() })),
        whatHasChanged: z.string().nullable(),
        whatHasBeenAchieved: z.string().nullable(),
        decisions: z.string().nullable(),
      }),
    ),
    agreements: z.array(
      z.object({
        personName: z.string(),
        response: z.enum(agreementResponses),
        inTheirWords: z.string().nullable(),
        planVersion: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Plan' });

export const startBody = z.object({
  kind: z.enum(planKinds),
  title: text().min(1).max(200),
  startsOn: isoDate(),
  reviewBy: isoDate().nullable().default(null),
  support: text().max(4000).nullable().default(null),
  fromMapping: z.boolean().default(false).describe('Start from the latest mapping’s safety goals and next steps'),
});
export const changeBody = z.object({
  expectedVersion: z.number().int().min(1).describe('The version you read'),
  reason: text().max(2000).default('').describe('Needed when an agreed plan’s expectations change'),
  title: text().min(1).max(200),
  startsOn: isoDate(),
  reviewBy: isoDate().nullable(),
  support: text().max(4000).nullable(),
  goals: z
    .array(
      z.object({
        id: text().max(64).optional().describe('Leave out for a new goal'),
        goalInFamilyWords: text(),
        professionalWording: text().nullable().default(null),
        worryIds: z.array(z.uuid()).default([]),
      }),
    )
    .max(50),
  actions: z
    .array(
      z.object({
        id: text().max(64).optional().describe('Leave out for a new action'),
        whatWillHappen: text(),
        goalId: text().max(64).nullable().default(null),
        ownerPersonId: z.uuid().nullable().default(null),
        ownerName: text(),
        ownerCircle: z.enum(ownerCircles),
        dueOn: isoDate(),
        status: z.enum(actionStatuses).default('not_started'),
      }),
    )
    .max(200),
});

export const planJson = (found: PlanView) => ({
  id: found.plan.id,
  childId: found.plan.childPersonId,
  version: found.plan.version,
  status: found.plan.status,
  agreedOn: found.plan.agreedOn,
  agreedVersion: found.plan.agreedVersion,
  content: found.content,
  reviews: found.reviews.map((review) => ({
    heldOn: review.heldOn,
    whoCame: review.whoCame,
    scores: review.scores,
    whatHasChanged: review.whatHasChanged,
    whatHasBeenAchieved: review.whatHasBeenAchieved,
    decisions: review.decisions,
  })),
  agreements: found.agreements.map((agreement) => ({
    personName: agreement.personName,
    response: agreement.response,
    inTheirWords: agreement.inTheirWords,
    planVersion: agreement.planVersion,
  })),
});
