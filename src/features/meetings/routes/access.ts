/** What the meetings pages ask of whoever calls them, and the audit action each declares beside it. */
import type { FastifyReply } from 'fastify';

export const viewRecord = { permission: 'child_record.view' } as const;
export const changeRecord = { permission: 'child_record.change' } as const;

/** Answers as for a record or meeting that does not exist. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}
