/**
 * The child's network: who is in it, how they relate, and every change kept. Each call runs in
 * one council transaction, asks the same access policy as the rest of the child's record, and
 * writes its audit entry in that transaction. Relationship changes are versioned (record
 * history), so the network can be shown as it stood on any past date.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import {
  appendVersion,
  changedFields,
  latestVersion,
  saveVersion,
  versionsOfMany,
} from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { checkChildAccess, type RequestSource } from '../child-record/index.js';
import { insertPerson } from '../people/index.js';
import {
  childRecordsInNetwork,
  childTieVersions,
  findRelationship,
  findSameRelationship,
  householdsInNetwork,
  insertMember,
  insertRelationship,
  isMember,
  markMerged,
  membersOf,
  membershipsOfPerson,
  moveRelationshipEnds,
  relationshipsOfPerson,
  relationshipsInNetwork,
  similarPeople,
  updateMember,
  updatePersonDetails,
  updateRelationship,
  type RelationshipFacts,
} from './queries.js';
import { displayName } from './graph.js';
import type { TieVersion } from './growth.js';
import type { Circle } from './schema.js';
import type { NewPersonInput, RelationshipInput } from './validation.js';

export const RELATIONSHIP = 'relationship';

export type NetworkPersonView = Awaited<ReturnType<typeof membersOf>>['members'][number];
export interface RelationshipView extends RelationshipFacts {
  id: string;
  version: number;
}
export interface NetworkView {
  child: NonNullable<Awaited<ReturnType<typeof membersOf>>['child']>;
  members: NetworkPersonView[];
  relationships: RelationshipView[];
  households: { id: string; name: string; memberIds: string[] }[];
  /** Set when the network is shown as it stood on a past date. */
  asOf: string | null;
  /** People in the network who are themselves children with a record. */
  childIds: string[];
}

const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
  details: Record<string, string | number | boolean | null> = {},
  reason?: string | null,
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(actor),
    childPersonId: childId,
    subject: { type: 'child_record', id: childId },
    source,
    details,
    reason: reason ?? null,
  });
}

const factsOf = (relationship: RelationshipFacts): RelationshipFacts => ({
  fromPersonId: relationship.fromPersonId,
  toPersonId: relationship.toPersonId,
  type: relationship.type,
  closeness: relationship.closeness,
  quality: relationship.quality,
  supportFlows: relationship.supportFlows,
  lovesTheChild: relationship.lovesTheChild,
  childLovesThem: relationship.childLovesThem,
  lifelongConnection: relationship.lifelongConnection,
  safetyNetworkRole: relationship.safetyNetworkRole,
  startedOn: relationship.startedOn,
  endedOn: relationship.endedOn,
  notes: relationship.notes,
});

