import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.js';
import { roles } from '../../platform/identity/roles.js';
import { accountApiPaths } from './paths.js';

const meSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    council: z.object({ id: z.uuid(), name: z.string() }),
    roles: z.array(z.enum(roles)),
    tokenScopes: z.array(z.string()).nullable().describe('Set when the call was made with a personal access token'),
  })
  .meta({ id: 'Me' });

export function registerAccountApiRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    accountApiPaths.me.pattern,
    {
      schema: {
        summary: 'Who the caller is',
        tags: ['account'],
        security: [{ bearerAuth: [] }, { cookieAuth: [] }],
        response: { 200: meSchema, 401: problemSchema },
      },
      config: { access: { permission: 'account.read_own' } },
    },
    async (request) => {
      const actor = request.actor!;
      return {
        id: actor.userId,
        fullName: actor.fullName,
        email: actor.email,
        council: { id: actor.tenantId, name: actor.councilName },
        roles: actor.roles,
        tokenScopes: actor.tokenScopes,
      };
    },
  );
}
