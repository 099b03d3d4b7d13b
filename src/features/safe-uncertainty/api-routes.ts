/**
 * Safe uncertainty in the JSON API: read the positions and questions, record a position, add
 * a question or hypothesis, record what was found. Same service and validation as the forms.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerConflict, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { inOrder, positionNames } from './grid.js';
import { safeUncertaintyPaths as paths } from './paths.js';
import { gridPositions, questionKinds } from './schema.js';
import {
  addQuestion,
  recordFinding,
  recordPosition,
  viewSafeUncertainty,
  type Position,
  type Question,
} from './service.js';
import { findingSchema, newPositionSchema, newQuestionSchema } from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const positionSchema = z
  .object({
    id: z.uuid(),
    position: z.enum(gridPositions),
    positionName: z.string().describe('The position in plain words'),
    reasons: z.string(),
    assessedOn: z.iso.date(),
    recordedAt: z.iso.datetime(),
    recordedBy: z.string(),
  })
  .meta({ id: 'SafeUncertaintyPosition' });
const questionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(questionKinds),
    wording: z.string(),
    raisedOn: z.iso.date(),
    revisitOn: z.iso.date(),
    dueForRevisit: z.boolean().describe('The revisit date has come and nothing has been found yet'),
    recordedBy: z.string(),
    finding: z.string().nullable(),
    foundOn: z.iso.date().nullable(),
    findingRecordedBy: z.string().nullable(),
    version: z.number().int().describe('Send as expectedVersion when recording what was found'),
  })
  .meta({ id: 'QuestionOrHypothesis' });
const safeUncertaintySchema = z
  .object({
    childId: z.uuid(),
    current: positionSchema.nullable(),
    positions: z.array(positionSchema).describe('Oldest first'),
    questions: z.array(questionSchema),
  })
  .meta({ id: 'SafeUncertainty' });

const presentPosition = (position: Position): z.infer<typeof positionSchema> => ({
  id: position.id,
  position: position.position,
  positionName: positionNames[position.position],
  reasons: position.reasons,
  assessedOn: position.assessedOn,
  recordedAt: position.recordedAt.toISOString(),
  recordedBy: position.recordedByLabel,
});
const presentQuestion = (question: Question): z.infer<typeof questionSchema> => ({
  id: question.id,
  kind: question.kind,
  wording: question.wording,
  raisedOn: question.raisedOn,
  revisitOn: question.revisitOn,
  dueForRevisit: question.dueForRevisit,
  recordedBy: question.recordedByLabel,
  finding: question.finding,
  foundOn: question.foundOn,
  findingRecordedBy: question.findingRecordedByLabel,
  version: question.version,
});

const notFound = 'There is no child’s record with that id that you may see.';

export function registerSafeUncertaintyApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const tags = ['safe uncertainty'];

  routes.get(
    paths.api.all.pattern,
    apiRoute({
      summary: 'Where the work with a child stands on the safe uncertainty grid over time, and what we do not know yet',
      tags,
      access: view,
      audit: 'child_record.view',
      params: childParams,
      responses: { 200: safeUncertaintySchema },
      problems: [404],
    }),
    async (request, reply) => {
      const found = await viewSafeUncertainty(
        database,
        request.actor!,
        request.params.childId,
        requestSource(request),
        'safe_uncertainty_api',
      );
      if (!found) return answerNotFound(reply, request, notFound);
      const positions = inOrder(found.positions).map(presentPosition);
      return {
        childId: found.child.childId,
        current: positions.at(-1) ?? null,
        positions,
        questions: found.questions.map(presentQuestion),
      };
    },
  );

  routes.post(
    paths.api.positions.pattern,
    apiRoute({
      summary: 'Record where the work stands on the grid now (earlier positions are never changed)',
      tags,
      access: change,
      audit: 'safe_uncertainty.position_recorded',
      params: childParams,
      body: newPositionSchema,
      responses: { 201: positionSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const saved = await call(request, recordPosition, request.params.childId, request.body);
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      return reply.status(201).send(presentPosition(saved.position));
    },
  );

  routes.post(
    paths.api.questions.pattern,
    apiRoute({
      summary: 'Add a question or hypothesis to what we do not know yet, with a date to revisit it',
      tags,
      access: change,
      audit: 'safe_uncertainty.question_added',
      params: childParams,
      body: newQuestionSchema,
      responses: { 201: questionSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const saved = await call(request, addQuestion, request.params.childId, request.body);
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      return reply.status(201).send(presentQuestion(saved.question));
    },
  );

  routes.put(
    paths.api.finding.pattern,
    apiRoute({
      summary: 'Record what was found for a question or hypothesis (409 if someone else saved since expectedVersion)',
      tags,
      access: change,
      audit: 'safe_uncertainty.finding_recorded',
      params: childParams.extend({ questionId: z.uuid() }),
      body: findingSchema.extend({ expectedVersion: z.number().int().min(1) }),
      responses: { 200: questionSchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { childId, questionId } = request.params;
      const saved = await call(request, recordFinding, childId, questionId, request.body);
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (saved.outcome === 'conflict') {
        return answerConflict(
          reply,
          request,
          'Someone else recorded what was found since you read it. Nothing was saved.',
          {
            currentVersion: saved.current.version,
          },
        );
      }
      return presentQuestion(saved.question);
    },
  );
}
