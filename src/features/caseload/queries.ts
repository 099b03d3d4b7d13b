/** SQL for the caseload and for the facts the access policy decides from. */
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { ActorRelationships, ChildRecordFacts } from '../../platform/access/policy.js';
import type { Actor } from '../../platform/identity/actor.js';
import {
  childAllocations,
  recordShares,
  restrictedAccessGrants,
  teamMemberships,
} from '../../platform/identity/schema.js';
import { childRecords, people } from '../people/schema.js';

export async function relationshipsOf(tx: Tx, actor: Actor): Promise<ActorRelationships> {
  const memberships = await tx
    .select({ teamId: teamMemberships.teamId, isManager: teamMemberships.isManager })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.tenantId, actor.tenantId), eq(teamMemberships.userId, actor.userId)));
  return {
    userId: actor.userId,
    roles: actor.roles,
    personId: actor.personId,
    teamIds: memberships.map((membership) => membership.teamId),
    managedTeamIds: memberships.filter((membership) => membership.isManager).map((membership) => membership.teamId),
  };
}

const activeAllocation = or(isNull(childAllocations.endsOn), gt(childAllocations.endsOn, sql`current_date`));
const activeShare = or(isNull(recordShares.endsAt), gt(recordShares.endsAt, sql`now()`));

/** Children this person might work with: allocated to them or their teams, or shared with them. */
export async function candidateChildIds(
  tx: Tx,
  tenantId: string,
  relationships: ActorRelationships,
): Promise<string[]> {
  const teamIds = [...relationships.teamIds, ...relationships.managedTeamIds];
  const allocated = await tx
    .selectDistinct({ childPersonId: childAllocations.childPersonId })
    .from(childAllocations)
    .where(
      and(
        eq(childAllocations.tenantId, tenantId),
        activeAllocation,
        teamIds.length > 0
          ? or(eq(childAllocations.userId, relationships.userId), inArray(childAllocations.teamId, teamIds))
          : eq(childAllocations.userId, relationships.userId),
      ),
    );
  const shared = await tx
    .selectDistinct({ childPersonId: recordShares.childPersonId })
    .from(recordShares)
    .where(and(eq(recordShares.tenantId, tenantId), eq(recordShares.userId, relationships.userId), activeShare));
  return [...new Set([...allocated, ...shared].map((row) => row.childPersonId))];
}

export async function childRecordFacts(
  tx: Tx,
  tenantId: string,
  childPersonIds: string[],
): Promise<Map<string, ChildRecordFacts>> {
  const facts = new Map<string, ChildRecordFacts>();
  if (childPersonIds.length === 0) return facts;
  const records = await tx
    .select({ childPersonId: childRecords.personId, isRestricted: childRecords.isRestricted })
    .from(childRecords)
    .where(and(eq(childRecords.tenantId, tenantId), inArray(childRecords.personId, childPersonIds)));
  for (const record of records) {
    facts.set(record.childPersonId, {
      childPersonId: record.childPersonId,
      isRestricted: record.isRestricted,
      allocatedUserIds: [],
      allocatedTeamIds: [],
      shares: [],
      restrictedGrantUserIds: [],
    });
  }
  const ids = [...facts.keys()];
  if (ids.length === 0) return facts;
  const allocations = await tx
    .select({
      childPersonId: childAllocations.childPersonId,
      userId: childAllocations.userId,
      teamId: childAllocations.teamId,
    })
    .from(childAllocations)
    .where(
      and(eq(childAllocations.tenantId, tenantId), inArray(childAllocations.childPersonId, ids), activeAllocation),
    );
  for (const allocation of allocations) {
    const fact = facts.get(allocation.childPersonId)!;
    if (allocation.userId) (fact.allocatedUserIds as string[]).push(allocation.userId);
    if (allocation.teamId) (fact.allocatedTeamIds as string[]).push(allocation.teamId);
  }
  const shares = await tx
    .select({ childPersonId: recordShares.childPersonId, userId: recordShares.userId, audience: recordShares.audience })
    .from(recordShares)
    .where(and(eq(recordShares.tenantId, tenantId), inArray(recordShares.childPersonId, ids), activeShare));
  for (const share of shares)
    (facts.get(share.childPersonId)!.shares as ChildRecordFacts['shares'][number][]).push(share);
  const grants = await tx
    .select({ childPersonId: restrictedAccessGrants.childPersonId, userId: restrictedAccessGrants.userId })
    .from(restrictedAccessGrants)
    .where(
      and(
        eq(restrictedAccessGrants.tenantId, tenantId),
        inArray(restrictedAccessGrants.childPersonId, ids),
        gt(restrictedAccessGrants.expiresAt, sql`now()`),
      ),
    );
  for (const grant of grants) (facts.get(grant.childPersonId)!.restrictedGrantUserIds as string[]).push(grant.userId);
  return facts;
}

export async function childSummaries(tx: Tx, tenantId: string, childPersonIds: string[]) {
  if (childPersonIds.length === 0) return [];
  return tx
    .select({
      childId: people.id,
      fullName: people.fullName,
      knownAs: people.knownAs,
      pronouns: people.pronouns,
      dateOfBirth: people.dateOfBirth,
      dateOfBirthIsApproximate: people.dateOfBirthIsApproximate,
      languages: people.languages,
      whatTheyBring: people.whatTheyBring,
      reference: childRecords.reference,
      status: childRecords.status,
      openedOn: childRecords.openedOn,
      isRestricted: childRecords.isRestricted,
    })
    .from(childRecords)
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, tenantId), inArray(childRecords.personId, childPersonIds)))
    .orderBy(people.fullName);
}

export async function insertRestrictedGrant(
  tx: Tx,
  tenantId: string,
  grant: { childPersonId: string; userId: string; reason: string; grantedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.insert(restrictedAccessGrants).values({ tenantId, ...grant });
}