async function loadNetwork(tx: Tx, actor: Actor, childId: string, onDate: string | null): Promise<NetworkView | null> {
  // Four independent reads, sent together (on a server, one round trip rather than four).
  const [{ child, members }, relationshipsNow, householdsNow, childRecordIds] = await together([
    membersOf(tx, actor.tenantId, childId),
    relationshipsInNetwork(tx, actor.tenantId, childId),
    householdsInNetwork(tx, actor.tenantId, childId),
    childRecordsInNetwork(tx, actor.tenantId, childId),
  ]);
  if (!child) return null;
  const endOfDay = onDate ? new Date(`${onDate}T23:59:59.999Z`) : null;
  const shownMembers = endOfDay
    ? members.filter(
        (member) => member.addedAt <= endOfDay && (!member.noLongerInvolvedOn || member.noLongerInvolvedOn > onDate!),
      )
    : members;
  const shownIds = new Set([childId, ...shownMembers.map((member) => member.id)]);
  let relationships: RelationshipView[] = relationshipsNow
    .filter((relationship) => shownIds.has(relationship.fromPersonId) && shownIds.has(relationship.toPersonId))
    .map((relationship) => ({ id: relationship.id, version: relationship.version, ...factsOf(relationship) }));
  if (endOfDay) {
    // As it stood then: the latest version of each relationship recorded by the end of that day.
    const versions = await versionsOfMany(
      tx,
      actor.tenantId,
      RELATIONSHIP,
      relationships.map((relationship) => relationship.id),
    );
    const then = new Map<string, RelationshipView>();
    for (const version of versions) {
      if (version.recordedAt > endOfDay) continue;
      then.set(version.recordId, {
        id: version.recordId,
        version: version.version,
        ...(version.content as unknown as RelationshipFacts),
      });
    }
    relationships = [...then.values()];
  }
  // Families see who is in the network and how they relate; how to reach people, and
  // professionals' notes, stay with the staff who need them.
  const forFamily = actor.kind !== 'staff';
  return {
    child,
    members: forFamily ? shownMembers.map((member) => ({ ...member, contactDetails: null })) : shownMembers,
    relationships: forFamily ? relationships.map((relationship) => ({ ...relationship, notes: null })) : relationships,
    households: householdsNow
      .map((household) => ({ ...household, memberIds: household.memberIds.filter((id) => shownIds.has(id)) }))
      .filter((household) => household.memberIds.length > 0),
    asOf: onDate,
    childIds: [...childRecordIds].filter((id) => shownIds.has(id)),
  };
}

export async function viewNetwork(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  options: { onDate?: string | null; part?: string } = {},
): Promise<NetworkView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'child_record.view'))) return null;
    const network = await loadNetwork(tx, actor, childId, options.onDate ?? null);
    if (!network) return null;
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'child_record.view',
      outcome: 'allowed',
      actor: author(actor),
      childPersonId: childId,
      subject: { type: 'child_record', id: childId },
      source,
      details: { part: options.part ?? 'network', ...(options.onDate ? { asOf: options.onDate } : {}) },
    });
    return network;
  });
}

export type AddPersonResult =
  | { outcome: 'added'; personId: string; relationshipId: string | null }
  | { outcome: 'already_in_network'; personId: string }
  | { outcome: 'not_found' };

/** Adds a new or already-recorded person to the child's network, with how they relate to the child. */
export async function addPersonToNetwork(
  database: Database,
  actor: Actor,
  childId: string,
  input: {
    person: NewPersonInput | { existingPersonId: string };
    circle: Circle;
    relationshipToChild: Omit<RelationshipInput, 'fromPersonId' | 'toPersonId'> | null;
    position?: { x: number; y: number } | null;
  },
  source: RequestSource,
): Promise<AddPersonResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) {
      return { outcome: 'not_found' as const };
    }
    let personId: string;
    if ('existingPersonId' in input.person) {
      personId = input.person.existingPersonId;
      const { child } = await membersOf(tx, actor.tenantId, personId);
      if (!child || personId === childId) return { outcome: 'not_found' as const };
      if (await isMember(tx, actor.tenantId, childId, personId)) {
        return { outcome: 'already_in_network' as const, personId };
      }
    } else {
      personId = await insertPerson(tx, actor.tenantId, input.person);
    }
    await insertMember(tx, actor.tenantId, {
      childPersonId: childId,
      personId,
      circle: input.circle,
      positionX: input.position?.x ?? null,
      positionY: input.position?.y ?? null,
    });
    let relationshipId: string | null = null;
    if (input.relationshipToChild) {
      const facts: RelationshipFacts = { ...input.relationshipToChild, fromPersonId: personId, toPersonId: childId };
      relationshipId = await insertRelationship(tx, actor.tenantId, facts);
      await appendVersion(tx, actor.tenantId, {
        recordType: RELATIONSHIP,
        recordId: relationshipId,
        version: 1,
        author: author(actor),
        reason: null,
        content: facts as unknown as Record<string, unknown>,
      });
    }
    await audit(tx, actor, childId, 'network.person_added', source, {
      personId,
      circle: input.circle,
      existingPerson: 'existingPersonId' in input.person,
    });
    return { outcome: 'added' as const, personId, relationshipId };
  });
}

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
export async function recordRelationship(
  database: Database,
  actor: Actor,
  childId: string,
  facts: RelationshipInput,
  source: RequestSource,
): Promise<RelationshipSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) {
      return { outcome: 'not_found' as const };
    }
    if (
      !(await inNetwork(tx, actor.tenantId, childId, facts.fromPersonId)) ||
      !(await inNetwork(tx, actor.tenantId, childId, facts.toPersonId))
    ) {
      return { outcome: 'not_in_network' as const };
    }
    const same = await findSameRelationship(tx, actor.tenantId, facts.fromPersonId, facts.toPersonId, facts.type);
    if (same) return { outcome: 'duplicate' as const, existingId: same.id };
    const relationshipId = await insertRelationship(tx, actor.tenantId, facts);
    await appendVersion(tx, actor.tenantId, {
      recordType: RELATIONSHIP,
      recordId: relationshipId,
      version: 1,
      author: author(actor),
      reason: null,
      content: facts,
    });
    await audit(tx, actor, childId, 'network.relationship_added', source, { relationshipId, type: facts.type });
    return { outcome: 'saved' as const, relationshipId, version: 1 };
  });
}

