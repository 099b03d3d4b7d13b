/**
 * Changing a child's details, and reading their history. A change needs a reason, is kept
 * as a new version (never overwriting), is audited with the names of the fields changed (not
 * their values), and is refused, showing both versions, if someone else saved meanwhile.
 *
 * Other features record people through the `…In` functions below, inside their own council
 * transaction (the network adds, changes and merges the people in a child's world).
 */
import type { Database, Tx } from '../../platform/db/database.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import {
  changedFields,
  latestVersion,
  saveVersion,
  versionsOf,
  type RecordVersion,
} from '../../platform/history/record-history.js';
import { auditChildRecord, childRecordService, withChildRecord } from '../child-record/index.js';
import type { ChildDetails } from './details.js';
import { childDetailsOf, insertPerson, updatePerson, type NewPerson, type PersonChange } from './queries.js';

export type { NewPerson, PersonChange } from './queries.js';

export const CHILD_DETAILS = 'child_details';

/** Records a new person (or group, place, online community) in the council; their id. */
export function addPersonIn(tx: Tx, tenantId: string, person: NewPerson): Promise<string> {
  return insertPerson(tx, tenantId, person);
}

/** Changes someone's details; the caller keeps the earlier details as a version. */
export function changePersonIn(tx: Tx, tenantId: string, personId: string, change: PersonChange): Promise<void> {
  return updatePerson(tx, tenantId, personId, change);
}

/** Someone recorded twice: the duplicate stays, pointing at the person kept. */
export function markPersonMergedIn(tx: Tx, tenantId: string, duplicateId: string, keptId: string): Promise<void> {
  return updatePerson(tx, tenantId, duplicateId, { mergedInto: keptId });
}

const asRecord = (details: ChildDetails) => details as unknown as Record<string, unknown>;

export const detailsForEditing = childRecordService(
  'change',
  'child_record.change',
  async ({ tx, tenantId, childId }): Promise<{ details: ChildDetails; version: number } | null> => {
    const current = await childDetailsOf(tx, tenantId, childId);
    if (!current) return null;
    const latest = await latestVersion(tx, tenantId, CHILD_DETAILS, childId);
    return { details: current.details, version: latest?.version ?? 0 };
  },
);

export type DetailsSave =
  | { outcome: 'saved'; version: number }
  | { outcome: 'not_found' }
  | { outcome: 'unchanged' }
  | { outcome: 'conflict'; theirs: ChildDetails; theirVersion: number; theirAuthor: string };

class UnchangedError extends Error {}

export async function saveDetails(
  database: Database,
  actor: Actor,
  childId: string,
  change: { details: ChildDetails; expectedVersion: number; reason: string; isCorrection: boolean },
  source: RequestSource,
): Promise<DetailsSave> {
  const purpose = { need: 'change', action: 'child_record.change', source } as const;
  const saved = await withChildRecord(database, actor, childId, purpose, async ({ tx }): Promise<DetailsSave> => {
    const current = await childDetailsOf(tx, actor.tenantId, childId);
    if (!current) return { outcome: 'not_found' };
    const fields = changedFields(asRecord(current.details), asRecord(change.details));
    const version = await saveVersion(tx, actor.tenantId, {
      recordType: CHILD_DETAILS,
      recordId: childId,
      before: asRecord(current.details),
      beforeRecordedAt: current.createdAt,
      content: asRecord(change.details),
      expectedVersion: change.expectedVersion,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: change.reason,
      isCorrection: change.isCorrection,
    });
    if (version.outcome === 'conflict') {
      const theirs = version.current;
      return {
        outcome: 'conflict',
        theirs: theirs.content as unknown as ChildDetails,
        theirVersion: theirs.version,
        theirAuthor: 'recordedByLabel' in theirs ? theirs.recordedByLabel : '',
      };
    }
    // Nothing changed: throwing rolls the transaction back, so no empty version is stored.
    if (fields.length === 0) throw new UnchangedError();
    await updatePerson(tx, actor.tenantId, childId, change.details);
    await auditChildRecord(
      tx,
      actor,
      childId,
      {
        action: 'child_record.change',
        outcome: 'allowed',
        subject: { type: CHILD_DETAILS, id: childId },
        reason: change.reason,
        details: { fields: fields.join(','), version: version.version, correction: change.isCorrection },
      },
      source,
    );
    return { outcome: 'saved', version: version.version };
  }).catch((error: unknown) => {
    if (error instanceof UnchangedError) return { outcome: 'unchanged' as const };
    throw error;
  });
  return saved ?? { outcome: 'not_found' };
}

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
export const detailsHistory = childRecordService(
  'view',
  'child_record.history_viewed',
  async (record): Promise<HistoryView> => {
    const { tx, tenantId, childId } = record;
    const current = await childDetailsOf(tx, tenantId, childId);
    const versions = await versionsOf(tx, tenantId, CHILD_DETAILS, childId);
    const marked = versions.map((version, index) => ({
      ...version,
      // versions are newest first: the one before this in the list is the next version
      supersededByCorrection: index > 0 && versions[index - 1]!.isCorrection,
    }));
    await record.audit('child_record.history_viewed', {}, 'allowed', { subject: { type: CHILD_DETAILS, id: childId } });
    return {
      childName: current?.details.fullName ?? '',
      versions: record.mayChange ? marked : marked.filter((version) => !version.supersededByCorrection),
      mayChange: record.mayChange,
    };
  },
);
