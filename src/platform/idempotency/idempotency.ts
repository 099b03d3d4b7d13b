/**
 * `Idempotency-Key` on the JSON API's POSTs: a client that could not tell whether a write went
 * through (the answer was lost: a dropped link, a crash, a timeout) sends the same request with
 * the same key again and gets the first answer, not a second visit or mapping.
 *
 * - The first request with a key claims it (one row, tenant-first, behind RLS), runs as usual,
 *   and its answer is kept with the key when it was not a server error (a 5xx, or a database
 *   outage, gives the key up so the retry runs again; it changed nothing).
 * - The same key again with the same request: the kept answer, with `Idempotent-Replayed: true`.
 * - The same key with a different request: 422. Still being answered: 409 with `Retry-After`.
 * - A claim never answered (the process stopped between the write and keeping its answer) is
 *   given up after `ABANDONED_AFTER_MS`; until then a retry is told to wait. That window, between
 *   a write committing and its answer being kept, is the one case a retry can still repeat.
 *
 * Keys belong to the account that sent them, and are kept for a day (`KEPT_FOR_MS`).
 *
 * Forms work the same way without anyone choosing a key: every form rendered carries a one-time
 * `_submission` id (the `newSubmissionId()` template global), so a double click or a retry after
 * a lost answer is answered with the first answer (usually the redirect to what was saved). A
 * form refused for what it says (a 4xx, shown again with its errors) did nothing: its id is
 * given up, and the corrected form can be sent with it.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { isApiRequest } from '../http/errors.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem.js';
import { claimKey, forgetOldKeys, keepAnswer, keyRow, releaseKey } from './queries.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const ABANDONED_AFTER_MS = 60_000;
const KEPT_FOR_MS = 24 * 60 * 60_000;
const FORM_WAIT_MS = 10_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim: { tenantId: string; userId: string; key: string; form: boolean } | null;
  }
}

/** What the request asks (a form's token, which a new session changes, left out). */
const fingerprintOf = (request: FastifyRequest) => {
  const body = request.body;
  const asked =
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).filter(([name]) => name !== '_csrf'))
      : (body ?? null);
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(asked)}`)
    .digest('hex');
};

/** A form's one-time submission id, when it sent one. */
function formSubmissionOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const id = body && typeof body === 'object' ? body._submission : undefined;
  return typeof id === 'string' ? id : undefined;
}

export function acceptIdempotencyKeys(app: FastifyInstance, database: Database): void {
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || !request.actor) return;
    const api = isApiRequest(request);
    const header = api ? request.headers[IDEMPOTENCY_HEADER] : formSubmissionOf(request);
    if (header === undefined) return;
    const answer = (status: number, detail: string) =>
      reply
        .status(status)
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem(status, { detail, requestId: request.id }));
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      if (!api) return; // not one Kith wrote: the form is sent as it is
      return answer(400, 'The Idempotency-Key header must be 1 to 200 visible characters, sent once.');
    }
    const of = { tenantId: request.actor.tenantId, userId: request.actor.userId, key: api ? header : `form:${header}` };
    const fingerprint = fingerprintOf(request);
    const claimOrRead = () =>
      withTenant(database.orm, of.tenantId, async (tx) => {
        await forgetOldKeys(tx, of, new Date(Date.now() - KEPT_FOR_MS));
        if (await claimKey(tx, of, fingerprint, new Date(Date.now() - ABANDONED_AFTER_MS))) {
          return { claimed: true as const };
        }
        return { claimed: false as const, row: await keyRow(tx, of) };
      });
    let outcome = await claimOrRead();
    // A form sent twice in quick succession (a double click): wait a little for the first answer.
    for (let waited = 0; !api && !outcome.claimed && outcome.row?.statusCode === null && waited < FORM_WAIT_MS;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      waited += 200;
      outcome = await claimOrRead();
    }
    if (outcome.claimed) {
      request.idempotencyClaim = { ...of, form: !api };
      return;
    }
    const row = outcome.row;
    if (!row || row.fingerprint !== fingerprint) {
      // A form page kept by the browser (Back), changed and sent again: a new request of its own.
      if (!api) return;
      return answer(422, 'This Idempotency-Key was used for a different request. Use a new key for a new request.');
    }
    if (row.statusCode === null) {
      reply.header('retry-after', '5');
      if (!api) {
        return reply.status(409).render('error.njk', {
          pageTitle: 'This form is already being saved',
          paragraphs: ['It was sent twice. Check the record in a moment before sending it again.'],
          requestId: request.id,
        });
      }
      return answer(409, 'A request with this Idempotency-Key is still being answered. Try again in a moment.');
    }
    reply.status(row.statusCode).header('idempotent-replayed', 'true');
    if (row.contentType) reply.header('content-type', row.contentType);
    if (row.location) reply.header('location', row.location);
    return reply.send(row.responseBody ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    if (reply.statusCode >= 500 || (claim.form && reply.statusCode >= 400)) {
      // Nothing was done (a server error rolls its transaction back): the retry runs afresh.
      await withTenant(database.orm, claim.tenantId, (tx) => releaseKey(tx, claim)).catch((error: unknown) => {
        request.log.warn({ err: error }, 'could not give up an idempotency key; it is given up by itself later');
      });
      return payload;
    }
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const header = (name: string) => {
      const value = reply.getHeader(name);
      return typeof value === 'string' ? value : null;
    };
    await withTenant(database.orm, claim.tenantId, (tx) =>
      keepAnswer(tx, claim, {
        statusCode: reply.statusCode,
        contentType: header('content-type'),
        location: header('location'),
        body,
      }),
    );
    return payload;
  });
}
