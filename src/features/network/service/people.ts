/**
 * The people in a child's network: their details (stored once, so a change shows in every
 * network they are in, the earlier details kept as a version), and merging someone recorded twice.
 */
import type { Database } from '../../../platform/db/database.js';
import { changedFields, latestVersion, saveVersion } from '../../../platform/history/record-history.js';
import type { RequestSource } from '../../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import { childRecordService, withChildRecord } from '../../child-record/index.js';
import { changePersonIn, markPersonMergedIn } from '../../people/index.js';
import {
  findSameRelationship,
  insertMember,
  isMember,
  membersOf,
  membershipsOfPerson,
  moveRelationshipEnds,
  relationshipsOfPerson,
  updateMember,
} from '../queries.js';
import type { NewPersonInput } from '../validation.js';
import { auditWithReason } from './changes.js';
import { factsOf, keepRelationshipVersion, type NetworkPersonView } from './network.js';

export type MergeResult =
  | { outcome: 'merged'; tiesMoved: number; networksMoved: number }
  | { outcome: 'not_found' }
  | { outcome: 'same_person' };

/**
 * Merges a person recorded twice. Nothing is deleted: the duplicate's ties and places in
 * every child's network move to the person kept (each move a new version), the duplicate's
 * own record stays with a pointer to the person kept, and the merge is audited. A tie the
 * kept person already has is left with the duplicate, so no history is overwritten.
 */
export async function mergePeople(
  database: Database,
  actor: Actor,
  childId: string,
  merge: { duplicateId: string; keptId: string },
  source: RequestSource,
): Promise<MergeResult> {
  const { duplicateId, keptId } = merge;
  if (duplicateId === keptId) return { outcome: 'same_person' };
  const purpose = { need: 'change', action: 'network.change', source } as const;
  const merged = await withChildRecord(database, actor, childId, purpose, async (record): Promise<MergeResult> => {
    const { tx, tenantId } = record;
    // Both must be in this child's network; the child themself is never merged away.
    if (
      duplicateId === childId ||
      keptId === childId ||
      !(await isMember(tx, tenantId, childId, duplicateId)) ||
      !(await isMember(tx, tenantId, childId, keptId))
    ) {
      return { outcome: 'not_found' };
    }
    const { child: kept } = await membersOf(tx, tenantId, keptId);
    const reason = `Recorded twice; merged into ${kept?.fullName ?? 'the same person'}`;
    let tiesMoved = 0;
    for (const tie of await relationshipsOfPerson(tx, tenantId, duplicateId)) {
      const ends = {
        fromPersonId: tie.fromPersonId === duplicateId ? keptId : tie.fromPersonId,
        toPersonId: tie.toPersonId === duplicateId ? keptId : tie.toPersonId,
      };
      if (ends.fromPersonId === ends.toPersonId) continue;
      if (await findSameRelationship(tx, tenantId, ends.fromPersonId, ends.toPersonId, tie.type)) continue;
      const version = await moveRelationshipEnds(tx, tenantId, tie.id, ends);
      if (version === null) continue;
      await keepRelationshipVersion(record, tie.id, version, { ...factsOf(tie), ...ends }, reason);
      tiesMoved += 1;
    }
    let networksMoved = 0;
    const today = new Date().toISOString().slice(0, 10);
    for (const membership of await membershipsOfPerson(tx, tenantId, duplicateId)) {
      if (!(await isMember(tx, tenantId, membership.childPersonId, keptId))) {
        await insertMember(tx, tenantId, {
          childPersonId: membership.childPersonId,
          personId: keptId,
          circle: membership.circle,
          positionX: membership.positionX,
          positionY: membership.positionY,
        });
        networksMoved += 1;
      }
      if (!membership.noLongerInvolvedOn) {
        await updateMember(tx, tenantId, membership.childPersonId, duplicateId, {
          noLongerInvolvedOn: today,
          noLongerInvolvedReason: reason,
        });
      }
    }
    await markPersonMergedIn(tx, tenantId, duplicateId, keptId);
    await record.audit('network.people_merged', { keptId, duplicateId, tiesMoved, networksMoved });
    return { outcome: 'merged', tiesMoved, networksMoved };
  });
  return merged ?? { outcome: 'not_found' };
}

/** The record type of someone's details' versions in record history. */
export const PERSON_DETAILS = 'person_details';

/** The details of someone in the child's network, and the version an edit starts from. */
export const personForEditing = childRecordService(
  'change',
  'network.change',
  async (
    { tx, tenantId, childId },
    personId: string,
  ): Promise<{ person: NetworkPersonView; version: number } | null> => {
    const { members } = await membersOf(tx, tenantId, childId);
    const person = members.find((member) => member.id === personId);
    if (!person) return null;
    const latest = await latestVersion(tx, tenantId, PERSON_DETAILS, personId);
    return { person, version: latest?.version ?? 0 };
  },
);

export type PersonSave =
  | { outcome: 'saved'; version: number }
  | { outcome: 'unchanged' }
  | { outcome: 'not_found' }
  | { outcome: 'conflict'; theirAuthor: string; theirVersion: number };

const detailsOf = (person: NewPersonInput | NetworkPersonView) => ({
  kind: person.kind,
  fullName: person.fullName,
  knownAs: person.knownAs,
  pronouns: person.pronouns,
  gender: person.gender,
  dateOfBirth: person.dateOfBirth,
  dateOfBirthIsApproximate: person.dateOfBirthIsApproximate,
  diedOn: person.diedOn,
  languages: person.languages,
  contactDetails: person.contactDetails,
  whatTheyBring: person.whatTheyBring,
});

/**
 * Changes someone's details. The person is stored once, so the change shows in every child's
 * network they are in; the earlier details are kept as a version, and a save made from an
 * out-of-date page is refused rather than overwriting someone else's change.
 */
export const savePersonDetails = childRecordService(
  'change',
  'network.change',
  async (
    record,
    personId: string,
    change: { details: NewPersonInput; expectedVersion: number; reason: string },
  ): Promise<PersonSave> => {
    const { tx, tenantId, actor, childId } = record;
    const { members } = await membersOf(tx, tenantId, childId);
    const current = members.find((member) => member.id === personId);
    if (!current) return { outcome: 'not_found' };
    const before = detailsOf(current) as unknown as Record<string, unknown>;
    const after = detailsOf(change.details) as unknown as Record<string, unknown>;
    const fields = changedFields(before, after);
    if (fields.length === 0) return { outcome: 'unchanged' };
    const version = await saveVersion(tx, tenantId, {
      recordType: PERSON_DETAILS,
      recordId: personId,
      before,
      beforeRecordedAt: current.addedAt,
      content: after,
      expectedVersion: change.expectedVersion,
      author: { userId: actor.userId, label: actorLabel(actor) },
      reason: change.reason,
      isCorrection: false,
    });
    if (version.outcome === 'conflict') {
      return {
        outcome: 'conflict',
        theirAuthor: 'recordedByLabel' in version.current ? version.current.recordedByLabel : 'Someone',
        theirVersion: version.current.version,
      };
    }
    await changePersonIn(tx, tenantId, personId, detailsOf(change.details));
    const details = { personId, fields: fields.join(','), version: version.version };
    await auditWithReason(record, 'network.person_changed', details, change.reason);
    return { outcome: 'saved', version: version.version };
  },
  { outcome: 'not_found' } as const,
);
