/**
 * What every part of voice's service shares once the child's record is open (child-record's
 * `withChildRecord` opens it, asks the access policy and audits a refusal): who is writing,
 * what a reader may see of a visit, and an audit entry that names the part of the record it is
 * about (a visit, a draft, direct work, an attachment) rather than the whole record.
 */
import { recordAuditEvent, type AuditDetails } from '../../../platform/audit/audit-log.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { Tx } from '../../../platform/db/database.js';
import { childRecordService, type ChildRecordHandle } from '../../child-record/index.js';
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
 * A service that opens the child's record for one purpose and does its work there: child-record's
 * `childRecordService`, under the name voice's services have always used.
 */
export const recordService = childRecordService;

/**
 * A service that adds one row to the child's record with `insert` (written by this actor) and
 * records `action` about the record with the `details` of what was added; it answers false
 * when the record may not be changed (the refusal audited).
 */
export function recordChange<Row>(
  action: AuditAction,
  insert: (tx: Tx, tenantId: string, childId: string, row: Row, by: ReturnType<typeof author>) => Promise<unknown>,
  details: (row: Row) => AuditDetails | undefined = () => undefined,
) {
  return recordService(
    'change',
    action,
    async (record, row: Row) => {
      await insert(record.tx, record.tenantId, record.childId, row, author(record.actor));
      await record.audit(action, details(row));
      return true;
    },
    false,
  );
}
