/** Allocation's SQL: who holds a child's record and who held it, in the council's transaction. */
import { and, asc, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { childAllocations, teamMemberships, teams, userRoles, users } from '../../platform/identity/schema.js';
import { allocationNotes } from './schema.js';

/** The roles whose holders may hold a child's record. */
const holdingRoles = ['practitioner', 'team_manager'] as const;

export interface AllocationRow {
  childId: string;
  id: string;
  userId: string | null;
  userName: string | null;
  teamId: string | null;
  teamName: string | null;
  startsOn: string;
  endsOn: string | null;
  noteId: string | null;
  kind: 'allocated' | 'transferred' | null;
  reason: string | null;
  handoverNote: string | null;
  recordedByLabel: string | null;
  handoverReadAt: Date | null;
}

/** Who held a child's record and when: the allocations with their notes, earliest first. */
function allocationsWhere(tx: Tx, which: SQL) {
  return tx
    .select({
      childId: childAllocations.childPersonId,
      id: childAllocations.id,
      userId: childAllocations.userId,
      userName: users.fullName,
      teamId: childAllocations.teamId,
      teamName: teams.name,
      startsOn: childAllocations.startsOn,
      endsOn: childAllocations.endsOn,
      noteId: allocationNotes.id,
      kind: allocationNotes.kind,
      reason: allocationNotes.reason,
      handoverNote: allocationNotes.handoverNote,
      recordedByLabel: allocationNotes.recordedByLabel,
      handoverReadAt: allocationNotes.handoverReadAt,
    })
    .from(childAllocations)
    .leftJoin(users, and(eq(users.tenantId, childAllocations.tenantId), eq(users.id, childAllocations.userId)))
    .leftJoin(teams, and(eq(teams.tenantId, childAllocations.tenantId), eq(teams.id, childAllocations.teamId)))
    .leftJoin(
      allocationNotes,
      and(
        eq(allocationNotes.tenantId, childAllocations.tenantId),
        eq(allocationNotes.allocationId, childAllocations.id),
      ),
    )
    .where(which)
    .orderBy(asc(childAllocations.startsOn), sql`${childAllocations.endsOn} asc nulls last`);
}

/** Every allocation of the child, oldest first, with its worker, team and note. */
export function allocationsOf(tx: Tx, tenantId: string, childId: string): Promise<AllocationRow[]> {
  return allocationsWhere(
    tx,
    and(eq(childAllocations.tenantId, tenantId), eq(childAllocations.childPersonId, childId))!,
  );
}

/** The allocations of several children (a caseload) in one read. */
export async function allocationsOfChildren(
  tx: Tx,
  tenantId: string,
  childIds: readonly string[],
): Promise<AllocationRow[]> {
  if (childIds.length === 0) return [];
  return allocationsWhere(
    tx,
    and(eq(childAllocations.tenantId, tenantId), inArray(childAllocations.childPersonId, [...childIds]))!,
  );
}

/** Ends the child's allocations still open on `on` (they hold the record until that day). */
export async function endAllocationsOn(tx: Tx, tenantId: string, childId: string, on: string): Promise<void> {
  await tx
    .update(childAllocations)
    .set({ endsOn: on })
    .where(
      and(
        eq(childAllocations.tenantId, tenantId),
        eq(childAllocations.childPersonId, childId),
        lte(childAllocations.startsOn, on),
        or(isNull(childAllocations.endsOn), gt(childAllocations.endsOn, on)),
      ),
    );
}

export async function insertAllocation(
  tx: Tx,
  tenantId: string,
  input: { childId: string; userId: string | null; teamId: string | null; startsOn: string },
): Promise<string> {
  const [row] = await tx
    .insert(childAllocations)
    .values({
      tenantId,
      childPersonId: input.childId,
      userId: input.userId,
      teamId: input.teamId,
      startsOn: input.startsOn,
    })
    .returning({ id: childAllocations.id });
  return row!.id;
}

export async function insertAllocationNote(
  tx: Tx,
  tenantId: string,
  input: {
    childId: string;
    allocationId: string;
    kind: 'allocated' | 'transferred';
    reason: string | null;
    handoverNote: string | null;
    recordedBy: string | null;
    recordedByLabel: string;
  },
): Promise<void> {
  await tx.insert(allocationNotes).values({
    tenantId,
    childPersonId: input.childId,
    allocationId: input.allocationId,
    kind: input.kind,
    reason: input.reason,
    handoverNote: input.handoverNote,
    recordedBy: input.recordedBy,
    recordedByLabel: input.recordedByLabel,
  });
}

/** Marks a handover note read by the worker it was written for; false when there was none unread. */
export async function markHandoverRead(
  tx: Tx,
  tenantId: string,
  childId: string,
  noteId: string,
  userId: string,
): Promise<boolean> {
  const rows = await tx
    .update(allocationNotes)
    .set({ handoverReadAt: new Date(), handoverReadBy: userId })
    .where(
      and(
        eq(allocationNotes.tenantId, tenantId),
        eq(allocationNotes.childPersonId, childId),
        eq(allocationNotes.id, noteId),
        isNull(allocationNotes.handoverReadAt),
      ),
    )
    .returning({ id: allocationNotes.id });
  return rows.length === 1;
}

/** The council's staff who may hold a child's record (not disabled), by name. */
export function workersOf(tx: Tx, tenantId: string): Promise<{ id: string; fullName: string }[]> {
  return tx
    .selectDistinct({ id: users.id, fullName: users.fullName })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.tenantId, users.tenantId), eq(userRoles.userId, users.id)))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.kind, 'staff'),
        eq(users.isDisabled, false),
        inArray(userRoles.role, [...holdingRoles]),
      ),
    )
    .orderBy(asc(users.fullName));
}

/** The council's teams, by name. */
export function teamsOf(tx: Tx, tenantId: string): Promise<{ id: string; name: string }[]> {
  return tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.tenantId, tenantId))
    .orderBy(asc(teams.name));
}

/** The teams a worker belongs to. */
export async function teamIdsOf(tx: Tx, tenantId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .select({ teamId: teamMemberships.teamId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.tenantId, tenantId), eq(teamMemberships.userId, userId)));
  return rows.map((row) => row.teamId);
}
