/**
 * What the JSON API's routes share: who may call them in the OpenAPI document, the problem
 * statuses a route declares, and the usual refusals (not found, stale, invalid fields), each
 * answered as problem details through `sendProblem`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemSchema, sendProblem } from './problem.js';

/** How an API call is signed in: a bearer token, or the browser's session cookie. */
export const apiSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 422;

/** The response-schema entries for the problem statuses a route may answer with. */
export function problemResponses<const Statuses extends readonly ProblemStatus[]>(
  ...statuses: Statuses
): { [Status in Statuses[number]]: typeof problemSchema } {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as {
    [Status in Statuses[number]]: typeof problemSchema;
  };
}

/** A field the rules refused, and why, in plain words. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** 404: there is nothing with that id the caller may see. */
export function answerNotFound(reply: FastifyReply, request: FastifyRequest, detail: string): FastifyReply {
  return sendProblem(reply, request, 404, detail);
}

/** 409: someone else saved first (or the thing can no longer change); `extra` carries what is current. */
export function answerConflict(
  reply: FastifyReply,
  request: FastifyRequest,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return sendProblem(reply, request, 409, detail, extra);
}

/** 422 naming each field the rules refused: the messages joined as the detail, one error per field. */
export function answerInvalid(
  reply: FastifyReply,
  request: FastifyRequest,
  issues: readonly FieldIssue[],
): FastifyReply {
  return sendProblem(reply, request, 422, issues.map((issue) => issue.message).join('. '), {
    errors: issues.map((issue) => ({ pointer: `/${issue.field}`, detail: issue.message })),
  });
}

/** 422 for one part of the body, named by its JSON pointer. */
export function answerInvalidAt(
  reply: FastifyReply,
  request: FastifyRequest,
  pointer: string,
  message: string,
): FastifyReply {
  return sendProblem(reply, request, 422, message, { errors: [{ pointer, detail: message }] });
}

/** 204: done, nothing to say. */
export function answerNoContent(reply: FastifyReply): FastifyReply {
  return reply.status(204).send(null);
}
