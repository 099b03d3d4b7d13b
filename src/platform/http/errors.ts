/**
 * One error handler and one not-found handler for the whole app. API requests get problem
 * details; pages get a GOV.UK-styled page. Server errors are logged with the request id and
 * never shown; client errors say plainly what was wrong. While the database cannot be reached
 * (a restart, a failover, a lost connection) the answer is 503 with Retry-After, not 500: the
 * request can be made again in a moment, and what was saved before is safe.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable, loggableDatabaseError } from '../db/errors.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';
import { registerStorableTextGuard } from './storable-text-guard.js';
import { unsavableInputDetail } from './unsavable-input.js';

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[] }; keys?: unknown };
}

function validationErrors(error: FastifyError): { pointer: string; detail: string }[] {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const context = error.validationContext ?? 'body';
  return issues.flatMap((issue) => {
    const path = `/${context}${issue.instancePath ?? ''}`.replace(/\/$/, '');
    const detail = issue.message ?? 'is not valid';
    // A field the request may not have: point at each one, not at the object holding them.
    const keys = issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys) ? issue.params.keys : [];
    if (keys.length > 0) return keys.map((key) => ({ pointer: `${path}/${String(key)}`, detail }));
    return [{ pointer: path, detail }];
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  registerStorableTextGuard(app);
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDatabaseUnavailable(error)) return databaseUnavailable(error, request, reply);
    const unsavable = unsavableInputDetail(error);
    if (unsavable) return unsavableInput(unsavable, error, request, reply);
    const status = error.validation ? 400 : error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ statusCode: status, code: error.code }, 'request rejected');
    }
    if (isApiRequest(request)) {
      const body =
        status >= 500
          ? problem(status, { detail: 'The server could not complete this request.', requestId: request.id })
          : error.validation
            ? problem(400, {
                detail: 'Some of the input was not valid.',
                errors: validationErrors(error),
                requestId: request.id,
              })
            : problem(status, { detail: error.message, requestId: request.id });
      return reply.status(status).type(PROBLEM_CONTENT_TYPE).send(body);
    }
    if (status === 404) return renderNotFound(request, reply);
    return reply.status(status).render('error.njk', {
      pageTitle: status >= 500 ? 'Sorry, there is a problem with Kith' : 'Sorry, Kith could not do that',
      paragraphs:
        status >= 500
          ? ['Nothing you saved before this page has been lost. Try again in a few minutes.']
          : ['Check what you entered and try again.'],
      requestId: request.id,
    });
  });

  app.setNotFoundHandler(async (request, reply) => {
    request.log.info({ statusCode: 404 }, 'no such page');
    if (isApiRequest(request)) {
      return reply
        .status(404)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem(404, { detail: 'There is nothing at this address.', requestId: request.id }));
    }
    return renderNotFound(request, reply);
  });
}

/**
 * The database is away: 503 with Retry-After. If this request was saving something, it may not
 * have been saved (its transaction was rolled back, or its answer lost), so the page says so;
 * everything saved before it is safe.
 */
function databaseUnavailable(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.warn({ err: error, statusCode: 503 }, 'database unavailable');
  reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  if (isApiRequest(request)) {
    return reply.type(PROBLEM_CONTENT_TYPE).send(
      problem(503, {
        detail:
          'Kith cannot reach its database just now. Records already saved are safe. If this request changed something, it was not done: try it again in a moment.',
        requestId: request.id,
      }),
    );
  }
  const saving = !['GET', 'HEAD'].includes(request.method);
  return reply.render('error.njk', {
    pageTitle: 'Sorry, Kith is not available just now',
    paragraphs: [
      'The record is safe: nothing saved before now has been lost.',
      saving
        ? 'What you just sent may not have been saved. Go back, check it is still there, and try again in a moment.'
        : 'Try again in a moment.',
    ],
    requestId: request.id,
  });
}

/**
 * Input a schema should have refused (a NUL in text, 30 February) reached the database anyway:
 * the caller's input was at fault, so 400, and the error is logged as a warning to fix the schema.
 */
function unsavableInput(detail: string, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.warn({ statusCode: 400, database: loggableDatabaseError(error) }, 'unsavable input reached the database');
  if (isApiRequest(request)) {
    return reply
      .status(400)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem(400, { detail, requestId: request.id }));
  }
  return reply.status(400).render('error.njk', {
    pageTitle: 'Sorry, Kith could not do that',
    paragraphs: [detail, 'Check what you entered and try again.'],
    requestId: request.id,
  });
}

function renderNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.status(404).render('error.njk', {
    pageTitle: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
    requestId: request.id,
  });
}
