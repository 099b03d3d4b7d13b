/** POST /api/v1/language/check: the same check as the pages and the command line. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiRoute } from '../../platform/http/api-route.js';
import { checkLanguage } from './companion.js';
import { languageCheckRequest, languageCheckResponse } from './api-schemas.js';
import { languagePaths as paths } from './paths.js';
import { glossaryFor } from './service.js';
import type { Database } from '../../platform/db/database.js';

export function registerLanguageApiRoutes(app: FastifyInstance, database: Database): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    paths.check.pattern,
    apiRoute({
      summary: 'Check a text with the language companion (suggestions only; nothing is stored)',
      tags: ['language'],
      // Anyone signed in writes: staff, families and young people alike.
      access: { permission: 'account.read_own' },
      body: languageCheckRequest,
      responses: { 200: languageCheckResponse },
      problems: [400, 401],
    }),
    async (request) =>
      checkLanguage(request.body.text, {
        audience: request.body.audience,
        // The council's own glossary: its additions, changes and entries switched off.
        glossary: (await glossaryFor(database, request.actor!.tenantId)).glossary,
        ...(request.body.balance ? { balance: request.body.balance } : {}),
        ...(request.body.kind ? { kind: request.body.kind } : {}),
      }),
  );
}
