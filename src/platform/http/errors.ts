/**
 * One error handler and one not-found handler for the whole app. API requests get problem
 * details; pages get a GOV.UK-styled page. Server errors are logged with the request id and
 * never shown; client errors say plainly what was wrong.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

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
  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
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
