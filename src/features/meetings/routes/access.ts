/** What the meetings pages ask of whoever calls them, and the audit action each declares beside it. */
import type { FastifyReply } from 'fastify';
import { recordAudiences } from '../../../platform/access/policy.js';

export const viewRecord = { permission: 'child_record.view' } as const;
export const changeRecord = { permission: 'child_record.change' } as const;
/**
 * A meeting's list, page, letter and calendar invitation are made for the people invited too:
 * a family member or young person sees only the meetings they are invited to, and of each only
 * what was shared (the service decides that); every other meetings page is for professionals.
 */
export const forInvitees = recordAudiences;

/** Answers as for a record or meeting that does not exist. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}
