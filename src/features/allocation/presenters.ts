/** Shaping who holds a child's record for its pages (pure). */
import { presentDate, type ChildSummary } from '../child-record/index.js';
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { holderInWords } from './holding.js';
import type { AllocationRow } from './queries.js';

export const nameOf = (child: Pick<ChildSummary, 'knownAs' | 'fullName'>) => child.knownAs ?? child.fullName;

/** The history of who held the record, newest first, as GOV.UK table rows. */
export const historyRows = (allocations: readonly AllocationRow[]) =>
  [...allocations].reverse().map((allocation) => [
    { text: holderInWords(allocation) },
    { text: presentDate(allocation.startsOn) },
    { text: allocation.endsOn === null ? 'Now' : presentDate(allocation.endsOn) },
    {
      text:
        allocation.kind === 'transferred'
          ? `Transferred: ${allocation.reason ?? ''}`
          : allocation.kind === 'allocated'
            ? 'Allocated'
            : 'Allocated before Kith kept notes',
    },
  ]);

/** A handover note as the new worker reads it. */
export const presentHandover = (allocation: AllocationRow) => ({
  noteId: allocation.noteId,
  note: allocation.handoverNote ?? '',
  reason: allocation.reason ?? '',
  writtenBy: allocation.recordedByLabel ?? '',
  from: presentDate(allocation.startsOn),
});

export const handoverReadAt = (allocation: AllocationRow) =>
  allocation.handoverReadAt ? ukDateTimeInWords(allocation.handoverReadAt) : null;

/** The radios' items: workers or teams, with the one typed checked. */
export const choiceItems = (choices: readonly { id: string; name: string }[], chosen: string) =>
  choices.map((choice) => ({ value: choice.id, text: choice.name, checked: choice.id === chosen }));
