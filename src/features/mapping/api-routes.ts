/**
 * Mapping and scaling in the JSON API, through the same service and rules as the pages. Input
 * the schema can check (types, 0 to 10) is refused with 400; input only the rules can check (a
 * danger statement with no one named as worried, a person not in the child's world) with 422,
 * naming each field. A stale change is refused with 409 and the current entry.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/http/problem.js';
import { answerConflict, answerInvalid, answerNotFound, type FieldIssue } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { mappingBalance } from './domain.js';
import { mappingPaths } from './paths.js';
import { scalingOccasions } from './scaling.js';
import { addEntry, addScore, changeEntry, mappingSection, openMappingForApi, startMapping } from './service.js';
import {
  childParams,
  entryBody,
  entryChangeBody,
  entryParams,
  entrySchema,
  mappingParams,
  mappingSchema,
  mappingSummarySchema,
  newMappingBody,
  presentEntry,
  presentScore,
  scoreBody,
  scoreSchema,
} from './api-schemas.js';

const notFound = 'There is no child’s record or mapping with that id that you may see.';

/** null in JSON means "not given": the rules treat it as an empty answer. */
const withoutNulls = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== undefined));

/** The service's refusals, answered the same way by every route that changes a mapping. */
type Refused = { outcome: 'not_found' } | { outcome: 'invalid'; issues: FieldIssue[] };

/** 404 or 422 (naming each field) when the service refused; otherwise what `answer` makes of what it did. */
function answered<Result extends { outcome: string; issues?: FieldIssue[] }, Answer>(
  reply: FastifyReply,
  request: FastifyRequest,
  result: Result,
  answer: (done: Exclude<Result, Refused>) => Answer,
): FastifyReply | Answer {
  if (result.outcome === 'not_found') return answerNotFound(reply, request, notFound);
  if (result.outcome === 'invalid' && result.issues) return answerInvalid(reply, request, result.issues);
  return answer(result as Exclude<Result, Refused>);
}

