/**
 * One JSON API route's options, written once: what the OpenAPI document says of it (summary,
 * tags, parameters, body, its answers and the problem statuses it may send, the sign-in
 * schemes), and who may call it and what it audits.
 *
 *   routes.post(
 *     paths.api.positions.pattern,
 *     apiRoute({
 *       summary: 'Record where the work stands on the grid now',
 *       tags, access: change, audit: 'safe_uncertainty.position_recorded',
 *       params: childParams, body: newPositionSchema,
 *       responses: { 201: positionSchema }, problems: [404],
 *     }),
 *     handler,
 *   );
 *
 * Anything else a route declares in its config (beside access and audit) is passed through.
 *
 * A handler calls its service through `serviceCaller(database)`: the database, the signed-in
 * actor and where the request came from are given the way every service takes them.
 */
import type { FastifyContextConfig, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../access/route-access.js';
import type { AuditAction } from '../audit/catalogue.js';
import type { Database } from '../db/database.js';
import type { Actor } from '../identity/actor.js';
import { requestSource, type RequestSource } from './request-source.js';
import { apiSecurity, problemResponses, type ProblemStatus } from './api-answers.js';
import type { problemSchema } from './problem.js';

export interface ApiRouteDeclaration<
  Params,
  Query,
  Body,
  Responses extends Record<number, unknown>,
  Problems extends readonly ProblemStatus[],
> extends Omit<FastifyContextConfig, 'access' | 'audit'> {
  summary: string;
  description?: string;
  tags: string[];
  access: RouteAccess;
  audit?: AuditAction;
  params?: Params;
  querystring?: Query;
  body?: Body;
  /** The answers when all goes well, by status (a status here wins over the same one in `problems`). */
  responses: Responses;
  /** The problem statuses the route may answer with, each documented with the problem schema. */
  problems?: Problems;
  /** How it may be signed in, when not the usual bearer token or session cookie (e.g. the cookie alone). */
  security?: Record<string, string[]>[];
}

type ProblemAnswers<Problems extends readonly ProblemStatus[]> = {
  [Status in Problems[number]]: typeof problemSchema;
};

/** The Fastify route options a declaration makes, typed so the handler's request and answers are checked. */
export interface ApiRouteOptions<Params, Query, Body, Response> {
  schema: {
    summary: string;
    description?: string;
    tags: string[];
    security: typeof apiSecurity;
    params: Params;
    querystring: Query;
    body: Body;
    response: Response;
  };
  config: FastifyContextConfig;
}

/** The Fastify route options (schema and config) for a JSON API route. */
export function apiRoute<
  Params = undefined,
  Query = undefined,
  Body = undefined,
  const Responses extends Record<number, unknown> = Record<number, unknown>,
  const Problems extends readonly ProblemStatus[] = [],
>(
  declaration: ApiRouteDeclaration<Params, Query, Body, Responses, Problems>,
): ApiRouteOptions<Params, Query, Body, Omit<ProblemAnswers<Problems>, keyof Responses> & Responses> {
  const {
    summary,
    description,
    tags,
    access,
    audit,
    params,
    querystring,
    body,
    responses,
    problems,
    security,
    ...config
  } = declaration;
  const schema = {
    summary,
    ...(description === undefined ? {} : { description }),
    tags,
    security: security ?? apiSecurity,
    // Only what the route declares: a key left undefined would still reach the OpenAPI document.
    ...(params === undefined ? {} : { params }),
    ...(querystring === undefined ? {} : { querystring }),
    ...(body === undefined ? {} : { body }),
    response: { ...problemResponses(...(problems ?? [])), ...responses },
  };
  return {
    schema: schema as ApiRouteOptions<
      Params,
      Query,
      Body,
      Omit<ProblemAnswers<Problems>, keyof Responses> & Responses
    >['schema'],
    config: { access, ...(audit === undefined ? {} : { audit }), ...config },
  };
}

/**
 * Calls a service the way they all take their arguments: `service(database, actor, ...args,
 * source)`, the actor being the signed-in caller (the route's declared access has let them in)
 * and the source where the request came from, as the audit log records it.
 */
export function serviceCaller(database: Database) {
  return <Rest extends unknown[], Result>(
    request: FastifyRequest,
    service: (database: Database, actor: Actor, ...rest: Rest) => Result,
    ...args: ArgumentsBeforeSource<Rest>
  ): Result => (service as (...all: unknown[]) => Result)(database, request.actor!, ...args, requestSource(request));
}

/** A service's arguments after the database and actor, up to (not including) the request's source. */
type ArgumentsBeforeSource<Rest extends unknown[]> = Rest extends [infer Head, ...infer Tail]
  ? Head extends RequestSource
    ? []
    : [Head, ...ArgumentsBeforeSource<Tail>]
  : [];
