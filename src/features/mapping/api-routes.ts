/**
 * Mapping and scaling in the JSON API, through the same service and rules as the pages. Input
 * the schema can check (types, 0 to 10) is refused with 400; input only the rules can check (a
 * danger statement with no one named as worried, a person not in the child's world) with 422,
 * naming each field. A stale change is refused with 409 and the current entry.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { defaultScale, mappingBalance } from './domain.js';
import { mappingPaths } from './paths.js';
import { scalingOccasions } from './scaling.js';
import { mappingSections, viewKinds } from './schema.js';
import {
  addEntry,
  addScore,
  changeEntry,
  mappingSection,
  openMapping,
  startMapping,
  type FieldIssue,
  type MappingEntryRow,
  type ScalingScoreRow,
} from './service.js';

const childParams = z.object({ childId: z.string().max(64) });
const mappingParams = z.object({ childId: z.string().max(64), mappingId: z.string().max(64) });
const entryParams = mappingParams.extend({ entryId: z.string().max(64) });

const entrySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    section: z.enum(mappingSections),
    statement: z
      .string()
      .describe('The entry in words; for danger statements and safety goals, built from their parts'),
    harmSeverity: z.string().nullable(),
    harmFrequency: z.string().nullable(),
    harmWhen: z.string().nullable(),
    worriedWho: z.string().nullable(),
    couldHappen: z.string().nullable(),
    becauseOf: z.string().nullable(),
    inCircumstances: z.string().nullable(),
    goalWho: z.string().nullable(),
    goalWillBeDoing: z.string().nullable(),
    goalHowWeWillKnow: z.string().nullable(),
    stepOwnerPersonId: z.uuid().nullable(),
    stepOwnerName: z.string().nullable(),
    stepDueOn: z.string().nullable(),
    viewOfKind: z.enum(viewKinds),
    viewOfPersonId: z.uuid().nullable(),
    viewOfName: z.string(),
    source: z.object({ type: z.string(), id: z.uuid().nullable(), label: z.string().nullable() }).nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MappingEntry' });

const scoreSchema = z
  .object({
    id: z.uuid(),
    scoredOn: z.string(),
    scorerKind: z.enum(viewKinds),
    scorerPersonId: z.uuid().nullable(),
    scorerName: z.string(),
    score: z.number().int().min(0).max(10),
    reason: z.string(),
    recordedBy: z.string(),
  })
  .meta({ id: 'ScalingScore' });

const mappingSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.string(),
    childIds: z.array(z.uuid()),
    entriesBySection: z.record(z.string(), z.number()),
    scoreCount: z.number().int(),
  })
  .meta({ id: 'MappingSummary' });

const mappingSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.string(),
    whoTookPart: z.string().nullable(),
    childIds: z.array(z.uuid()),
    scalingQuestion: z.string(),
    scaleZeroMeans: z.string(),
    scaleTenMeans: z.string(),
    entries: z.array(entrySchema),
    scores: z.array(scoreSchema),
    balance: z
      .object({
        strengths: z.number().int(),
        worries: z.number().int(),
        childsView: z.number().int(),
        notes: z.array(z.string()).describe('Gentle notes on what is missing; they never block a save'),
      })
      .meta({ id: 'Balance' }),
  })
  .meta({ id: 'Mapping' });

const optionalText = (max: number) => z.string().max(max).nullable().optional();
const entryShape = {
  section: z.enum(mappingSections),
  statement: optionalText(4000).describe('Not used for danger statements and safety goals: their parts make it'),
  harmSeverity: optionalText(500),
  harmFrequency: optionalText(500),
  harmWhen: optionalText(500),
  worriedWho: optionalText(500).describe('Danger statements: who is worried (required)'),
  couldHappen: optionalText(2000).describe('Danger statements: what could happen to the child (required)'),
  becauseOf: optionalText(2000).describe('Danger statements: because of which adult behaviour (required)'),
  inCircumstances: optionalText(2000),
  goalWho: optionalText(500).describe('Safety goals: who will be doing it (required)'),
  goalWillBeDoing: optionalText(2000).describe('Safety goals: what they will be doing (required)'),
  goalHowWeWillKnow: optionalText(2000),
  stepOwnerPersonId: z.uuid().nullable().optional().describe('Next steps: someone in the child’s network'),
  stepOwnerName: optionalText(200).describe('Next steps: or a name'),
  stepDueOn: z.iso.date().nullable().optional().describe('Next steps: by when (required)'),
  viewOfKind: z.enum(viewKinds),
  viewOfPersonId: z.uuid().nullable().optional(),
  viewOfName: optionalText(200).describe('Filled from the person when viewOfPersonId is given'),
};
const entryBody = z.object(entryShape).meta({ id: 'NewMappingEntry' });
const entryChangeBody = z
  .object({
    ...entryShape,
    expectedVersion: z.number().int().min(1).describe('The version you started from; a stale one gets 409'),
    reason: optionalText(2000),
  })
  .meta({ id: 'MappingEntryChange' });

const newMappingBody = z
  .object({
    title: z.string().max(200),
    heldOn: z.iso.date(),
    whoTookPart: optionalText(2000),
    siblingIds: z.array(z.uuid()).max(20).default([]).describe('Brothers and sisters this mapping is also about'),
    scalingQuestion: z.string().max(500).default(defaultScale.scalingQuestion),
    scaleZeroMeans: z.string().max(500).default(defaultScale.scaleZeroMeans),
    scaleTenMeans: z.string().max(500).default(defaultScale.scaleTenMeans),
  })
  .meta({ id: 'NewMapping' });

const scoreBody = z
  .object({
    scorerKind: z.enum(viewKinds),
    scorerPersonId: z.uuid().nullable().optional(),
    scorerName: optionalText(200),
    score: z.number().int().min(0).max(10).describe('0 and 10 as the mapping defines them'),
    reason: z.string().max(4000),
    scoredOn: z.iso.date().optional().describe('Defaults to today'),
  })
  .meta({ id: 'NewScalingScore' });

function presentEntry(entry: MappingEntryRow): z.infer<typeof entrySchema> {
  return {
    id: entry.id,
    version: entry.version,
    section: entry.section,
    statement: entry.statement,
    harmSeverity: entry.harmSeverity,
    harmFrequency: entry.harmFrequency,
    harmWhen: entry.harmWhen,
    worriedWho: entry.worriedWho,
    couldHappen: entry.couldHappen,
    becauseOf: entry.becauseOf,
    inCircumstances: entry.inCircumstances,
    goalWho: entry.goalWho,
    goalWillBeDoing: entry.goalWillBeDoing,
    goalHowWeWillKnow: entry.goalHowWeWillKnow,
    stepOwnerPersonId: entry.stepOwnerPersonId,
    stepOwnerName: entry.stepOwnerName,
    stepDueOn: entry.stepDueOn,
    viewOfKind: entry.viewOfKind,
    viewOfPersonId: entry.viewOfPersonId,
    viewOfName: entry.viewOfName,
    source: entry.sourceType ? { type: entry.sourceType, id: entry.sourceId, label: entry.sourceLabel } : null,
    updatedAt: entry.updatedAt.toISOString(),
  };
}

const presentScore = (score: ScalingScoreRow): z.infer<typeof scoreSchema> => ({
  id: score.id,
  scoredOn: score.scoredOn,
  scorerKind: score.scorerKind,
  scorerPersonId: score.scorerPersonId,
  scorerName: score.scorerName,
  score: score.score,
  reason: score.reason,
  recordedBy: score.recordedByLabel,
});

const notFound = 'There is no child’s record or mapping with that id that you may see.';
const invalid = (reply: FastifyReply, request: FastifyRequest, issues: readonly FieldIssue[]) =>
  sendProblem(reply, request, 422, issues.map((issue) => issue.message).join('. '), {
    errors: issues.map((issue) => ({ pointer: `/${issue.field}`, detail: issue.message })),
  });

/** null in JSON means "not given": the rules treat it as an empty answer. */
const withoutNulls = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== undefined));