export function registerMappingApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const tags = ['mapping and scaling'];

  routes.get(
    mappingPaths.api.mappings.pattern,
    apiRoute({
      summary: 'A child’s mappings, newest first',
      tags,
      access: view,
      audit: 'child_record.view',
      params: childParams,
      responses: { 200: z.object({ mappings: z.array(mappingSummarySchema) }) },
      problems: [404],
    }),
    async (request, reply) => {
      const section = await call(request, mappingSection, request.params.childId);
      if (!section) return answerNotFound(reply, request, notFound);
      return {
        mappings: section.mappings.map((mapping) => ({
          id: mapping.id,
          title: mapping.title,
          heldOn: mapping.heldOn,
          childIds: mapping.childIds,
          entriesBySection: mapping.sections,
          scoreCount: mapping.scoreCount,
        })),
      };
    },
  );

  routes.post(
    mappingPaths.api.mappings.pattern,
    apiRoute({
      summary: 'Start a mapping for the child (and, if asked, brothers and sisters in their network)',
      tags,
      access: change,
      audit: 'mapping.started',
      params: childParams,
      body: newMappingBody,
      responses: { 201: z.object({ mappingId: z.uuid() }) },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId } = request.params;
      const { siblingIds, ...mapping } = request.body;
      const started = await call(request, startMapping, childId, {
        ...mapping,
        whoTookPart: mapping.whoTookPart ?? '',
        childIds: [childId, ...siblingIds],
      });
      return answered(reply, request, started, (done) => reply.status(201).send({ mappingId: done.mappingId }));
    },
  );

  routes.get(
    mappingPaths.api.mapping.pattern,
    apiRoute({
      summary: 'One mapping: its entries in seven sections, each person’s score, and its balance',
      tags,
      access: view,
      audit: 'child_record.view',
      params: mappingParams,
      responses: { 200: mappingSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const opened = await call(request, openMappingForApi, childId, mappingId);
      if (!opened) return answerNotFound(reply, request, notFound);
      const balance = mappingBalance(
        opened.entries,
        opened.scores.filter((score) => score.scorerKind === 'child').length,
        opened.child.knownAs ?? opened.child.fullName,
      );
      return {
        id: opened.mapping.id,
        title: opened.mapping.title,
        heldOn: opened.mapping.heldOn,
        whoTookPart: opened.mapping.whoTookPart,
        childIds: opened.mapping.childIds,
        scalingQuestion: opened.mapping.scalingQuestion,
        scaleZeroMeans: opened.mapping.scaleZeroMeans,
        scaleTenMeans: opened.mapping.scaleTenMeans,
        entries: opened.entries.map(presentEntry),
        scores: opened.scores.map(presentScore),
        balance,
      };
    },
  );

  routes.post(
    mappingPaths.api.entries.pattern,
    apiRoute({
      summary: 'Add an entry to a mapping, saying whose view it is',
      tags,
      access: change,
      audit: 'mapping.entry_added',
      params: mappingParams,
      body: entryBody,
      responses: { 201: entrySchema },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const { section, ...input } = request.body;
      const added = await call(request, addEntry, childId, mappingId, section, withoutNulls(input));
      return answered(reply, request, added, (done) => reply.status(201).send(presentEntry(done.entry)));
    },
  );

  routes.put(
    mappingPaths.api.entry.pattern,
    apiRoute({
      summary: 'Change an entry, or move it to another section; every version is kept',
      tags,
      access: change,
      audit: 'mapping.entry_changed',
      params: entryParams,
      body: entryChangeBody,
      responses: {
        200: entrySchema,
        409: z.object({ ...problemSchema.shape, current: entrySchema }).meta({ id: 'MappingEntryConflict' }),
      },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      const { section, expectedVersion, reason, ...input } = request.body;
      const changed = await call(request, changeEntry, childId, mappingId, entryId, {
        section,
        input: withoutNulls(input),
        expectedVersion,
        reason: reason ?? null,
      });
      return answered(reply, request, changed, (done) =>
        done.outcome === 'conflict'
          ? answerConflict(reply, request, 'Someone else changed this entry since you opened it.', {
              current: presentEntry(done.current),
            })
          : presentEntry(done.entry),
      );
    },
  );

  routes.post(
    mappingPaths.api.scores.pattern,
    apiRoute({
      summary: 'Add one person’s 0 to 10 score, with their reason',
      tags,
      access: change,
      audit: 'mapping.scored',
      params: mappingParams,
      body: scoreBody,
      responses: { 201: scoreSchema },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const scored = await call(
        request,
        addScore,
        childId,
        mappingId,
        withoutNulls({ ...request.body, scoredOn: request.body.scoredOn ?? new Date().toISOString().slice(0, 10) }),
      );
      return answered(reply, request, scored, (done) => reply.status(201).send(presentScore(done.score)));
    },
  );

  routes.get(
    mappingPaths.api.scaling.pattern,
    apiRoute({
      summary: 'A child’s scaling over time: each occasion with each group’s average and every score',
      tags,
      access: view,
      audit: 'child_record.view',
      params: childParams,
      responses: {
        200: z.object({
          occasions: z.array(
            z.object({
              scoredOn: z.string(),
              byGroup: z.object({
                child: z.number().nullable(),
                family: z.number().nullable(),
                network: z.number().nullable(),
                professional: z.number().nullable(),
              }),
              scores: z.array(scoreSchema),
            }),
          ),
        }),
      },
      problems: [404],
    }),
    async (request, reply) => {
      const section = await call(request, mappingSection, request.params.childId);
      if (!section) return answerNotFound(reply, request, notFound);
      return {
        occasions: scalingOccasions(section.scores).map((occasion) => ({
          scoredOn: occasion.scoredOn,
          byGroup: occasion.byGroup,
          scores: occasion.scores.map(presentScore),
        })),
      };
    },
  );
}
