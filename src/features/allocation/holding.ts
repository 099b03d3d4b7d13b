/** Who holds a child's record on a day, and what the new worker has still to read (pure). */
import type { AllocationRow } from './queries.js';

/** An allocation holds the record from its start until (not on) its end. */
export const holdsOn = (allocation: Pick<AllocationRow, 'startsOn' | 'endsOn'>, day: string): boolean =>
  allocation.startsOn <= day && (allocation.endsOn === null || allocation.endsOn > day);

export const currentAllocations = (allocations: readonly AllocationRow[], today: string): AllocationRow[] =>
  allocations.filter((allocation) => holdsOn(allocation, today));

/** The handover notes written for this worker that they have not read yet. */
export const handoversToRead = (allocations: readonly AllocationRow[], userId: string): AllocationRow[] =>
  allocations.filter(
    (allocation) =>
      allocation.userId === userId && allocation.handoverNote !== null && allocation.handoverReadAt === null,
  );

/** "Alex Morgan, Family Help team", "Family Help team", "Alex Morgan". */
export const holderInWords = (allocation: Pick<AllocationRow, 'userName' | 'teamName'>): string =>
  [allocation.userName, allocation.teamName].filter((part) => part !== null).join(', ');
