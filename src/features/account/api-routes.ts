import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiRoute } from '../../platform/http/api-route.js';
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

const sessionTokenSchema = z
  .object({
    csrfToken: z.string().describe('Send as x-csrf-token (or the form field _csrf) with anything that changes data'),
    account: z.uuid().describe('Who the session is for: a page checks it is still the person who typed'),
    idleExpiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'SessionToken' });

const tags = ['account'];

export function registerAccountApiRoutes(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    accountApiPaths.me.pattern,
    apiRoute({
      summary: 'Who the caller is',
      tags,
      access: { permission: 'account.read_own' },
      responses: { 200: meSchema },
      problems: [401],
    }),
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

  // A page signed out mid-form, then signed in again in another tab (a new session, so a new
  // CSRF token), asks here for the token it must now send, so its autosave and Save carry on
  // without a refresh. Same-origin only: the token is useless to a page that cannot read it.
  app.withTypeProvider<ZodTypeProvider>().get(
    accountApiPaths.sessionToken.pattern,
    apiRoute({
      summary: 'The browser session’s CSRF token, and whose session it is',
      tags,
      security: [{ cookieAuth: [] }],
      access: { signedIn: true },
      responses: { 200: sessionTokenSchema },
      problems: [401, 403],
    }),
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return {
        csrfToken: request.csrfToken!,
        account: request.actor!.userId,
        idleExpiresAt: request.idleExpiresAt?.toISOString() ?? null,
      };
    },
  );
}
