/** What the assessment's page routes share: access, the version a page is about, answering 404. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../../platform/db/database.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { viewVersion } from '../service.js';

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
