/** The only place SQL about networks and relationships is written. Each takes the transaction. */
import { and, eq, inArray, isNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { insertReturningId, isRow, isRowAtVersion, ofChild, ofCouncil } from '../../platform/db/rows.js';
import { reusableQuery } from '../../platform/db/reusable-query.js';
import { rowsOf, together } from '../../platform/db/tenancy.js';
import { recordVersions } from '../../platform/history/schema.js';
import { childRecords, people } from '../people/schema.js';
import { householdMembers, households, networkMembers, relationships, type Circle } from './schema.js';
import type { GraphRelationship } from './graph.js';

export const personColumns = {
  id: people.id,
  kind: people.kind,
  fullName: people.fullName,
  knownAs: people.knownAs,
  pronouns: people.pronouns,
  gender: people.gender,
  dateOfBirth: people.dateOfBirth,
  dateOfBirthIsApproximate: people.dateOfBirthIsApproximate,
  diedOn: people.diedOn,
  languages: people.languages,
  whatTheyBring: people.whatTheyBring,
  contactDetails: people.contactDetails,
};

/** A relationship as it is stored: what the graph reads of it, and the notes kept with it. */
export interface RelationshipFacts extends Omit<GraphRelationship, 'id'> {
  notes: string | null;
}

export const relationshipColumns = {
  id: relationships.id,
  fromPersonId: relationships.fromPersonId,
  toPersonId: relationships.toPersonId,
  type: relationships.type,
  closeness: relationships.closeness,
  quality: relationships.quality,
  supportFlows: relationships.supportFlows,
  lovesTheChild: relationships.lovesTheChild,
  childLovesThem: relationships.childLovesThem,
  lifelongConnection: relationships.lifelongConnection,
  safetyNetworkRole: relationships.safetyNetworkRole,
  startedOn: relationships.startedOn,
  endedOn: relationships.endedOn,
  notes: relationships.notes,
  version: relationships.version,
  updatedAt: relationships.updatedAt,
};

const childStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select(personColumns)
    .from(people)
    .where(isRow(people, p.tenantId, p.childId)),
);

const membersStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select({
      ...personColumns,
      circle: networkMembers.circle,
      positionX: networkMembers.positionX,
      positionY: networkMembers.positionY,
      noLongerInvolvedOn: networkMembers.noLongerInvolvedOn,
      memberVersion: networkMembers.version,
      addedAt: networkMembers.addedAt,
    })
    .from(networkMembers)
    .innerJoin(people, isRow(people, networkMembers.tenantId, networkMembers.personId))
    .where(
      ofChild(
        networkMembers,
        p.tenantId,
        p.childId,
        // Someone recorded twice and merged is shown once, as the person they were merged into.
        isNull(people.mergedInto),
      ),
    )
    .orderBy(people.fullName),
);

/** The people in a child's network (the child first), with their circle and ecomap position. */
export async function membersOf(tx: Tx, tenantId: string, childId: string) {
  // Sent together: on a server, one round trip.
  const [child, members] = await together([
    childStatement(tx, { tenantId, childId }),
    membersStatement(tx, { tenantId, childId }),
  ]);
  return { child: child[0], members };
}

/** The child and everyone in their network, as a subquery (no long lists of ids to send). */
const inNetworkOf = (tenantId: SQLWrapper | string, childId: SQLWrapper | string) =>
  sql`(select ${networkMembers.personId} from ${networkMembers} where ${networkMembers.tenantId} = ${tenantId} and ${networkMembers.childPersonId} = ${childId} union all select ${childId}::uuid)`;

const relationshipsInNetworkStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select(relationshipColumns)
    .from(relationships)
    .where(
      ofCouncil(
        relationships,
        p.tenantId,
        inArray(relationships.fromPersonId, inNetworkOf(p.tenantId, p.childId)),
        inArray(relationships.toPersonId, inNetworkOf(p.tenantId, p.childId)),
      ),
    ),
);