export function registerMappingApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const tags = ['mapping and scaling'];

  routes.get(
    mappingPaths.api.mappings,
    {
      schema: {
        summary: 'A child’s mappings, newest first',
        tags,
        security,
        params: childParams,
        response: { 200: z.object({ mappings: z.array(mappingSummarySchema) }), 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const section = await mappingSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) return sendProblem(reply, request, 404, notFound);
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
    mappingPaths.api.mappings,
    {
      schema: {
        summary: 'Start a mapping for the child (and, if asked, brothers and sisters in their network)',
        tags,
        security,
        params: childParams,
        body: newMappingBody,
        response: { 201: z.object({ mappingId: z.uuid() }), 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId } = request.params;
      const { siblingIds, ...mapping } = request.body;
      const started = await startMapping(
        database,
        request.actor!,
        childId,
        { ...mapping, whoTookPart: mapping.whoTookPart ?? '', childIds: [childId, ...siblingIds] },
        requestSource(request),
      );
      if (started.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (started.outcome === 'invalid') return invalid(reply, request, started.issues);
      return reply.status(201).send({ mappingId: started.mappingId });
    },
  );

  routes.get(
    mappingPaths.api.mapping,
    {
      schema: {
        summary: 'One mapping: its entries in seven sections, each person’s score, and its balance',
        tags,
        security,
        params: mappingParams,
        response: { 200: mappingSchema, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const opened = await openMapping(
        database,
        request.actor!,
        childId,
        mappingId,
        requestSource(request),
        'mapping_api',
      );
      if (!opened) return sendProblem(reply, request, 404, notFound);
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
    mappingPaths.api.entries,
    {
      schema: {
        summary: 'Add an entry to a mapping, saying whose view it is',
        tags,
        security,
        params: mappingParams,
        body: entryBody,
        response: { 201: entrySchema, 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const { section, ...input } = request.body;
      const added = await addEntry(
        database,
        request.actor!,
        childId,
        mappingId,
        section,
        withoutNulls(input),
        requestSource(request),
      );
      if (added.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (added.outcome === 'invalid') return invalid(reply, request, added.issues);
      return reply.status(201).send(presentEntry(added.entry));
    },
  );

  routes.put(
    mappingPaths.api.entry,
    {
      schema: {
        summary: 'Change an entry, or move it to another section; every version is kept',
        tags,
        security,
        params: entryParams,
        body: entryChangeBody,
        response: {
          200: entrySchema,
          404: problemSchema,
          409: z.object({ ...problemSchema.shape, current: entrySchema }).meta({ id: 'MappingEntryConflict' }),
          422: problemSchema,
        },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, mappingId, entryId } = request.params;
      const { section, expectedVersion, reason, ...input } = request.body;
      const changed = await changeEntry(
        database,
        request.actor!,
        childId,
        mappingId,
        entryId,
        { section, input: withoutNulls(input), expectedVersion, reason: reason ?? null },
        requestSource(request),
      );
      if (changed.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (changed.outcome === 'invalid') return invalid(reply, request, changed.issues);
      if (changed.outcome === 'conflict') {
        return sendProblem(reply, request, 409, 'Someone else changed this entry since you opened it.', {
          current: presentEntry(changed.current),
        });
      }
      return presentEntry(changed.entry);
    },
  );

  routes.post(
    mappingPaths.api.scores,
    {
      schema: {
        summary: 'Add one person’s 0 to 10 score, with their reason',
        tags,
        security,
        params: mappingParams,
        body: scoreBody,
        response: { 201: scoreSchema, 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, mappingId } = request.params;
      const scored = await addScore(
        database,
        request.actor!,
        childId,
        mappingId,
        withoutNulls({ ...request.body, scoredOn: request.body.scoredOn ?? new Date().toISOString().slice(0, 10) }),
        requestSource(request),
      );
      if (scored.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
      if (scored.outcome === 'invalid') return invalid(reply, request, scored.issues);
      return reply.status(201).send(presentScore(scored.score));
    },
  );

  routes.get(
    mappingPaths.api.scaling,
    {
      schema: {
        summary: 'A child’s scaling over time: each occasion with each group’s average and every score',
        tags,
        security,
        params: childParams,
        response: {
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
          404: problemSchema,
        },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const section = await mappingSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) return sendProblem(reply, request, 404, notFound);
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
