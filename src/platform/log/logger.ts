/**
 * Structured logs (pino) with a request id on every line. Logs never hold personal data:
 * no query strings (a search can hold a child's name), no cookies or tokens, no request
 * bodies, and database errors lose their `detail` (which quotes the values of a row).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions, FastifyRequest } from 'fastify';
import { loggableDatabaseError } from '../db/errors.js';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[hidden]',
    },
    serializers: {
      req(request: { id: string; method: string; url: string }) {
        return { id: request.id, method: request.method, path: request.url.split('?')[0] };
      },
      err(error: Error & { code?: string; statusCode?: number }) {
        const databaseError = loggableDatabaseError(error);
        if (databaseError) {
          // Never the wrapper's message: it quotes the SQL parameters, which hold personal data.
          return { type: 'DatabaseError', message: 'database error', ...databaseError, stack: '' };
        }
        return {
          type: error.name,
          message: error.message,
          code: error.code,
          statusCode: error.statusCode,
          stack: error.stack ?? '',
        };
      },
    },
  };
}

/** A request id from a trusted proxy when it looks like one, otherwise a new one. */
export function requestIdFrom(request: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

export type { FastifyRequest };