/** Every relationship between two people of the child's network (both ends inside it). */
export async function relationshipsInNetwork(tx: Tx, tenantId: string, childId: string) {
  return relationshipsInNetworkStatement(tx, { tenantId, childId });
}

export async function findRelationship(tx: Tx, tenantId: string, relationshipId: string) {
  const [row] = await tx
    .select(relationshipColumns)
    .from(relationships)
    .where(isRow(relationships, tenantId, relationshipId));
  return row;
}

/** A relationship of this type between these two people, whichever way round it was recorded. */
export async function findSameRelationship(tx: Tx, tenantId: string, a: string, b: string, type: string) {
  const [row] = await tx
    .select({ id: relationships.id })
    .from(relationships)
    .where(
      ofCouncil(
        relationships,
        tenantId,
        eq(relationships.type, type),
        or(
          and(eq(relationships.fromPersonId, a), eq(relationships.toPersonId, b)),
          and(eq(relationships.fromPersonId, b), eq(relationships.toPersonId, a)),
        ),
      ),
    );
  return row;
}

export async function insertRelationship(tx: Tx, tenantId: string, facts: RelationshipFacts): Promise<string> {
  return insertReturningId(tx, relationships, { tenantId, ...facts });
}

/** Saves a change only if nobody else saved since `expectedVersion`; returns the new version or null. */
export async function updateRelationship(
  tx: Tx,
  tenantId: string,
  relationshipId: string,
  facts: RelationshipFacts,
  expectedVersion: number,
): Promise<number | null> {
  const [row] = await tx
    .update(relationships)
    .set({ ...facts, version: sql`${relationships.version} + 1`, updatedAt: new Date() })
    .where(isRowAtVersion(relationships, tenantId, relationshipId, expectedVersion))
    .returning({ version: relationships.version });
  return row?.version ?? null;
}

export async function isMember(tx: Tx, tenantId: string, childId: string, personId: string): Promise<boolean> {
  const [row] = await tx
    .select({ personId: networkMembers.personId })
    .from(networkMembers)
    .where(ofChild(networkMembers, tenantId, childId, eq(networkMembers.personId, personId)));
  return row !== undefined;
}

export async function insertMember(
  tx: Tx,
  tenantId: string,
  member: {
    childPersonId: string;
    personId: string;
    circle: Circle;
    positionX?: number | null;
    positionY?: number | null;
  },
): Promise<void> {
  await tx.insert(networkMembers).values({ tenantId, ...member });
}

export async function updateMember(
  tx: Tx,
  tenantId: string,
  childId: string,
  personId: string,
  change: Partial<{
    circle: Circle;
    positionX: number | null;
    positionY: number | null;
    noLongerInvolvedOn: string | null;
    noLongerInvolvedReason: string | null;
  }>,
): Promise<boolean> {
  const rows = await tx
    .update(networkMembers)
    .set({ ...change, version: sql`${networkMembers.version} + 1` })
    .where(ofChild(networkMembers, tenantId, childId, eq(networkMembers.personId, personId)))
    .returning({ personId: networkMembers.personId });
  return rows.length === 1;
}

/**
 * People in the council whose names look like this one (trigram similarity), best first.
 * similarity() rather than the % operator: through Drizzle on PGlite 0.5 a query using % comes
 * back empty, and one query must serve both databases.
 */
export async function similarPeople(tx: Tx, tenantId: string, fullName: string, limit = 5) {
  const rows = await tx.execute(sql`
    select id, full_name as "fullName", known_as as "knownAs", date_of_birth::text as "dateOfBirth",
           similarity(full_name, ${fullName}) as score
    from people
    where tenant_id = ${tenantId} and merged_into is null and similarity(full_name, ${fullName}) >= 0.3
    order by score desc, full_name
    limit ${limit}`);
  return rowsOf<{ id: string; fullName: string; knownAs: string | null; dateOfBirth: string | null; score: number }>(
    rows,
  );
}

const householdsStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select({ id: households.id, name: households.name, personId: householdMembers.personId })
    .from(householdMembers)
    .innerJoin(households, isRow(households, householdMembers.tenantId, householdMembers.householdId))
    .where(
      ofCouncil(householdMembers, p.tenantId, inArray(householdMembers.personId, inNetworkOf(p.tenantId, p.childId))),
    ),
);