/** Changes a tie. Refused, with what is there now, if someone else saved since `expectedVersion`. */
export async function changeRelationship(
  database: Database,
  actor: Actor,
  childId: string,
  relationshipId: string,
  change: { facts: RelationshipInput; expectedVersion: number; reason: string | null },
  source: RequestSource,
): Promise<RelationshipSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) {
      return { outcome: 'not_found' as const };
    }
    const current = await findRelationship(tx, actor.tenantId, relationshipId);
    if (
      !current ||
      !(await inNetwork(tx, actor.tenantId, childId, current.fromPersonId)) ||
      !(await inNetwork(tx, actor.tenantId, childId, current.toPersonId))
    ) {
      return { outcome: 'not_found' as const };
    }
    // The two people a relationship is between never change; a different pair is a new relationship.
    const facts: RelationshipFacts = {
      ...change.facts,
      fromPersonId: current.fromPersonId,
      toPersonId: current.toPersonId,
    };
    if (facts.type !== current.type) {
      const same = await findSameRelationship(tx, actor.tenantId, facts.fromPersonId, facts.toPersonId, facts.type);
      if (same) return { outcome: 'duplicate' as const, existingId: same.id };
    }
    const version = await updateRelationship(tx, actor.tenantId, relationshipId, facts, change.expectedVersion);
    if (version === null) {
      return {
        outcome: 'conflict' as const,
        current: { id: current.id, version: current.version, ...factsOf(current) },
      };
    }
    await appendVersion(tx, actor.tenantId, {
      recordType: RELATIONSHIP,
      recordId: relationshipId,
      version,
      author: author(actor),
      reason: change.reason,
      content: facts as unknown as Record<string, unknown>,
    });
    const fields = changedFields(
      factsOf(current) as unknown as Record<string, unknown>,
      facts as unknown as Record<string, unknown>,
    );
    await audit(
      tx,
      actor,
      childId,
      'network.relationship_changed',
      source,
      { relationshipId, fields: fields.join(','), version },
      change.reason,
    );
    return { outcome: 'saved' as const, relationshipId, version };
  });
}

/** Where someone is drawn on this child's ecomap (0..1000 each way). */
export async function placePerson(
  database: Database,
  actor: Actor,
  childId: string,
  personId: string,
  position: { x: number; y: number } | null,
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) return false;
    const placed = await updateMember(tx, actor.tenantId, childId, personId, {
      positionX: position?.x ?? null,
      positionY: position?.y ?? null,
    });
    if (placed) await audit(tx, actor, childId, 'network.person_moved', source, { personId });
    return placed;
  });
}

