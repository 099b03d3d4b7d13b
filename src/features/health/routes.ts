/**
 * Liveness (the process answers) and readiness (it can reach its database), for load
 * balancers and orchestrators. Neither reveals anything about the council or its records.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../platform/http/errors.js';
import { healthPaths } from './paths.js';

const healthSchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unavailable']).optional() })
  .meta({ id: 'Health' });

const probesArePublic = { public: 'health probes say only whether the service is up' };

export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    healthPaths.live.pattern,
    {
      schema: { summary: 'Whether the process is running', tags: ['health'], response: { 200: healthSchema } },
      config: { access: probesArePublic },
    },
    async () => ({ status: 'ok' as const }),
  );

  routes.get(
    healthPaths.ready.pattern,
    {
      schema: {
        summary: 'Whether Kith can serve requests (its database answers)',
        tags: ['health'],
        response: { 200: healthSchema, 503: healthSchema },
      },
      config: { access: probesArePublic },
    },
    async (request, reply) => {
      try {
        await database.ping();
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({ status: 'unavailable' as const, database: 'unavailable' as const });
      }
    },
  );
}
