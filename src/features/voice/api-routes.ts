/**
 * Drafts and visit lines in the JSON API. The page's autosave puts what is typed here every
 * few seconds and on leaving the page; a draft changed elsewhere since the version the page
 * holds is refused with 409 and the other version, so nothing is overwritten silently.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { text } from '../../platform/http/text.js';
import type { Database } from '../../platform/db/database.js';
import { problemSchema } from '../../platform/http/problem.js';
import {
  answerConflict,
  answerInvalidAt,
  answerNotFound,
  apiSecurity,
  problemResponses,
} from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { voicePaths } from './paths.js';
import { addAttachment, linesOfVisit, readDraft, saveDraft } from './service.js';
import { attachmentOwners } from './schema.js';
import { MAX_UPLOAD_BYTES } from './uploads.js';

const notFound = 'There is no child’s record with that id that you may change.';

const draftParams = z.object({
  childId: z.string().max(64),
  formKey: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .describe('Which form: visit-new, or visit-{visitId}-correction'),
});
const draftContentSchema = z
  .record(text().max(100), z.union([text().max(20_000), z.array(text().max(200)).max(200)]))
  .refine((content) => Object.keys(content).length <= 100, { message: 'A draft has at most 100 fields' })
  .describe('Each field of the form by name, as typed; a list for checkboxes');
const draftSchema = z
  .object({
    content: draftContentSchema,
    version: z.number().int(),
    savedAt: z.iso.datetime(),
  })
  .meta({ id: 'Draft' });

export function registerVoiceApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const change = { permission: 'child_record.change' } as const;

  routes.put(
    voicePaths.api.draft.pattern,
    apiRoute({
      summary: 'Save what is typed in a form as your draft (refused with 409 if it changed elsewhere)',
      tags: ['drafts'],
      access: change,
      audit: 'draft.saved',
      params: draftParams,
      body: z.object({
        content: draftContentSchema,
        expectedVersion: z.number().int().min(0).describe('The version this page holds; 0 when it has none'),
      }),
      responses: {
        200: z.object({ version: z.number().int(), savedAt: z.iso.datetime() }),
        409: problemSchema.extend({ theirs: draftSchema }),
      },
      problems: [404],
    }),
    async (request, reply) => {
      const saved = await call(request, saveDraft, request.params.childId, request.params.formKey, {
        content: request.body.content,
        expectedVersion: request.body.expectedVersion,
      });
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (saved.outcome === 'conflict') {
        return answerConflict(reply, request, 'This draft was changed in another window since this page saved it.', {
          theirs: { ...saved.theirs, savedAt: saved.theirs.savedAt.toISOString() },
        });
      }
      return { version: saved.version, savedAt: saved.savedAt.toISOString() };
    },
  );

  routes.get(
    voicePaths.api.draft.pattern,
    apiRoute({
      summary: 'Your draft of a form, if you have one',
      tags: ['drafts'],
      access: change,
      audit: 'draft.read',
      params: draftParams,
      responses: { 200: z.object({ draft: draftSchema.nullable() }) },
      problems: [404],
    }),
    async (request, reply) => {
      const found = await call(request, readDraft, request.params.childId, request.params.formKey);
      if (!found) return answerNotFound(reply, request, notFound);
      return { draft: found.draft ? { ...found.draft, savedAt: found.draft.savedAt.toISOString() } : null };
    },
  );

  routes.get(
    voicePaths.api.visitLines.pattern,
    apiRoute({
      summary: 'Each line of a visit with its source, for carrying a line into the child’s mapping',
      tags: ['visits'],
      access: { permission: 'child_record.view' },
      audit: 'visit.viewed',
      params: z.object({ childId: z.string().max(64), visitId: z.string().max(64) }),
      responses: {
        200: z.object({
          lines: z.array(
            z.object({
              text: z.string(),
              field: z.enum(['seenHeardFelt', 'childsWords', 'workingWell', 'worries', 'nextSteps']),
              source: z.object({
                type: z.literal('visit'),
                visitId: z.string(),
                version: z.number().int(),
                happenedAt: z.string(),
                lineNumber: z.number().int(),
              }),
            }),
          ),
        }),
      },
      problems: [404],
    }),
    async (request, reply) => {
      const lines = await call(request, linesOfVisit, request.params.childId, request.params.visitId);
      if (!lines) return answerNotFound(reply, request, 'There is no such visit that you may see.');
      return { lines };
    },
  );

  routes.post(
    voicePaths.api.attachments.pattern,
    {
      // Base64 makes a 10 MB file about 13.4 MB of JSON; a little room for the rest.
      bodyLimit: Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        summary: 'Attach a photo, drawing or PDF to a record of the child’s (the type is checked from the content)',
        tags: ['attachments'],
        security: apiSecurity,
        params: z.object({ childId: z.string().max(64) }),
        body: z.object({
          belongsTo: z.enum(attachmentOwners),
          belongsToId: text().max(64).nullable(),
          fileName: text().min(1).max(500),
          description: text().max(1000).nullable().default(null),
          contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64' }),
        }),
        response: {
          201: z.object({ attachmentId: z.uuid(), contentType: z.string(), href: z.string() }),
          ...problemResponses(404, 422),
        },
      },
      config: { access: change, audit: 'attachment.added' },
    },
    async (request, reply) => {
      const { childId } = request.params;
      const saved = await call(request, addAttachment, childId, {
        belongsTo: request.body.belongsTo,
        belongsToId: request.body.belongsToId,
        fileName: request.body.fileName,
        description: request.body.description?.trim() || null,
        content: Buffer.from(request.body.contentBase64, 'base64'),
      });
      if (saved.outcome === 'not_found')
        return answerNotFound(reply, request, 'There is no such record that you may change.');
      if (saved.outcome === 'invalid') {
        return answerInvalidAt(reply, request, '/contentBase64', saved.message);
      }
      return reply.status(201).send({
        attachmentId: saved.attachmentId,
        contentType: saved.contentType,
        href: voicePaths.attachment.href({ childId, attachmentId: saved.attachmentId }),
      });
    },
  );
}
