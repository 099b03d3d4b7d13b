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
import type { PlansContext } from './routes/forms.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { answerConflict, answerInvalidAt, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { plansPaths } from './paths.js';
import type { PlanContent } from './plan-rules.js';
import { changeBody, planContentOut, planJson, planOut, planSummary, startBody } from './api-schemas.js';
import { changePlan, plansForChild, startPlan, viewPlan } from './service.js';
import { actionSchema, goalSchema, startPlanSchema } from './validation.js';

const view = { permission: 'child_record.view' } as const;
const change = { permission: 'child_record.change' } as const;
const childParams = z.object({ childId: z.string().max(64) });
const planParams = z.object({ childId: z.string().max(64), planId: z.string().max(64) });
const notFound = 'There is no plan or child’s record with that id that you may see.';

export function registerPlanApiRoutes(app: FastifyInstance, { database }: PlansContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);

  routes.get(
    plansPaths.apiList.pattern,
    apiRoute({
      summary: 'The child’s plans (a family member sees those shared with the family)',
      tags: ['plans'],
      access: view,
      audit: 'plan.list',
      params: childParams,
      responses: { 200: z.object({ plans: z.array(planSummary) }) },
      problems: [404],
    }),
    async (request, reply) => {
      const found = await call(request, plansForChild, request.params.childId);
      if (!found) return answerNotFound(reply, request, notFound);
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
    plansPaths.apiList.pattern,
    apiRoute({
      summary: 'Start a plan, from the latest mapping when asked',
      tags: ['plans'],
      access: change,
      audit: 'plan.start',
      params: childParams,
      body: startBody,
      responses: { 201: z.object({ planId: z.uuid() }) },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const parsed = startPlanSchema.safeParse({ ...request.body, support: request.body.support ?? '' });
      if (!parsed.success) {
        return sendProblem(reply, request, 422, parsed.error.issues[0]!.message);
      }
      const started = await call(request, startPlan, request.params.childId, parsed.data);
      if (started.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      return reply.status(201).send({ planId: started.planId });
    },
  );

  routes.get(
    plansPaths.apiPlan.pattern,
    apiRoute({
      summary: 'One plan: its goals, actions, reviews and who agrees (staff)',
      tags: ['plans'],
      access: view,
      audit: 'plan.view',
      params: planParams,
      responses: { 200: planOut },
      problems: [404],
    }),
    async (request, reply) => {
      const found = await call(request, viewPlan, request.params.childId, request.params.planId);
      if (!found) return answerNotFound(reply, request, notFound);
      return planJson(found);
    },
  );

  routes.put(
    plansPaths.apiPlan.pattern,
    apiRoute({
      summary: 'Change a plan’s goals and actions from the version you read',
      description:
        'Refused with 409 (and the newer plan in `current`) when someone saved since expectedVersion; with 422 when an agreed plan’s expectations change without a reason.',
      tags: ['plans'],
      access: change,
      audit: 'plan.change',
      params: planParams,
      body: changeBody,
      responses: {
        200: z.object({ version: z.number().int() }),
        409: problemSchema.extend({
          current: planContentOut.optional(),
          currentVersion: z.number().int().optional(),
        }),
      },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body;
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      if (!found) return answerNotFound(reply, request, notFound);
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
      // What the API gave, it takes back: an owner the plan already names (a place in the
      // network, say, which is not offered as a new owner) stays acceptable.
      const namedOwners = new Set(found.content.actions.map((action) => action.ownerPersonId));
      const actions = body.actions.map((action, index) => {
        const parsed = actionSchema.safeParse(action);
        if (!parsed.success) problems.push({ pointer: `/actions/${index}`, detail: parsed.error.issues[0]!.message });
        if (
          action.ownerPersonId !== null &&
          !ownerIds.has(action.ownerPersonId) &&
          !namedOwners.has(action.ownerPersonId)
        ) {
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
      const result = await call(request, changePlan, childId, planId, {
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
      });
      switch (result.outcome) {
        case 'not_found':
          return answerNotFound(reply, request, notFound);
        case 'conflict':
          return answerConflict(
            reply,
            request,
            `Someone else saved version ${result.theirVersion} since you read it.`,
            {
              current: result.theirs,
              currentVersion: result.theirVersion,
            },
          );
        case 'reason_needed':
        case 'invalid':
          return answerInvalidAt(reply, request, '/reason', result.message);
        case 'unchanged':
          return { version: found.plan.version };
        case 'saved':
          return { version: result.version };
      }
    },
  );
}

/** The name `src/app.ts` calls until it registers the feature through `feature.ts`. */
export function registerPlansApiRoutes(app: FastifyInstance, database: Database): void {
  registerPlanApiRoutes(app, { database });
}
