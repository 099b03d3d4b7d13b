/** The caseload and children's records in the JSON API (same services, same audit, as the pages). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerNotFound, apiSecurity, problemResponses } from '../../platform/http/api-answers.js';
import { requestSource } from '../../platform/http/request-source.js';
import { openChildRecord, type ChildSummary } from '../child-record/index.js';
import { caseloadPaths } from './paths.js';
import { caseloadOf } from './service.js';

export const childSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    fullName: z.string(),
    knownAs: z.string().nullable(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.string().nullable().describe('YYYY-MM-DD'),
    dateOfBirthIsApproximate: z.boolean(),
    languages: z.array(z.string()),
    whatTheyBring: z.string().nullable(),
    status: z.enum(['open', 'closed']),
    openedOn: z.string().describe('YYYY-MM-DD'),
    isRestricted: z.boolean(),
  })
  .meta({ id: 'ChildSummary' });

const present = (child: ChildSummary): z.infer<typeof childSummarySchema> => ({
  id: child.childId,
  reference: child.reference,
  fullName: child.fullName,
  knownAs: child.knownAs,
  pronouns: child.pronouns,
  dateOfBirth: child.dateOfBirth,
  dateOfBirthIsApproximate: child.dateOfBirthIsApproximate,
  languages: child.languages,
  whatTheyBring: child.whatTheyBring,
  status: child.status,
  openedOn: child.openedOn,
  isRestricted: child.isRestricted,
});

export function registerCaseloadApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get(
    caseloadPaths.apiChildren.pattern,
    {
      schema: {
        summary: 'The children the caller works with',
        description:
          'By default every child the caller may see through their allocations, teams and shares; `scope=allocated_to_me` lists only the children allocated to the caller (and records shared with them).',
        tags: ['children'],
        security: apiSecurity,
        querystring: z.object({ scope: z.enum(['allocated_to_me', 'my_teams']).default('my_teams') }),
        response: {
          200: z.object({ scope: z.enum(['allocated_to_me', 'my_teams']), children: z.array(childSummarySchema) }),
          ...problemResponses(400, 401, 403),
        },
      },
      config: { access: { permission: 'caseload.view' } },
    },
    async (request) => {
      const caseload = await caseloadOf(database, request.actor!, request.query.scope);
      return { scope: caseload.scope, children: caseload.children.map(present) };
    },
  );

  routes.get(
    caseloadPaths.apiChild.pattern,
    {
      schema: {
        summary: 'One child’s record (every call is audited, allowed or refused)',
        tags: ['children'],
        security: apiSecurity,
        params: z.object({ childId: z.string().max(64) }),
        response: { 200: childSummarySchema, ...problemResponses(401, 403, 404) },
      },
      config: { access: { permission: 'child_record.view' }, audit: 'child_record.view' },
    },
    async (request, reply) => {
      const opened = await openChildRecord(database, request.actor!, request.params.childId, requestSource(request));
      if (opened.outcome !== 'opened') {
        // A restricted record needs a reason given in the browser; to the API it is not found.
        return answerNotFound(reply, request, 'There is no child’s record with that id that you may see.');
      }
      return present(opened.child);
    },
  );
}
