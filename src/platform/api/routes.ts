import type { FastifyInstance } from 'fastify';
import { listOperations } from './openapi.js';
import { apiPaths } from './paths.js';

const documentationIsPublic = { public: 'the API description holds no personal data' };

export function registerApiDocumentationRoutes(app: FastifyInstance): void {
  app.get(apiPaths.docsJson, { schema: { hide: true }, config: { access: documentationIsPublic } }, async () =>
    app.swagger(),
  );

  app.get(
    apiPaths.docs,
    { schema: { hide: true }, config: { access: documentationIsPublic } },
    async (_request, reply) =>
      reply.render('api/views/docs.njk', {
        pageTitle: 'Kith API',
        operations: listOperations(app.swagger() as never),
        documentUrl: apiPaths.docsJson,
      }),
  );
}
