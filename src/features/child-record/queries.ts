/** SQL for the caseload and for the facts the access policy decides from. */
import { and, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database.js';
import { anyOf, reusableQuery } from '../../platform/db/reusable-query.js';
import { professionalsOnly, type ActorRelationships, type ChildRecordFacts } from '../../platform/access/policy.js';
import type { Actor } from '../../platform/identity/actor.js';
import {
  childAllocations,
  recordShares,
  restrictedAccessGrants,
  teamMemberships,
} from '../../platform/identity/schema.js';
import { childDetailsColumns, childRecords, people } from '../people/schema.js';

export async function relationshipsOf(tx: Tx, actor: Actor): Promise<ActorRelationships> {
  // Read with the session on every request; only other callers (tokens, tests) ask here.
  if (actor.teams) {
    return {
      userId: actor.userId,
      roles: actor.roles,
      personId: actor.personId,
      teamIds: actor.teams.teamIds,
      managedTeamIds: actor.teams.managedTeamIds,
      servedAudiences: actor.servedAudiences ?? professionalsOnly,
    };
  }
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
    servedAudiences: actor.servedAudiences ?? professionalsOnly,
  };
}

const activeAllocation = or(isNull(childAllocations.endsOn), gt(childAllocations.endsOn, sql`current_date`));
const activeShare = or(isNull(recordShares.endsAt), gt(recordShares.endsAt, sql`now()`));

/** Which children a caseload lists: those allocated to the person (or shared with them), or their teams' too. */
export type CaseloadScope = 'allocated_to_me' | 'my_teams';

/** Children this person might work with: allocated to them or their teams, or shared with them. */
function candidateChildren(
  tx: Tx,
  tenantId: string,
  relationships: ActorRelationships,
  scope: CaseloadScope = 'my_teams',
) {
  const teamIds = scope === 'my_teams' ? [...relationships.teamIds, ...relationships.managedTeamIds] : [];
  const allocated = tx
    .select({ childPersonId: childAllocations.childPersonId })
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
  const shared = tx
    .select({ childPersonId: recordShares.childPersonId })
    .from(recordShares)
    .where(and(eq(recordShares.tenantId, tenantId), eq(recordShares.userId, relationships.userId), activeShare));
  return union(allocated, shared);
}

export async function candidateChildIds(
  tx: Tx,
  tenantId: string,
  relationships: ActorRelationships,
): Promise<string[]> {
  const rows = await candidateChildren(tx, tenantId, relationships);
  return rows.map((row) => row.childPersonId);
}

interface FactsRow {
  childPersonId: string;
  isRestricted: boolean;
  allocations: { userId: string | null; teamId: string | null }[] | null;
  shares: ChildRecordFacts['shares'][number][] | null;
  restrictedGrantUserIds: string[] | null;
}

/**
 * What the access policy decides from, for each of these children, in one round trip: the
 * record, its current allocations, its current shares and its unexpired restricted grants.
 * (This runs on every page of every record and for every row of a caseload.)
 */
/** The access facts of each child_records row, as correlated subqueries (no list of ids to plan). */
const factsColumns = {
  childPersonId: childRecords.personId,
  isRestricted: childRecords.isRestricted,
  allocations: sql<FactsRow['allocations']>`(
    select json_agg(json_build_object('userId', ${childAllocations.userId}, 'teamId', ${childAllocations.teamId}))
    from ${childAllocations}
    where ${childAllocations.tenantId} = ${childRecords.tenantId}
      and ${childAllocations.childPersonId} = ${childRecords.personId}
      and ${activeAllocation})`,
  shares: sql<FactsRow['shares']>`(
    select json_agg(json_build_object('userId', ${recordShares.userId}, 'audience', ${recordShares.audience}))
    from ${recordShares}
    where ${recordShares.tenantId} = ${childRecords.tenantId}
      and ${recordShares.childPersonId} = ${childRecords.personId}
      and ${activeShare})`,
  restrictedGrantUserIds: sql<FactsRow['restrictedGrantUserIds']>`(
    select json_agg(${restrictedAccessGrants.userId})
    from ${restrictedAccessGrants}
    where ${restrictedAccessGrants.tenantId} = ${childRecords.tenantId}
      and ${restrictedAccessGrants.childPersonId} = ${childRecords.personId}
      and ${restrictedAccessGrants.expiresAt} > now())`,
};

function factsFrom(row: FactsRow): ChildRecordFacts {
  const allocations = parsedJson(row.allocations) ?? [];
  return {
    childPersonId: row.childPersonId,
    isRestricted: row.isRestricted,
    allocatedUserIds: allocations.flatMap((allocation) => (allocation.userId ? [allocation.userId] : [])),
    allocatedTeamIds: allocations.flatMap((allocation) => (allocation.teamId ? [allocation.teamId] : [])),
    shares: parsedJson(row.shares) ?? [],
    restrictedGrantUserIds: parsedJson(row.restrictedGrantUserIds) ?? [],
  };
}

