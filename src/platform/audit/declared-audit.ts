/**
 * Every page or API answer that shows something of a child's record writes an audit entry:
 * the route declares its action (`config.audit`, required for every `/children/:childId…`
 * route, see route-access.ts), and this makes the declaration binding. While a request runs,
 * each audit entry it writes is noted; when a child-record route is about to answer with
 * something of the record (a 2xx, or a page re-shown with its errors) and its handler wrote no
 * entry, the declared action is written here, before the answer leaves, marked
 * `recordedBy: 'route declaration'`. If that entry cannot be written the answer is not sent.
 *
 * Handlers still write their own entries (with the part of the record and what changed); this
 * is the floor under them, so a forgotten entry is a less detailed entry, never a silent read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audienceOf, professionalsOnly } from '../access/policy.js';
import { opensAChildsRecord } from '../access/route-access.js';
import type { Database } from '../db/database.js';
import { isUuid } from '../db/ids.js';
import { withTenant } from '../db/tenancy.js';
import { isApiRequest } from '../http/errors.js';
import { requestSource } from '../http/request-source.js';
import { actorLabel } from '../identity/actor.js';
import { recordAuditEvent } from './audit-log.js';
import { auditEntriesWrittenThisRequest, countAuditEntriesDuring } from './entries-this-request.js';

/** Whether the answer shows something of the record: a success, or a form page shown again with its errors. */
function showsTheRecord(request: FastifyRequest, statusCode: number): boolean {
  if (statusCode >= 200 && statusCode < 300) return true;
  return statusCode === 400 && !isApiRequest(request);
}

export function enforceDeclaredAudit(app: FastifyInstance, database: Database): void {
  app.addHook('onRequest', (_request, _reply, done) => {
    countAuditEntriesDuring(done);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const action = request.routeOptions.config?.audit;
    const url = request.routeOptions.url;
    const actor = request.actor;
    if (!action || !url || !opensAChildsRecord(url) || !actor) return payload;
    if (!showsTheRecord(request, reply.statusCode)) return payload;
    // A family member or young person on a page not made for them was shown nothing of it.
    if (!(actor.servedAudiences ?? professionalsOnly).includes(audienceOf(actor.roles))) return payload;
    if (auditEntriesWrittenThisRequest() > 0) return payload;
    const childId = (request.params as { childId?: string }).childId ?? '';
    if (!isUuid(childId)) return payload;
    request.log.warn(
      { action, route: url },
      'a child-record route answered without an audit entry; wrote its declared one',
    );
    await withTenant(database.orm, actor.tenantId, (tx) =>
      recordAuditEvent(tx, actor.tenantId, {
        action,
        // A form shown again with its errors: the record was shown, what was asked was not done.
        outcome: reply.statusCode === 400 ? 'failed' : 'allowed',
        actor: { userId: actor.userId, label: actorLabel(actor) },
        subject: { type: 'child_record', id: childId },
        childPersonId: childId,
        source: requestSource(request),
        details: { recordedBy: 'route declaration', status: reply.statusCode },
      }),
    );
    return payload;
  });
}
