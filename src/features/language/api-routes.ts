/** POST /api/v1/language/check: the same check as the pages and the command line. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.js';
import { checkLanguage } from './companion.js';
import { audiences } from './glossary.js';
import { glossaryFor } from './service.js';
import type { Database } from '../../platform/db/database.js';

const findingSchema = z.object({
  entryId: z
    .string()
    .describe('A glossary entry (G01…) or a plain-English check (long-sentence, passive, acronym, long-word)'),
  kind: z.enum(['label-or-blame', 'plain-english']),
  severity: z.enum(['flag', 'suggest', 'describe']),
  start: z.number().int().describe('Offset of the first character (UTF-16 code units, as JavaScript counts)'),
  end: z.number().int(),
  matched: z.string(),
  why: z.string(),
  alternatives: z.array(z.string()),
});

export const languageCheckRequest = z
  .object({
    text: z.string().max(100_000),
    audience: z.enum(audiences).default('professional'),
    balance: z
      .object({
        strengths: z.array(z.string().max(4000)).max(200),
        worries: z.array(z.string().max(4000)).max(200),
        childsView: z.array(z.string().max(4000)).max(200),
      })
      .optional(),
  })
  .meta({ id: 'LanguageCheckRequest' });

export const languageCheckResponse = z
  .object({
    audience: z.enum(audiences),
    findings: z.array(findingSchema),
    readability: z.object({
      formula: z.string(),
      readingAge: z.number().nullable(),
      target: z.number().nullable(),
      withinTarget: z.boolean().nullable(),
      sentences: z.number().int(),
      words: z.number().int(),
      averageSentenceWords: z.number(),
      fleschReadingEase: z.number().nullable(),
    }),
    balance: z
      .object({
        strengths: z.number().int(),
        worries: z.number().int(),
        childsView: z.number().int(),
        notes: z.array(z.string()),
      })
      .nullable(),
  })
  .meta({ id: 'LanguageCheck' });

export function registerLanguageApiRoutes(app: FastifyInstance, database: Database): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/language/check',
    {
      schema: {
        summary: 'Check a text with the language companion (suggestions only; nothing is stored)',
        tags: ['language'],
        security: [{ bearerAuth: [] }, { cookieAuth: [] }],
        body: languageCheckRequest,
        response: { 200: languageCheckResponse, 400: problemSchema, 401: problemSchema },
      },
      // Anyone signed in writes: staff, families and young people alike.
      config: { access: { permission: 'account.read_own' } },
    },
    async (request) =>
      checkLanguage(request.body.text, {
        audience: request.body.audience,
        // The council's own glossary: its additions, changes and entries switched off.
        glossary: (await glossaryFor(database, request.actor!.tenantId)).glossary,
        ...(request.body.balance ? { balance: request.body.balance } : {}),
      }),
  );
}
