/** Where a request came from, as the audit log records it with every entry. */
import type { FastifyRequest } from 'fastify';

export interface RequestSource {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export const requestSource = (request: FastifyRequest): RequestSource => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
  requestId: request.id,
});
