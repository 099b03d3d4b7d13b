/**
 * Structured logs (pino) with a request id on every line. Logs never hold personal data:
 * no query strings (a search can hold a child's name), no cookies or tokens, no request
 * bodies, and no database error's statement, parameters or `detail` (which quote a row's values,
 * a council's id, a session token's hash, a record's text), whatever the error.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions, FastifyRequest } from 'fastify';
import { loggableDatabaseError, loggableUnavailability, wrapsAQuery } from '../db/errors.js';

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
      err: serializeError,
    },
  };
}

interface LoggableError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

/**
 * An error as a log line may hold it. A database error keeps its SQLSTATE, constraint and table;
 * a lost connection keeps pg's or Node's words for it (a host and port at most); neither keeps a
 * message or stack that quotes the statement. Drizzle's wrapper (`Failed query: … params: …`)
 * puts the parameters in its message and so in the first line of its stack, which is why the
 * check is on the whole chain of causes, not on whether the driver gave a SQLSTATE.
 */
export function serializeError(error: Error & { code?: string; statusCode?: number }): LoggableError {
  const databaseError = loggableDatabaseError(error);
  if (databaseError) {
    return { type: 'DatabaseError', message: 'database error', ...databaseError, stack: '' };
  }
  const unavailability = loggableUnavailability(error);
  if (unavailability) {
    return { type: 'DatabaseUnavailable', message: 'database unavailable', ...unavailability, stack: '' };
  }
  if (wrapsAQuery(error)) return { type: 'DatabaseError', message: 'database error', stack: '' };
  const type = typeof error.name === 'string' ? error.name : 'Error';
  const message = withoutStatement(typeof error.message === 'string' ? error.message : String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type,
    message,
    code: error.code,
    statusCode: error.statusCode,
    // The stack's first line is the message again: written from the cleaned message.
    stack: [`${type}: ${message}`, ...frames].join('\n'),
  };
}

/** A message that quotes a failed statement (one error's message put inside another's) loses the quote. */
function withoutStatement(message: string): string {
  const quoted = /Failed query:|\bparams:/.exec(message);
  return quoted ? `${message.slice(0, quoted.index)}[a database statement, not logged]` : message;
}

/** A request id from a trusted proxy when it looks like one, otherwise a new one. */
export function requestIdFrom(request: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}

export type { FastifyRequest };
