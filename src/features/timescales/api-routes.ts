/**
 * The council's timescale policy in the JSON API: read it with its history, change it with a
 * reason, add or remove a closure day. The same schemas and service as the pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerConflict, answerInvalid, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { BANK_HOLIDAYS_COVER, BANK_HOLIDAYS_SOURCE } from '../../platform/working-days/index.js';
import { timescalesPaths as paths } from './paths.js';
import {
  viewTimescales,
  addClosureDay,
  changeTimescalePolicy,
  removeClosureDay,
  type PolicyOutcome,
} from './service.js';
import { closureDayRemovalSchema, closureDaySchema, policyChangeSchema } from './validation.js';

const policySchema = z
  .object({
    version: z.number().int().describe('0 while the council has Kith’s defaults; send as expectedVersion to change it'),
    nation: z.enum(['england', 'wales']),
    bankHolidays: z.object({ source: z.string(), from: z.number().int(), to: z.number().int() }),
    visitEveryWorkingDays: z.object({
      family_help: z.number().int(),
      child_protection: z.number().int(),
      child_in_care: z.number().int(),
      care_leaver: z.number().int(),
    }),
    reviews: z.object({
      familyHelpMonths: z.number().int(),
      childProtectionFirstMonths: z.number().int(),
      childProtectionLaterMonths: z.number().int(),
      childInCareFirstWorkingDays: z.number().int(),
      childInCareSecondMonths: z.number().int(),
      childInCareLaterMonths: z.number().int(),
    }),
    closureDays: z.array(z.object({ date: z.iso.date(), name: z.string() })),
    history: z
      .array(
        z.object({
          version: z.number().int(),
          recordedAt: z.iso.datetime(),
          recordedBy: z.string(),
          reason: z.string(),
        }),
      )
      .describe('Every change, newest first'),
  })
  .meta({ id: 'TimescalePolicy' });

const stale = 'Someone else changed the policy since you read it. Nothing was saved.';

export function registerTimescalesApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const access = { permission: 'timescales.manage' } as const;
  const tags = ['timescales'];

  const present = async (request: FastifyRequest): Promise<z.infer<typeof policySchema>> => {
    const { current, versions } = await viewTimescales(database, request.actor!);
    const { policy } = current;
    return {
      version: current.version,
      nation: policy.nation,
      bankHolidays: { source: BANK_HOLIDAYS_SOURCE, ...BANK_HOLIDAYS_COVER },
      visitEveryWorkingDays: policy.visitEveryWorkingDays,
      reviews: policy.reviews,
      closureDays: [...policy.closureDays],
      history: versions.map((version) => ({
        version: version.version,
        recordedAt: version.recordedAt.toISOString(),
        recordedBy: version.recordedByLabel,
        reason: version.reason,
      })),
    };
  };

  /** The policy after a change, or the problem that stopped it. */
  const answer = async (request: FastifyRequest, reply: FastifyReply, outcome: PolicyOutcome) => {
    if (outcome.outcome === 'stale')
      return answerConflict(reply, request, stale, { currentVersion: outcome.currentVersion });
    if (outcome.outcome === 'invalid') return answerInvalid(reply, request, [outcome]);
    return present(request);
  };

  routes.get(
    paths.api.policy.pattern,
    apiRoute({
      summary: 'The council’s timescale policy: visit frequencies, review intervals, closure days, and its changes',
      tags,
      access,
      responses: { 200: policySchema },
    }),
    async (request) => present(request),
  );

  routes.put(
    paths.api.policy.pattern,
    apiRoute({
      summary: 'Change the timescale policy with a reason (409 if someone changed it since expectedVersion)',
      tags,
      access,
      audit: 'timescales.policy_changed',
      body: policyChangeSchema,
      responses: { 200: policySchema },
      problems: [409, 422],
    }),
    async (request, reply) => answer(request, reply, await call(request, changeTimescalePolicy, request.body)),
  );

  routes.post(
    paths.api.closureDays.pattern,
    apiRoute({
      summary: 'Add a day the council is closed (not a weekend or bank holiday), with a reason',
      tags,
      access,
      audit: 'timescales.closure_day_added',
      body: closureDaySchema,
      responses: { 200: policySchema },
      problems: [409, 422],
    }),
    async (request, reply) => answer(request, reply, await call(request, addClosureDay, request.body)),
  );

  routes.post(
    paths.api.closureDay.pattern,
    apiRoute({
      summary: 'Remove a closure day, with a reason: it counts as a working day again',
      tags,
      access,
      audit: 'timescales.closure_day_removed',
      params: z.object({ date: z.iso.date() }),
      body: closureDayRemovalSchema,
      responses: { 200: policySchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const outcome = await call(request, removeClosureDay, request.params.date, request.body);
      if (outcome.outcome === 'invalid') return answerNotFound(reply, request, 'The council is not closed that day.');
      return answer(request, reply, outcome);
    },
  );
}