/** Nobody is deleted from a network: they can be marked as no longer involved, history kept. */
export async function markNoLongerInvolved(
  database: Database,
  actor: Actor,
  childId: string,
  personId: string,
  change: { on: string; reason: string; circle?: Circle },
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) return false;
    const done = await updateMember(tx, actor.tenantId, childId, personId, {
      noLongerInvolvedOn: change.on,
      noLongerInvolvedReason: change.reason,
    });
    if (done) {
      await audit(tx, actor, childId, 'network.person_no_longer_involved', source, { personId }, change.reason);
    }
    return done;
  });
}

/** People already recorded in the council who may be the person about to be added. */
export async function possibleMatches(
  database: Database,
  actor: Actor,
  childId: string,
  fullName: string,
  source: RequestSource,
) {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) return null;
    return (await similarPeople(tx, actor.tenantId, fullName)).filter((person) => person.id !== childId);
  });
}

/**
 * The network for the child's record page. Only for a request that has just opened the record
 * through openChildRecord (which asked the policy and wrote the audit entry for this view),
 * read inside that same transaction.
 */
export async function networkForOpenedRecord(
  tx: Tx,
  actor: Actor,
  childId: string,
  onDate: string | null,
): Promise<(NetworkView & { tieVersions: TieVersion[] }) | null> {
  // With every kept version of the child's own ties, for the growth chart.
  const [network, versions] = await together([
    loadNetwork(tx, actor, childId, onDate),
    childTieVersions(tx, actor.tenantId, childId),
  ]);
  if (!network) return null;
  const tieVersions = versions.map((version) => {
    const facts = version.content as unknown as RelationshipFacts;
    return {
      relationshipId: version.recordId,
      recordedAt: version.recordedAt,
      fromPersonId: facts.fromPersonId,
      toPersonId: facts.toPersonId,
      safetyNetworkRole: facts.safetyNetworkRole,
      lifelongConnection: facts.lifelongConnection,
      endedOn: facts.endedOn,
    };
  });
  return { ...network, tieVersions };
}

/**
 * Who is in the child's network now (for choosing who does a plan's action), for a request that
 * has already checked and audited access to the record, inside that transaction.
 */
export async function networkMembersForOpenedRecord(tx: Tx, actor: Actor, childId: string) {
  return (await membersOf(tx, actor.tenantId, childId)).members;
}

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
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) {
      return { outcome: 'not_found' as const };
    }
    // Both must be in this child's network; the child themself is never merged away.
    if (
      duplicateId === childId ||
      keptId === childId ||
      !(await isMember(tx, actor.tenantId, childId, duplicateId)) ||
      !(await isMember(tx, actor.tenantId, childId, keptId))
    ) {
      return { outcome: 'not_found' as const };
    }
    const { child: kept } = await membersOf(tx, actor.tenantId, keptId);
    const reason = `Recorded twice; merged into ${kept?.fullName ?? 'the same person'}`;
    let tiesMoved = 0;
    for (const tie of await relationshipsOfPerson(tx, actor.tenantId, duplicateId)) {
      const ends = {
        fromPersonId: tie.fromPersonId === duplicateId ? keptId : tie.fromPersonId,
        toPersonId: tie.toPersonId === duplicateId ? keptId : tie.toPersonId,
      };
      if (ends.fromPersonId === ends.toPersonId) continue;
      if (await findSameRelationship(tx, actor.tenantId, ends.fromPersonId, ends.toPersonId, tie.type)) continue;
      const version = await moveRelationshipEnds(tx, actor.tenantId, tie.id, ends);
      if (version === null) continue;
      await appendVersion(tx, actor.tenantId, {
        recordType: RELATIONSHIP,
        recordId: tie.id,
        version,
        author: author(actor),
        reason,
        content: { ...factsOf(tie), ...ends },
      });
      tiesMoved += 1;
    }
    let networksMoved = 0;
    const today = new Date().toISOString().slice(0, 10);
    for (const membership of await membershipsOfPerson(tx, actor.tenantId, duplicateId)) {
      if (!(await isMember(tx, actor.tenantId, membership.childPersonId, keptId))) {
        await insertMember(tx, actor.tenantId, {
          childPersonId: membership.childPersonId,
          personId: keptId,
          circle: membership.circle,
          positionX: membership.positionX,
          positionY: membership.positionY,
        });
        networksMoved += 1;
      }
      if (!membership.noLongerInvolvedOn) {
        await updateMember(tx, actor.tenantId, membership.childPersonId, duplicateId, {
          noLongerInvolvedOn: today,
          noLongerInvolvedReason: reason,
        });
      }
    }
    await markMerged(tx, actor.tenantId, duplicateId, keptId);
    await audit(tx, actor, childId, 'network.people_merged', source, { keptId, duplicateId, tiesMoved, networksMoved });
    return { outcome: 'merged' as const, tiesMoved, networksMoved };
  });
}

