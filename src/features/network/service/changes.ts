/**
 * Changing the child's network: adding someone, recording and changing relationships, placing
 * someone on the ecomap, marking someone as no longer involved. Each opens the child's record to
 * change it (a refusal is audited as 'network.change') and audits what it changed, in one
 * transaction; each relationship change is kept as a version.
 */
import type { Tx } from '../../../platform/db/database.js';
import { changedFields } from '../../../platform/history/record-history.js';
import { auditChildRecord, childRecordService, type ChildRecordHandle } from '../../child-record/index.js';
import { addPersonIn } from '../../people/index.js';
import {
  findRelationship,
  findSameRelationship,
  insertMember,
  insertRelationship,
  isMember,
  membersOf,
  similarPeople,
  updateMember,
  updateRelationship,
  type RelationshipFacts,
} from '../queries.js';
import type { Circle } from '../schema.js';
import type { NewPersonInput, RelationshipInput } from '../validation.js';
import { factsOf, keepRelationshipVersion, type RelationshipView } from './network.js';

/** A change's audit entry that keeps the reason given for it. */
export function auditWithReason(
  record: ChildRecordHandle,
  action: 'network.relationship_changed' | 'network.person_no_longer_involved' | 'network.person_changed',
  details: Record<string, string | number | boolean | null>,
  reason: string | null,
) {
  const entry = { action, outcome: 'allowed' as const, details, reason };
  return auditChildRecord(record.tx, record.actor, record.childId, entry, record.source);
}

/** A new relationship and its first version. */
async function addRelationshipIn(record: ChildRecordHandle, facts: RelationshipFacts): Promise<string> {
  const relationshipId = await insertRelationship(record.tx, record.tenantId, facts);
  await keepRelationshipVersion(record, relationshipId, 1, facts, null);
  return relationshipId;
}

export type AddPersonResult =
  | { outcome: 'added'; personId: string; relationshipId: string | null }
  | { outcome: 'already_in_network'; personId: string }
  | { outcome: 'not_found' };

/** Adds a new or already-recorded person to the child's network, with how they relate to the child. */
export const addPersonToNetwork = childRecordService(
  'change',
  'network.change',
  async (
    record,
    input: {
      person: NewPersonInput | { existingPersonId: string };
      circle: Circle;
      relationshipToChild: Omit<RelationshipInput, 'fromPersonId' | 'toPersonId'> | null;
      position?: { x: number; y: number } | null;
    },
  ): Promise<AddPersonResult> => {
    const { tx, tenantId, childId } = record;
    let personId: string;
    if ('existingPersonId' in input.person) {
      personId = input.person.existingPersonId;
      const { child } = await membersOf(tx, tenantId, personId);
      if (!child || personId === childId) return { outcome: 'not_found' };
      if (await isMember(tx, tenantId, childId, personId)) return { outcome: 'already_in_network', personId };
    } else {
      personId = await addPersonIn(tx, tenantId, input.person);
    }
    await insertMember(tx, tenantId, {
      childPersonId: childId,
      personId,
      circle: input.circle,
      positionX: input.position?.x ?? null,
      positionY: input.position?.y ?? null,
    });
    const tie = input.relationshipToChild;
    const relationshipId = tie
      ? await addRelationshipIn(record, { ...tie, fromPersonId: personId, toPersonId: childId })
      : null;
    await record.audit('network.person_added', {
      personId,
      circle: input.circle,
      existingPerson: 'existingPersonId' in input.person,
    });
    return { outcome: 'added', personId, relationshipId };
  },
  { outcome: 'not_found' } as const,
);

export type RelationshipSave =
  | { outcome: 'saved'; relationshipId: string; version: number }
  | { outcome: 'not_in_network' }
  | { outcome: 'duplicate'; existingId: string }
  | { outcome: 'conflict'; current: RelationshipView }
  | { outcome: 'not_found' };

async function inNetwork(tx: Tx, tenantId: string, childId: string, personId: string): Promise<boolean> {
  return personId === childId || (await isMember(tx, tenantId, childId, personId));
}

