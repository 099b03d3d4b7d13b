/**
 * Reading the child's network: who is in it and how they relate, now or as it stood on a past
 * date (relationship changes are kept as versions), for the pages, the API and other features.
 */
import type { Database, Tx } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import { appendVersion, versionsOfMany } from '../../../platform/history/record-history.js';
import type { RequestSource } from '../../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type ChildRecordHandle } from '../../child-record/index.js';
import { displayName } from '../graph.js';
import type { TieVersion } from '../growth.js';
import {
  childRecordsInNetwork,
  childTieVersions,
  householdsInNetwork,
  membersOf,
  relationshipsInNetwork,
  type RelationshipFacts,
} from '../queries.js';
import type { Circle } from '../schema.js';

/** The record type of a relationship's versions in record history. */
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

/** A relationship's facts alone (what each version keeps), without its id, version or timestamps. */
export const factsOf = (relationship: RelationshipFacts): RelationshipFacts => ({
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

/** Keeps a version of a relationship in record history, written by the record's actor. */
export function keepRelationshipVersion(
  record: ChildRecordHandle,
  relationshipId: string,
  version: number,
  facts: RelationshipFacts,
  reason: string | null,
) {
  return appendVersion(record.tx, record.tenantId, {
    recordType: RELATIONSHIP,
    recordId: relationshipId,
    version,
    author: { userId: record.actor.userId, label: actorLabel(record.actor) },
    reason,
    content: facts as unknown as Record<string, unknown>,
  });
}

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

/** Opens the child's record to view the network (`part` says which page or download, for the audit). */
export async function viewNetwork(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  options: { onDate?: string | null; part?: string } = {},
): Promise<NetworkView | null> {
  const purpose = { need: 'view', action: 'child_record.view', source } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const network = await loadNetwork(record.tx, actor, childId, options.onDate ?? null);
    if (!network) return null;
    await record.audit('child_record.view', {
      part: options.part ?? 'network',
      ...(options.onDate ? { asOf: options.onDate } : {}),
    });
    return network;
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
