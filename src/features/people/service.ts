/**
 * Changing a child's details, and reading their history. A change needs a reason, is kept
 * as a new version (never overwriting), is audited with the names of the fields changed (not
 * their values), and is refused, showing both versions, if someone else saved meanwhile.
 */
import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { decideChildRecordAccess } from '../../platform/access/policy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { hasPermission } from '../../platform/identity/roles.js';
import {
  changedFields,
  latestVersion,
  saveVersion,
  versionsOf,
  type RecordVersion,
} from '../../platform/history/record-history.js';
import { childRecordFacts, relationshipsOf } from '../child-record/index.js';
import type { ChildDetails } from './details.js';
import { people } from './schema.js';
import type { RequestSource } from '../../platform/http/request-source.js';

export const CHILD_DETAILS = 'child_details';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type { RequestSource } from '../../platform/http/request-source.js';

async function currentDetails(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<{ details: ChildDetails; createdAt: Date } | undefined> {
  const [row] = await tx
    .select({
      fullName: people.fullName,
      knownAs: people.knownAs,
      pronouns: people.pronouns,
      dateOfBirth: people.dateOfBirth,
      dateOfBirthIsApproximate: people.dateOfBirthIsApproximate,
      languages: people.languages,
      whatTheyBring: people.whatTheyBring,
      createdAt: people.createdAt,
    })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, childId)));
  if (!row) return undefined;
  const { createdAt, ...details } = row;
  return { details, createdAt };
}

async function mayAct(tx: Tx, actor: Actor, childId: string, action: 'view' | 'change'): Promise<boolean> {
  if (!UUID.test(childId)) return false;
  const facts = (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId);
  if (!facts) return false;
  return (
    decideChildRecordAccess(await relationshipsOf(tx, actor), action, facts).allowed &&
    hasPermission(actor.roles, action === 'view' ? 'child_record.view' : 'child_record.change')
  );
}

function auditRefusal(tx: Tx, actor: Actor, childId: string, action: string, source: RequestSource) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'denied',
    actor: { userId: actor.userId, label: actorLabel(actor) },
    childPersonId: UUID.test(childId) ? childId : null,
    subject: UUID.test(childId) ? { type: 'child_record', id: childId } : null,
    source,
  });
}

export async function detailsForEditing(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<{ details: ChildDetails; version: number } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await mayAct(tx, actor, childId, 'change'))) {
      await auditRefusal(tx, actor, childId, 'child_record.change', source);
      return null;
    }
    const current = await currentDetails(tx, actor.tenantId, childId);
    if (!current) return null;
    const latest = await latestVersion(tx, actor.tenantId, CHILD_DETAILS, childId);
    return { details: current.details, version: latest?.version ?? 0 };
  });
}

export type DetailsSave =
  | { outcome: 'saved'; version: number }
  | { outcome: 'not_found' }
  | { outcome: 'unchanged' }
  | { outcome: 'conflict'; theirs: ChildDetails; theirVersion: number; theirAuthor: string };

export async function saveDetails(
  database: Database,
  actor: Actor,
  childId: string,
  change: { details: ChildDetails; expectedVersion: number; reason: string; isCorrection: boolean },
  source: RequestSource,
): Promise<DetailsSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await mayAct(tx, actor, childId, 'change'))) {
      await auditRefusal(tx, actor, childId, 'child_record.change', source);
      return { outcome: 'not_found' as const };
    }
    const current = await currentDetails(tx, actor.tenantId, childId);
    if (!current) return { outcome: 'not_found' as const };
    const fields = changedFields(
      current.details as unknown as Record<string, unknown>,
      change.details as unknown as Record<string, unknown>,
    );
    const saved = await saveVersion(tx, actor.tenantId, {
      recordType: CHILD_DETAILS,
      recordId: childId,
      before: current.details as unknown as Record<string, unknown>,
      beforeRecordedAt: current.createdAt,
      content: change.details as unknown as Record<string, unknown>,
      expectedVersion: change.expectedVersion,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: change.reason,
      isCorrection: change.isCorrection,
    });
    if (saved.outcome === 'conflict') {
      const theirs = saved.current;
      return {
        outcome: 'conflict' as const,
        theirs: theirs.content as unknown as ChildDetails,
        theirVersion: theirs.version,
        theirAuthor: 'recordedByLabel' in theirs ? theirs.recordedByLabel : '',
      };
    }
    if (fields.length === 0) throw new UnchangedError();
    await tx
      .update(people)
      .set({ ...change.details, updatedAt: new Date() })
      .where(and(eq(people.tenantId, actor.tenantId), eq(people.id, childId)));
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'child_record.change',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      childPersonId: childId,
      subject: { type: CHILD_DETAILS, id: childId },
      reason: change.reason,
      source,
      details: { fields: fields.join(','), version: saved.version, correction: change.isCorrection },
    });
    return { outcome: 'saved' as const, version: saved.version };
  }).catch((error: unknown) => {
    // Nothing changed: the transaction rolled back so no empty version was stored.
    if (error instanceof UnchangedError) return { outcome: 'unchanged' as const };
    throw error;
  });
}

class UnchangedError extends Error {}

export interface HistoryView {
  childName: string;
  versions: (RecordVersion & { supersededByCorrection: boolean })[];
  mayChange: boolean;
}

/**
 * The history of a child's details. Someone who may change the record sees every version,
 * including the original text of anything later corrected; anyone else who may read it sees
 * the corrected text only.
 */
export async function detailsHistory(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<HistoryView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await mayAct(tx, actor, childId, 'view'))) {
      await auditRefusal(tx, actor, childId, 'child_record.history_viewed', source);
      return null;
    }
    const mayChange = await mayAct(tx, actor, childId, 'change');
    const current = await currentDetails(tx, actor.tenantId, childId);
    const versions = await versionsOf(tx, actor.tenantId, CHILD_DETAILS, childId);
    const marked = versions.map((version, index) => ({
      ...version,
      // versions are newest first: the one before this in the list is the next version
      supersededByCorrection: index > 0 && versions[index - 1]!.isCorrection,
    }));
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'child_record.history_viewed',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      childPersonId: childId,
      subject: { type: CHILD_DETAILS, id: childId },
      source,
    });
    return {
      childName: current?.details.fullName ?? '',
      versions: mayChange ? marked : marked.filter((version) => !version.supersededByCorrection),
      mayChange,
    };
  });
}
