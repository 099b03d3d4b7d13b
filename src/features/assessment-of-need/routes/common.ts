/** What the assessment's page routes share: access, the version a page is about, answering 404. */
import type {
  FastifyContextConfig,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteGenericInterface,
} from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { viewVersion, type VersionView } from '../service.js';

export const view = { permission: 'child_record.view' } as const;
export const change = { permission: 'child_record.change' } as const;

export type VersionParams = { childId: string; assessmentId: string; version: string };

/** A version number as a path writes it (1 to 999999), or NaN, which names no version. */
export const versionNumberOf = (raw: string) => (/^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : Number.NaN);

/** A record or version this person may not see answers exactly as one that does not exist. */
export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

/** The version a page is about, opened (and audited) for that page's `part`, or null. */
export const openVersionPage = (database: Database, request: FastifyRequest<{ Params: VersionParams }>, part: string) =>
  viewVersion(
    database,
    request.actor!,
    request.params.childId,
    request.params.assessmentId,
    versionNumberOf(request.params.version),
    requestSource(request),
    part,
  );

/** A page's request: its path's parameters, its query and what was posted. */
export type PageRequest<Params> = FastifyRequest<{
  Params: Params;
  Querystring: Record<string, string | undefined>;
  Body: Record<string, unknown> | undefined;
}>;

/**
 * Registers a page that first opens what it is about (a version, a section of a draft): when
 * that cannot be opened it answers 404, as for a record that does not exist.
 */
export function pageAbout<Params, Found>(
  app: FastifyInstance,
  method: 'get' | 'post',
  pattern: string,
  config: FastifyContextConfig,
  open: (request: PageRequest<Params>) => Promise<Found | null>,
  answer: (found: Found, request: PageRequest<Params>, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>,
): void {
  type Route = RouteGenericInterface & {
    Params: Params;
    Querystring: Record<string, string | undefined>;
    Body: Record<string, unknown> | undefined;
  };
  app[method]<Route>(pattern, { config }, async (request, reply) => {
    const found = await open(request);
    if (!found) return notFound(reply);
    return answer(found, request, reply);
  });
}

/** Registers a page about one version, opened for the page's `part`. */
export function versionPageAt(
  app: FastifyInstance,
  database: Database,
  pattern: string,
  config: FastifyContextConfig,
  part: string,
  answer: (
    found: VersionView,
    request: PageRequest<VersionParams>,
    reply: FastifyReply,
  ) => FastifyReply | Promise<FastifyReply>,
): void {
  pageAbout(
    app,
    'get',
    pattern,
    config,
    (request: PageRequest<VersionParams>) => openVersionPage(database, request, part),
    answer,
  );
}
