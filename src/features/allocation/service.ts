/**
 * Allocation: who holds a child's record. Allocating, transferring with a handover note the new
 * worker must read, and the full history of who held the record and when. Every read and change
 * opens the child's record for its purpose and is audited in the same transaction.
 */
import { childRecordService, type ChildRecordHandle } from '../child-record/index.js';
import type { Tx } from '../../platform/db/database.js';
import { actorLabel } from '../../platform/identity/actor.js';
import { ukDate } from '../../platform/views/clock.js';
import { currentAllocations, handoversToRead, holderInWords } from './holding.js';
import {
  allocationsOf,
  endAllocationsOn,
  insertAllocation,
  insertAllocationNote,
  markHandoverRead,
  teamIdsOf,
  teamsOf,
  workersOf,
} from './queries.js';
import type { NewAllocation, Transfer } from './validation.js';

export interface AllocateInput {
  childId: string;
  userId?: string | null;
  teamId?: string | null;
  startsOn: string;
  kind?: 'allocated' | 'transferred';
  reason?: string | null;
  handoverNote?: string | null;
  recordedBy?: string | null;
  recordedByLabel?: string;
}

/**
 * Allocates a child inside the caller's transaction (the caller has opened the record for change
 * and audits it): whoever held the record until `startsOn` stops holding it then. The front door
 * calls this for a new child it refers.
 */
export async function allocate(tx: Tx, tenantId: string, input: AllocateInput): Promise<{ allocationId: string }> {
  if (!input.userId && !input.teamId) throw new RangeError('An allocation needs a worker or a team');
  await endAllocationsOn(tx, tenantId, input.childId, input.startsOn);
  const allocationId = await insertAllocation(tx, tenantId, {
    childId: input.childId,
    userId: input.userId ?? null,
    teamId: input.teamId ?? null,
    startsOn: input.startsOn,
  });
  await insertAllocationNote(tx, tenantId, {
    childId: input.childId,
    allocationId,
    kind: input.kind ?? 'allocated',
    reason: input.reason ?? null,
    handoverNote: input.handoverNote ?? null,
    recordedBy: input.recordedBy ?? null,
    recordedByLabel: input.recordedByLabel ?? 'Kith',
  });
  return { allocationId };
}

const today = () => ukDate(new Date());

async function allocationOf(record: ChildRecordHandle) {
  const allocations = await allocationsOf(record.tx, record.tenantId, record.childId);
  return {
    child: record.child,
    mayChange: record.mayChange,
    allocations,
    current: currentAllocations(allocations, today()),
    toRead: handoversToRead(allocations, record.actor.userId),
  };
}
export type AllocationView = Awaited<ReturnType<typeof allocationOf>>;

/** Who holds the record now, who held it before, and any handover note waiting for the actor. */
export const viewAllocation = childRecordService('view', 'child_record.view', allocationOf);

/** The page to allocate or transfer: the record, the workers and teams to choose from. */
export const openForAllocation = childRecordService('change', 'child_record.view', async (record) => ({
  ...(await allocationOf(record)),
  workers: await workersOf(record.tx, record.tenantId),
  teams: await teamsOf(record.tx, record.tenantId),
}));
export type AllocationForm = NonNullable<Awaited<ReturnType<typeof openForAllocation>>>;

export type AllocationOutcome =
  | { outcome: 'saved'; allocationId: string }
  | { outcome: 'invalid'; field: 'userId' | 'teamId' | 'startsOn'; message: string };

/** The worker and team must be the council's own: anyone else is refused, nothing saved. */
async function checkHolder(
  record: ChildRecordHandle,
  userId: string | null,
  teamId: string | null,
): Promise<Extract<AllocationOutcome, { outcome: 'invalid' }> | null> {
  if (userId !== null) {
    const workers = await workersOf(record.tx, record.tenantId);
    if (!workers.some((worker) => worker.id === userId)) {
      return { outcome: 'invalid', field: 'userId', message: 'Choose a social worker or team manager in this council' };
    }
  }
  if (teamId !== null) {
    const teams = await teamsOf(record.tx, record.tenantId);
    if (!teams.some((team) => team.id === teamId)) {
      return { outcome: 'invalid', field: 'teamId', message: 'Choose a team in this council' };
    }
  }
  return null;
}

/** Allocates a child no one holds now. A child someone holds is transferred instead, with a handover note. */
export const allocateChild = childRecordService(
  'change',
  'allocation.allocated',
  async (record, input: NewAllocation): Promise<AllocationOutcome> => {
    const held = currentAllocations(await allocationsOf(record.tx, record.tenantId, record.childId), today());
    if (held.length > 0) {
      return {
        outcome: 'invalid',
        field: 'userId',
        message: `${record.child.fullName} is allocated to ${holderInWords(held[0]!)}: transfer them instead`,
      };
    }
    const refused = await checkHolder(record, input.userId, input.teamId);
    if (refused) return refused;
    const { allocationId } = await allocate(record.tx, record.tenantId, {
      childId: record.childId,
      userId: input.userId,
      teamId: input.teamId,
      startsOn: input.startsOn,
      recordedBy: record.actor.userId,
      recordedByLabel: actorLabel(record.actor),
    });
    await record.audit('allocation.allocated', { allocationId, userId: input.userId, teamId: input.teamId });
    return { outcome: 'saved', allocationId };
  },
);

/** Transfers a child to another worker from a day, with a handover note they must read and a reason. */
export const transferChild = childRecordService(
  'change',
  'allocation.transferred',
  async (record, input: Transfer): Promise<AllocationOutcome> => {
    const held = currentAllocations(await allocationsOf(record.tx, record.tenantId, record.childId), today());
    if (held.some((allocation) => allocation.userId === input.userId)) {
      return {
        outcome: 'invalid',
        field: 'userId',
        message: 'Choose someone other than the worker who holds the record now',
      };
    }
    if (held.some((allocation) => allocation.startsOn > input.startsOn)) {
      return {
        outcome: 'invalid',
        field: 'startsOn',
        message: 'Start date must be on or after the current allocation began',
      };
    }
    const refused = await checkHolder(record, input.userId, input.teamId);
    if (refused) return refused;
    const teamId = input.teamId ?? (await teamIdsOf(record.tx, record.tenantId, input.userId))[0] ?? null;
    const { allocationId } = await allocate(record.tx, record.tenantId, {
      childId: record.childId,
      userId: input.userId,
      teamId,
      startsOn: input.startsOn,
      kind: 'transferred',
      reason: input.reason,
      handoverNote: input.handoverNote,
      recordedBy: record.actor.userId,
      recordedByLabel: actorLabel(record.actor),
    });
    await record.audit(
      'allocation.transferred',
      { allocationId, userId: input.userId, teamId, from: held.map((allocation) => allocation.id).join(' ') },
      'allowed',
      { reason: input.reason },
    );
    return { outcome: 'saved', allocationId };
  },
);

/** The new worker says they have read the handover note; only the worker it was written for can. */
export const confirmHandoverRead = childRecordService(
  'view',
  'allocation.handover_read',
  async (record, noteId: string): Promise<'read' | 'not_found'> => {
    const allocations = await allocationsOf(record.tx, record.tenantId, record.childId);
    const mine = handoversToRead(allocations, record.actor.userId).find((allocation) => allocation.noteId === noteId);
    if (!mine || !(await markHandoverRead(record.tx, record.tenantId, record.childId, noteId, record.actor.userId))) {
      return 'not_found';
    }
    await record.audit('allocation.handover_read', { noteId });
    return 'read';
  },
  'not_found' as const,
);