export const PERSON_DETAILS = 'person_details';

/** The details of someone in the child's network, and the version an edit starts from. */
export async function personForEditing(
  database: Database,
  actor: Actor,
  childId: string,
  personId: string,
  source: RequestSource,
): Promise<{ person: NetworkPersonView; version: number } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) return null;
    const { members } = await membersOf(tx, actor.tenantId, childId);
    const person = members.find((member) => member.id === personId);
    if (!person) return null;
    const latest = await latestVersion(tx, actor.tenantId, PERSON_DETAILS, personId);
    return { person, version: latest?.version ?? 0 };
  });
}

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
export async function savePersonDetails(
  database: Database,
  actor: Actor,
  childId: string,
  personId: string,
  change: { details: NewPersonInput; expectedVersion: number; reason: string },
  source: RequestSource,
): Promise<PersonSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'network.change'))) {
      return { outcome: 'not_found' as const };
    }
    const { members } = await membersOf(tx, actor.tenantId, childId);
    const current = members.find((member) => member.id === personId);
    if (!current) return { outcome: 'not_found' as const };
    const before = detailsOf(current) as unknown as Record<string, unknown>;
    const after = detailsOf(change.details) as unknown as Record<string, unknown>;
    const fields = changedFields(before, after);
    if (fields.length === 0) return { outcome: 'unchanged' as const };
    const saved = await saveVersion(tx, actor.tenantId, {
      recordType: PERSON_DETAILS,
      recordId: personId,
      before,
      beforeRecordedAt: current.addedAt,
      content: after,
      expectedVersion: change.expectedVersion,
      author: author(actor),
      reason: change.reason,
      isCorrection: false,
    });
    if (saved.outcome === 'conflict') {
      return {
        outcome: 'conflict' as const,
        theirAuthor: 'recordedByLabel' in saved.current ? saved.current.recordedByLabel : 'Someone',
        theirVersion: saved.current.version,
      };
    }
    await updatePersonDetails(tx, actor.tenantId, personId, detailsOf(change.details));
    await audit(
      tx,
      actor,
      childId,
      'network.person_changed',
      source,
      { personId, fields: fields.join(','), version: saved.version },
      change.reason,
    );
    return { outcome: 'saved' as const, version: saved.version };
  });
}

export interface PersonToPick {
  id: string;
  name: string;
  circle: Circle | 'child';
  /** The child's own record, or another child in the network who has a record (a sibling). */
  hasChildRecord: boolean;
}

/**
 * The child and the people in their world who are still involved, for "whose view is this?"
 * and "who will do it?" questions in other parts of the record. Inside the caller's council
 * transaction, after the caller has checked access to the child's record.
 */
export async function peopleToPickFrom(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<{ child: PersonToPick; people: PersonToPick[] } | null> {
  const { child, members } = await membersOf(tx, tenantId, childId);
  if (!child) return null;
  const withRecords = await childRecordsInNetwork(tx, tenantId, childId);
  return {
    child: { id: child.id, name: displayName(child), circle: 'child', hasChildRecord: true },
    people: members
      .filter((member) => member.noLongerInvolvedOn === null)
      .map((member) => ({
        id: member.id,
        name: displayName(member),
        circle: member.circle,
        hasChildRecord: withRecords.has(member.id),
      })),
  };
}