const childRecordFactsStatement = reusableQuery<{ tenantId: string; childPersonIds: string[] }>()((tx, p) =>
  tx
    .select(factsColumns)
    .from(childRecords)
    .where(and(eq(childRecords.tenantId, p.tenantId), anyOf(childRecords.personId, p.childPersonIds))),
);

/**
 * What the access policy decides from, for each of these children, in one round trip: the
 * record, its current allocations, its current shares and its unexpired restricted grants.
 * (This runs on every page of every record.)
 */
export async function childRecordFacts(
  tx: Tx,
  tenantId: string,
  childPersonIds: string[],
): Promise<Map<string, ChildRecordFacts>> {
  const facts = new Map<string, ChildRecordFacts>();
  if (childPersonIds.length === 0) return facts;
  const rows: FactsRow[] = await childRecordFactsStatement(tx, { tenantId, childPersonIds });
  for (const row of rows) facts.set(row.childPersonId, factsFrom(row));
  return facts;
}

/** json columns arrive parsed from pg and from PGlite; a string means a driver that did not parse them. */
function parsedJson<T>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

const summaryColumns = {
  childId: people.id,
  ...childDetailsColumns,
  reference: childRecords.reference,
  status: childRecords.status,
  openedOn: childRecords.openedOn,
  isRestricted: childRecords.isRestricted,
};

const childRecordWithFactsStatement = reusableQuery<{ tenantId: string; childPersonId: string }>()((tx, p) =>
  tx
    .select({ summary: summaryColumns, facts: factsColumns })
    .from(childRecords)
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, p.tenantId), eq(childRecords.personId, p.childPersonId))),
);

/** One child's summary and the facts the access policy decides from, in one statement. */
export async function childRecordWithFacts(
  tx: Tx,
  tenantId: string,
  childPersonId: string,
): Promise<{ summary: Awaited<ReturnType<typeof childSummaries>>[number]; facts: ChildRecordFacts } | undefined> {
  const [row] = await childRecordWithFactsStatement(tx, { tenantId, childPersonId });
  return row ? { summary: row.summary, facts: factsFrom(row.facts) } : undefined;
}

export async function childSummaries(tx: Tx, tenantId: string, childPersonIds: string[]) {
  if (childPersonIds.length === 0) return [];
  return tx
    .select(summaryColumns)
    .from(childRecords)
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, tenantId), inArray(childRecords.personId, childPersonIds)))
    .orderBy(people.fullName);
}

interface CaseloadValues {
  tenantId: string;
  userId: string;
  teamIds: string[];
}

/** The caseload's statement for one scope: its shape differs by scope, so each has its own. */
function caseloadStatement(scope: CaseloadScope) {
  return reusableQuery<CaseloadValues>()((tx, p) => {
    const allocated = tx
      .select({ childPersonId: childAllocations.childPersonId })
      .from(childAllocations)
      .where(
        and(
          eq(childAllocations.tenantId, p.tenantId),
          activeAllocation,
          scope === 'my_teams'
            ? or(eq(childAllocations.userId, p.userId), anyOf(childAllocations.teamId, p.teamIds))
            : eq(childAllocations.userId, p.userId),
        ),
      );
    const shared = tx
      .select({ childPersonId: recordShares.childPersonId })
      .from(recordShares)
      .where(and(eq(recordShares.tenantId, p.tenantId), eq(recordShares.userId, p.userId), activeShare));
    const candidates = union(allocated, shared).as('candidates');
    return tx
      .select({ summary: summaryColumns, facts: factsColumns })
      .from(candidates)
      .innerJoin(
        childRecords,
        and(eq(childRecords.tenantId, p.tenantId), eq(childRecords.personId, candidates.childPersonId)),
      )
      .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
      .orderBy(people.fullName);
  });
}

const caseloadStatements = {
  allocated_to_me: caseloadStatement('allocated_to_me'),
  my_teams: caseloadStatement('my_teams'),
} satisfies Record<CaseloadScope, unknown>;

/**
 * The caseload in one statement: every child this person might work with, each with its
 * summary and the facts the access policy decides from, in name order.
 */
export async function caseloadCandidates(
  tx: Tx,
  tenantId: string,
  relationships: ActorRelationships,
  scope: CaseloadScope,
) {
  const rows = await caseloadStatements[scope](tx, {
    tenantId,
    userId: relationships.userId,
    teamIds: [...relationships.teamIds, ...relationships.managedTeamIds],
  });
  return rows.map((row) => ({ summary: row.summary, facts: factsFrom(row.facts) }));
}

export async function insertRestrictedGrant(
  tx: Tx,
  tenantId: string,
  grant: { childPersonId: string; userId: string; reason: string; grantedAt: Date; expiresAt: Date },
): Promise<void> {
  await tx.insert(restrictedAccessGrants).values({ tenantId, ...grant });
}
