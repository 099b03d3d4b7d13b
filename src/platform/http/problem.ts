/**
 * Errors in the JSON API use one shape: RFC 9457 problem details
 * (https://www.rfc-editor.org/rfc/rfc9457). 4xx say what was wrong; 5xx hide the detail and
 * give the request id to quote to support.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem; about:blank when the status says it all'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ pointer: z.string(), detail: z.string() }))
      .optional()
      .describe('For invalid input: each field that was wrong, as a JSON pointer, and why'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  422: 'Invalid input',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Service unavailable',
};

export function problem(status: number, fields: Omit<Partial<Problem>, 'status'> = {}): Problem {
  return { type: 'about:blank', title: titles[status] ?? (status >= 500 ? titles[500]! : 'Error'), status, ...fields };
}

/** Answers an API call with a problem (4xx): what was wrong, and the request id to quote. */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: 400 | 403 | 404 | 409 | 422,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .status(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(status, { detail, requestId: request.id, ...extra }));
}
