/**
 * What every part of voice's service shares once the child's record is open (child-record's
 * `withChildRecord` opens it, asks the access policy and audits a refusal): who is writing,
 * what a reader may see of a visit, and an audit entry that names the part of the record it is
 * about (a visit, a draft, direct work, an attachment) rather than the whole record.
 */
import { recordAuditEvent, type AuditDetails } from '../../../platform/audit/audit-log.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { Database } from '../../../platform/db/database.js';
import {
  withChildRecord,
  type ChildRecordHandle,
  type ChildRecordPurpose,
  type RequestSource,
} from '../../child-record/index.js';
import type { VisitContent } from '../visit-form.js';

/** The record type of a visit in the record history, and the subject of its audit entries. */
export const VISIT = 'visit';

/** Who wrote a record: kept on it as the user and the label read back later. */
export const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

/** The worker's own reflection stays with staff; families and young people see the rest. */
export const forReader = (actor: Actor, visit: VisitContent): VisitContent =>
  actor.kind === 'staff' ? visit : { ...visit, reflection: null };

/**
 * An entry about one part of the opened record, naming that part as its subject. (The record's
 * own `audit` names the whole record; entries here have always named the visit, draft, direct
 * work or attachment, and keep doing so.)
 */
export function auditPart(
  record: ChildRecordHandle,
  action: AuditAction,
  part: { type: string; id: string },
  details: AuditDetails = {},
  reason: string | null = null,
): Promise<void> {
  return recordAuditEvent(record.tx, record.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(record.actor),
    childPersonId: record.childId,
    subject: part,
    source: record.source,
    details,
    reason,
  });
}

/**
 * Opens the child's record to change it, saves with `save`, and records `action` about the
 * record with the details `save` gives; false when the record may not be changed (refusal audited).
 */
export async function recordChange(
  database: Database,
  actor: Actor,
  childId: string,
  action: AuditAction,
  source: RequestSource,
  save: (record: ChildRecordHandle) => Promise<AuditDetails | undefined>,
): Promise<boolean> {
  const saved = await withChildRecord(database, actor, childId, { need: 'change', action, source }, async (record) => {
    await record.audit(action, await save(record));
    return true;
  });
  return saved ?? false;
}

/**
 * A service that opens the child's record for `need` and does `work` there, audited by `action`
 * if refused. It takes what voice's services take: the database, the actor and the child, then
 * `work`'s own arguments, then the request's source; it answers null when the record may not
 * be opened (the refusal audited), as it does for a wrong id.
 */
export function recordService<Args extends unknown[], Result>(
  need: ChildRecordPurpose['need'],
  action: AuditAction,
  work: (record: ChildRecordHandle, ...args: Args) => Promise<Result>,
) {
  return (database: Database, actor: Actor, childId: string, ...rest: [...Args, RequestSource]) => {
    const source = rest.at(-1) as RequestSource;
    const args = rest.slice(0, -1) as Args;
    return withChildRecord(database, actor, childId, { need, action, source }, (record) => work(record, ...args));
  };
}