export async function householdsInNetwork(tx: Tx, tenantId: string, childId: string) {
  const rows = await householdsStatement(tx, { tenantId, childId });
  const byId = new Map<string, { id: string; name: string; memberIds: string[] }>();
  for (const row of rows) {
    const household = byId.get(row.id) ?? { id: row.id, name: row.name, memberIds: [] };
    household.memberIds.push(row.personId);
    byId.set(row.id, household);
  }
  return [...byId.values()];
}

export async function insertHousehold(tx: Tx, tenantId: string, name: string, memberIds: string[]): Promise<string> {
  const [row] = await tx.insert(households).values({ tenantId, name }).returning({ id: households.id });
  if (!row) throw new Error('insert into households returned no row');
  if (memberIds.length > 0) {
    await tx
      .insert(householdMembers)
      .values(memberIds.map((personId) => ({ tenantId, householdId: row.id, personId })));
  }
  return row.id;
}

/** Who in the child's network is also a child with a record in this council. */
const childRecordsInNetworkStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select({ personId: childRecords.personId })
    .from(childRecords)
    .where(ofCouncil(childRecords, p.tenantId, inArray(childRecords.personId, inNetworkOf(p.tenantId, p.childId)))),
);

export async function childRecordsInNetwork(tx: Tx, tenantId: string, childId: string): Promise<Set<string>> {
  const rows = await childRecordsInNetworkStatement(tx, { tenantId, childId });
  return new Set(rows.map((row) => row.personId));
}

const childTieVersionsStatement = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
  tx
    .select({
      recordId: recordVersions.recordId,
      recordedAt: recordVersions.recordedAt,
      content: recordVersions.content,
    })
    .from(recordVersions)
    .where(
      and(
        eq(recordVersions.tenantId, p.tenantId),
        eq(recordVersions.recordType, 'relationship'),
        inArray(
          recordVersions.recordId,
          sql`(select ${relationships.id} from ${relationships} where ${relationships.tenantId} = ${p.tenantId} and (${relationships.fromPersonId} = ${p.childId} or ${relationships.toPersonId} = ${p.childId}))`,
        ),
      ),
    )
    .orderBy(recordVersions.recordedAt, recordVersions.version),
);

/** Every kept version of the child's own ties (for the growth chart), oldest first. */
export async function childTieVersions(tx: Tx, tenantId: string, childId: string) {
  return childTieVersionsStatement(tx, { tenantId, childId });
}

/** Every tie of one person, in any child's network. */
export async function relationshipsOfPerson(tx: Tx, tenantId: string, personId: string) {
  return tx
    .select(relationshipColumns)
    .from(relationships)
    .where(
      ofCouncil(
        relationships,
        tenantId,
        or(eq(relationships.fromPersonId, personId), eq(relationships.toPersonId, personId)),
      ),
    );
}

/** Moves a tie's end from one person to another (merging), as a new version of the tie. */
export async function moveRelationshipEnds(
  tx: Tx,
  tenantId: string,
  relationshipId: string,
  ends: { fromPersonId: string; toPersonId: string },
): Promise<number | null> {
  const [row] = await tx
    .update(relationships)
    .set({ ...ends, version: sql`${relationships.version} + 1`, updatedAt: new Date() })
    .where(isRow(relationships, tenantId, relationshipId))
    .returning({ version: relationships.version });
  return row?.version ?? null;
}

/** Every child's network a person is in. */
export async function membershipsOfPerson(tx: Tx, tenantId: string, personId: string) {
  return tx
    .select({
      childPersonId: networkMembers.childPersonId,
      circle: networkMembers.circle,
      positionX: networkMembers.positionX,
      positionY: networkMembers.positionY,
      noLongerInvolvedOn: networkMembers.noLongerInvolvedOn,
    })
    .from(networkMembers)
    .where(ofCouncil(networkMembers, tenantId, eq(networkMembers.personId, personId)));
}
