/**
 * The JSON API's contract. Route schemas (zod) validate requests and feed the OpenAPI
 * document, so the two cannot drift apart. The document is served at /api/docs/json and
 * read as a page at /api/docs (rendered on the server: no third-party script under our CSP).
 */
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { apiPaths } from './paths.js';

export const API_VERSION = '1.0.0';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kith API',
        version: API_VERSION,
        description:
          'The JSON API of Kith, a relationship-first case record for children’s social care. ' +
          'Errors use RFC 9457 problem details (application/problem+json).',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal access token (kith_pat_…), made on the Access tokens page. Scoped and expiring.',
          },
          cookieAuth: {
            type: 'apiKey',
            in: 'cookie',
            name: 'kith_session',
            description: 'The browser session. Requests that change anything must also send x-csrf-token.',
          },
        },
      },
    },
    transform: (transformArguments) => {
      // Pages and assets are not part of the API contract; only /api/v1 and /health are.
      const { url } = transformArguments;
      if (!url.startsWith(apiPaths.prefix) && !url.startsWith('/health')) {
        return { schema: { hide: true }, url };
      }
      return jsonSchemaTransform(transformArguments);
    },
    transformObject: jsonSchemaTransformObject,
  });
}

interface OperationSummary {
  method: string;
  path: string;
  summary: string;
  tags: string[];
}

/** The operations in the document, for the human-readable docs page. */
export function listOperations(document: { paths?: Record<string, Record<string, unknown>> }): OperationSummary[] {
  const operations: OperationSummary[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      const details = operation as { summary?: string; tags?: string[] };
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: details.summary ?? '',
        tags: details.tags ?? [],
      });
    }
  }
  return operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
