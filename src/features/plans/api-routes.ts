/**
 * Plans in the JSON API: the child's plans, start one, read one, and replace its goals and
 * actions from the version the caller read (409 with the newer version when someone else saved
 * first; 422 when an agreed plan's expectations change without a reason). Same service, same rules.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { plansPaths } from './paths.js';
import { actionStatuses, ownerCircles, type PlanContent } from './plan-rules.js';
import { agreementResponses, planKinds } from './schema.js';
import { changePlan, plansForChild, startPlan, viewPlan, type PlanView } from './service.js';
import { actionSchema, goalSchema, startPlanSchema } from './validation.js';

const security: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
const view = { permission: 'child_record.view' } as const;
const change = { permission: 'child_record.change' } as const;
const childParams = z.object({ childId: z.string().max(64) });
const planParams = z.object({ childId: z.string().max(64), planId: z.string().max(64) });
const notFound = 'There is no plan or child’s record with that id that you may see.';

const goalOut = z
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
const actionOut = z
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
const planContentOut = z.object({
  title: z.string(),
  kind: z.string(),
  startsOn: z.string(),
  reviewBy: z.string().nullable(),
  support: z.string().nullable(),
  goals: z.array(goalOut),
  actions: z.array(actionOut),
});
const planSummary = z
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
const planOut = z
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

const startBody = z.object({
  kind: z.enum(planKinds),
  title: z.string().min(1).max(200),
  startsOn: z.iso.date(),
  reviewBy: z.iso.date().nullable().default(null),
  support: z.string().max(4000).nullable().default(null),
  fromMapping: z.boolean().default(false).describe('Start from the latest mapping’s safety goals and next steps'),
});
const changeBody = z.object({
  expectedVersion: z.number().int().min(1).describe('The version you read'),
  reason: z.string().max(2000).default('').describe('Needed when an agreed plan’s expectations change'),
  title: z.string().min(1).max(200),
  startsOn: z.iso.date(),
  reviewBy: z.iso.date().nullable(),
  support: z.string().max(4000).nullable(),
  goals: z
    .array(
      z.object({
        id: z.string().max(64).optional().describe('Leave out for a new goal'),
        goalInFamilyWords: z.string(),
        professionalWording: z.string().nullable().default(null),
        worryIds: z.array(z.uuid()).default([]),
      }),
    )
    .max(50),
  actions: z
    .array(
      z.object({
        id: z.string().max(64).optional().describe('Leave out for a new action'),
        whatWillHappen: z.string(),
        goalId: z.string().max(64).nullable().default(null),
        ownerPersonId: z.uuid().nullable().default(null),
        ownerName: z.string(),
        ownerCircle: z.enum(ownerCircles),
        dueOn: z.iso.date(),
        status: z.enum(actionStatuses).default('not_started'),
      }),
    )
    .max(200),
});

const planJson = (found: PlanView) => ({
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

export function registerPlansApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    plansPaths.apiListPattern,
    {
      schema: {
        summary: 'The child’s plans (a family member sees those shared with the family)',
        tags: ['plans'],
        security,
        params: childParams,
        response: { 200: z.object({ plans: z.array(planSummary) }), 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const found = await plansForChild(database, request.actor!, request.params.childId, requestSource(request));
      if (!found) return sendProblem(reply, request, 404, notFound);
      return {
        plans: found.plans.map((plan) => ({
          id: plan.id,
          title: plan.title,
          kind: plan.kind,
          startsOn: plan.startsOn,
          status: plan.status,
          agreedOn: plan.agreedOn,
          version: plan.version,
          sharedWithFamily: plan.sharedWithFamily,
          overdueActions: plan.overdueActions,
          reviewOverdue: plan.reviewOverdue,
        })),
      };
    },
  );

  routes.post(
    plansPaths.apiListPattern,
    {
      schema: {
        summary: 'Start a plan, from the latest mapping when asked',
        tags: ['plans'],
        security,
        params: childParams,
        body: startBody,
        response: { 201: z.object({ planId: z.uuid() }), 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const parsed = startPlanSchema.safeParse({ ...request.body, support: request.body.support ?? '' });
      if (!parsed.success) {
        return sendProblem(reply, request, 422, parsed.error.issues[0]!.message);
      }
      const started = await startPlan(
        database,
        request.actor!,
        request.params.childId,
        parsed.data,
        requestSource(request),
      );
      if (started.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      return reply.status(201).send({ planId: started.planId });
    },
  );

  routes.get(
    plansPaths.apiPlanPattern,
    {
      schema: {
        summary: 'One plan: its goals, actions, reviews and who agrees (staff)',
        tags: ['plans'],
        security,
        params: planParams,
        response: { 200: planOut, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const found = await viewPlan(
        database,
        request.actor!,
        request.params.childId,
        request.params.planId,
        requestSource(request),
      );
      if (!found) return sendProblem(reply, request, 404, notFound);
      return planJson(found);
    },
  );

  routes.put(
    plansPaths.apiPlanPattern,
    {
      schema: {
        summary: 'Change a plan’s goals and actions from the version you read',
        description:
          'Refused with 409 (and the newer plan in `current`) when someone saved since expectedVersion; with 422 when an agreed plan’s expectations change without a reason.',
        tags: ['plans'],
        security,
        params: planParams,
        body: changeBody,
        response: {
          200: z.object({ version: z.number().int() }),
          404: problemSchema,
          409: problemSchema.extend({
            current: planContentOut.optional(),
            currentVersion: z.number().int().optional(),
          }),
          422: problemSchema,
        },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body;
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      if (!found) return sendProblem(reply, request, 404, notFound);
      const worryWords = new Map(
        [...found.worries, ...found.content.goals.flatMap((goal) => goal.worries)].map((worry) => [
          worry.id,
          worry.statement,
        ]),
      );
      const problems: { pointer: string; detail: string }[] = [];
      const goals = body.goals.map((goal, index) => {
        const parsed = goalSchema.safeParse({ ...goal, professionalWording: goal.professionalWording ?? '' });
        if (!parsed.success) problems.push({ pointer: `/goals/${index}`, detail: parsed.error.issues[0]!.message });
        const existing = found.content.goals.find((candidate) => candidate.id === goal.id);
        return {
          id: existing?.id ?? randomUUID(),
          goalInFamilyWords: goal.goalInFamilyWords.trim(),
          professionalWording: goal.professionalWording?.trim() || null,
          worries: goal.worryIds
            .filter((id) => worryWords.has(id))
            .map((id) => ({ id, statement: worryWords.get(id)! })),
          fromSafetyGoalId: existing?.fromSafetyGoalId ?? null,
        };
      });
      // An action may name a goal by the id it has, or by the id the caller gave a new goal.
      const goalIds = new Map(body.goals.map((goal, index) => [goal.id ?? '', goals[index]!.id]));
      goalIds.delete('');
      const ownerIds = new Set(found.owners.map((owner) => owner.personId));
      const actions = body.actions.map((action, index) => {
        const parsed = actionSchema.safeParse(action);
        if (!parsed.success) problems.push({ pointer: `/actions/${index}`, detail: parsed.error.issues[0]!.message });
        if (action.ownerPersonId !== null && !ownerIds.has(action.ownerPersonId)) {
          problems.push({
            pointer: `/actions/${index}/ownerPersonId`,
            detail:
              'Who will do it must be someone in the child’s network, or leave ownerPersonId out and give their name',
          });
        }
        if (action.goalId !== null && !goalIds.has(action.goalId)) {
          problems.push({ pointer: `/actions/${index}/goalId`, detail: 'The goal must be one of this plan’s goals' });
        }
        const existing = found.content.actions.find((candidate) => candidate.id === action.id);
        return {
          id: existing?.id ?? randomUUID(),
          whatWillHappen: action.whatWillHappen.trim(),
          goalId: action.goalId === null ? null : (goalIds.get(action.goalId) ?? null),
          ownerPersonId: action.ownerPersonId,
          ownerName: action.ownerName.trim(),
          ownerCircle: action.ownerCircle,
          dueOn: action.dueOn,
          status: action.status,
          fromNextStepId: existing?.fromNextStepId ?? null,
          fromMeeting: existing?.fromMeeting ?? null,
        };
      });
      if (body.reviewBy && body.reviewBy < body.startsOn) {
        problems.push({ pointer: '/reviewBy', detail: 'The review must be on or after the day the plan starts' });
      }
      if (problems.length > 0) return sendProblem(reply, request, 422, problems[0]!.detail, { errors: problems });
      const result = await changePlan(
        database,
        request.actor!,
        childId,
        planId,
        {
          expectedVersion: body.expectedVersion,
          reason: body.reason,
          what: 'plan_replaced',
          edit: (content): PlanContent => ({
            ...content,
            title: body.title,
            startsOn: body.startsOn,
            reviewBy: body.reviewBy,
            support: body.support?.trim() || null,
            goals,
            actions,
          }),
        },
        requestSource(request),
      );
      switch (result.outcome) {
        case 'not_found':
          return sendProblem(reply, request, 404, notFound);
        case 'conflict':
          return sendProblem(
            reply,
            request,
            409,
            `Someone else saved version ${result.theirVersion} since you read it.`,
            {
              current: result.theirs,
              currentVersion: result.theirVersion,
            },
          );
        case 'reason_needed':
        case 'invalid':
          return sendProblem(reply, request, 422, result.message, {
            errors: [{ pointer: '/reason', detail: result.message }],
          });
        case 'unchanged':
          return { version: found.plan.version };
        case 'saved':
          return { version: result.version };
      }
    },
  );
}
