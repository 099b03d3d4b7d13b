/**
 * Who holds a child's record, in the JSON API: the history, allocating, transferring with a
 * handover note, and the new worker saying they have read it. Same schemas and service as the pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerInvalid, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { holderInWords } from './holding.js';
import { allocationPaths as paths } from './paths.js';
import type { AllocationRow } from './queries.js';
import {
  allocateChild,
  confirmHandoverRead,
  transferChild,
  viewAllocation,
  type AllocationOutcome,
} from './service.js';
import { allocationSchema, transferSchema } from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const allocationOut = z
  .object({
    id: z.uuid(),
    holder: z.string().describe('The worker and team, in words'),
    userId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable().describe('The day they stopped holding the record (null while they hold it)'),
    kind: z.enum(['allocated', 'transferred']).nullable(),
    reason: z.string().nullable(),
    handoverNote: z.string().nullable(),
    handoverNoteId: z.uuid().nullable(),
    handoverReadAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Allocation' });
const allocationsOut = z
  .object({
    childId: z.uuid(),
    current: z.array(allocationOut),
    history: z.array(allocationOut).describe('Oldest first'),
  })
  .meta({ id: 'Allocations' });

const present = (allocation: AllocationRow): z.infer<typeof allocationOut> => ({
  id: allocation.id,
  holder: holderInWords(allocation),
  userId: allocation.userId,
  teamId: allocation.teamId,
  startsOn: allocation.startsOn,
  endsOn: allocation.endsOn,
  kind: allocation.kind,
  reason: allocation.reason,
  handoverNote: allocation.handoverNote,
  handoverNoteId: allocation.handoverNote === null ? null : allocation.noteId,
  handoverReadAt: allocation.handoverReadAt?.toISOString() ?? null,
});

const notFound = 'There is no child’s record with that id that you may see.';

export function registerAllocationApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;
  const manage = { permission: 'allocation.manage' } as const;
  const tags = ['allocation'];

  const allocationsNow = async (request: FastifyRequest, reply: FastifyReply, childId: string) => {
    const found = await call(request, viewAllocation, childId);
    if (!found) return answerNotFound(reply, request, notFound);
    return { childId, current: found.current.map(present), history: found.allocations.map(present) };
  };

  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    childId: string,
    outcome: AllocationOutcome | null,
  ) => {
    if (outcome === null) return answerNotFound(reply, request, notFound);
    if (outcome.outcome === 'invalid') return answerInvalid(reply, request, [outcome]);
    reply.status(201);
    return allocationsNow(request, reply, childId);
  };

  routes.get(
    paths.api.allocations.pattern,
    apiRoute({
      summary: 'Who holds a child’s record now, and everyone who held it',
      tags,
      access: view,
      audit: 'child_record.view',
      params: childParams,
      responses: { 200: allocationsOut },
      problems: [404],
    }),
    async (request, reply) => allocationsNow(request, reply, request.params.childId),
  );

  /** Allocating and transferring: a body checked by its schema, then the service's rules (422 naming the field). */
  const change = (
    pattern: string,
    summary: string,
    audit: 'allocation.allocated' | 'allocation.transferred',
    body: typeof allocationSchema | typeof transferSchema,
    service: typeof allocateChild | typeof transferChild,
  ) =>
    routes.post(
      pattern,
      apiRoute({
        summary,
        tags,
        access: manage,
        audit,
        params: childParams,
        body,
        responses: { 201: allocationsOut },
        problems: [404, 422],
      }),
      async (request, reply) => {
        const { childId } = request.params;
        // Each service takes the body its own schema gives; the schema checked it before this runs.
        const run = service as (...args: Parameters<typeof allocateChild>) => ReturnType<typeof allocateChild>;
        return answer(request, reply, childId, await call(request, run, childId, request.body as never));
      },
    );

  change(
    paths.api.allocations.pattern,
    'Allocate a child no one holds to a worker, a team or both (a held child is transferred instead)',
    'allocation.allocated',
    allocationSchema,
    allocateChild,
  );
  change(
    paths.api.transfer.pattern,
    'Transfer a child to another worker in the council, with a reason and a handover note they must read',
    'allocation.transferred',
    transferSchema,
    transferChild,
  );

  routes.post(
    paths.api.handoverRead.pattern,
    apiRoute({
      summary: 'Say you have read the handover note written for you',
      tags,
      access: view,
      audit: 'allocation.handover_read',
      params: childParams.extend({ noteId: z.uuid() }),
      responses: { 200: allocationsOut },
      problems: [404],
    }),
    async (request, reply) => {
      const { childId, noteId } = request.params;
      const read = await call(request, confirmHandoverRead, childId, noteId);
      if (read === 'not_found')
        return answerNotFound(reply, request, 'There is no handover note for you with that id.');
      return allocationsNow(request, reply, childId);
    },
  );
}