/** Records a relationship between any two people in the child's network (not only with the child). */
export const recordRelationship = childRecordService(
  'change',
  'network.change',
  async (record, facts: RelationshipInput): Promise<RelationshipSave> => {
    const { tx, tenantId, childId } = record;
    if (
      !(await inNetwork(tx, tenantId, childId, facts.fromPersonId)) ||
      !(await inNetwork(tx, tenantId, childId, facts.toPersonId))
    ) {
      return { outcome: 'not_in_network' };
    }
    const same = await findSameRelationship(tx, tenantId, facts.fromPersonId, facts.toPersonId, facts.type);
    if (same) return { outcome: 'duplicate', existingId: same.id };
    const relationshipId = await addRelationshipIn(record, facts);
    await record.audit('network.relationship_added', { relationshipId, type: facts.type });
    return { outcome: 'saved', relationshipId, version: 1 };
  },
  { outcome: 'not_found' } as const,
);

/** Changes a tie. Refused, with what is there now, if someone else saved since `expectedVersion`. */
export const changeRelationship = childRecordService(
  'change',
  'network.change',
  async (
    record,
    relationshipId: string,
    change: { facts: RelationshipInput; expectedVersion: number; reason: string | null },
  ): Promise<RelationshipSave> => {
    const { tx, tenantId, childId } = record;
    const current = await findRelationship(tx, tenantId, relationshipId);
    if (
      !current ||
      !(await inNetwork(tx, tenantId, childId, current.fromPersonId)) ||
      !(await inNetwork(tx, tenantId, childId, current.toPersonId))
    ) {
      return { outcome: 'not_found' };
    }
    // The two people a relationship is between never change; a different pair is a new relationship.
    const facts: RelationshipFacts = {
      ...change.facts,
      fromPersonId: current.fromPersonId,
      toPersonId: current.toPersonId,
    };
    if (facts.type !== current.type) {
      const same = await findSameRelationship(tx, tenantId, facts.fromPersonId, facts.toPersonId, facts.type);
      if (same) return { outcome: 'duplicate', existingId: same.id };
    }
    const version = await updateRelationship(tx, tenantId, relationshipId, facts, change.expectedVersion);
    if (version === null) {
      return { outcome: 'conflict', current: { id: current.id, version: current.version, ...factsOf(current) } };
    }
    await keepRelationshipVersion(record, relationshipId, version, facts, change.reason);
    const fields = changedFields(
      factsOf(current) as unknown as Record<string, unknown>,
      facts as unknown as Record<string, unknown>,
    );
    await auditWithReason(
      record,
      'network.relationship_changed',
      { relationshipId, fields: fields.join(','), version },
      change.reason,
    );
    return { outcome: 'saved', relationshipId, version };
  },
  { outcome: 'not_found' } as const,
);

/** Where someone is drawn on this child's ecomap (0..1000 each way). */
export const placePerson = childRecordService(
  'change',
  'network.change',
  async (record, personId: string, position: { x: number; y: number } | null): Promise<boolean> => {
    const { childId } = record;
    const moved = await updateMember(record.tx, record.tenantId, childId, personId, {
      positionX: position?.x ?? null,
      positionY: position?.y ?? null,
    });
    if (moved) await record.audit('network.person_moved', { personId });
    return moved;
  },
  false,
);

/** Nobody is deleted from a network: they can be marked as no longer involved, history kept. */
export const markNoLongerInvolved = childRecordService(
  'change',
  'network.change',
  async (record, personId: string, change: { on: string; reason: string; circle?: Circle }): Promise<boolean> => {
    const { childId } = record;
    const done = await updateMember(record.tx, record.tenantId, childId, personId, {
      noLongerInvolvedOn: change.on,
      noLongerInvolvedReason: change.reason,
    });
    if (done) await auditWithReason(record, 'network.person_no_longer_involved', { personId }, change.reason);
    return done;
  },
  false,
);

/** People already recorded in the council who may be the person about to be added. */
export const possibleMatches = childRecordService('change', 'network.change', async (record, fullName: string) => {
  const { childId } = record;
  return (await similarPeople(record.tx, record.tenantId, fullName)).filter((person) => person.id !== childId);
});
