/**
 * The child's chronology, with no I/O: the rules that order and filter events, whichever part
 * of the record they come from, and the names of voice's own types. Visits, direct work and
 * hand-recorded entries are built in; every other feature's events come from the chronology
 * sources the application is built with (`ChronologyEvent` and the sources are the platform's).
 */
import type { ChronologyEvent } from '../../platform/chronology/sources.js';
import type { ChronologyCategory } from './schema.js';

export type { ChronologyEvent };

export const chronologyCategoryNames: Record<ChronologyCategory, string> = {
  family_life: 'Family life',
  home: 'Home',
  school: 'School',
  health: 'Health',
  time_with_family: 'Time with family',
  meeting: 'Meetings',
  other: 'Other',
};

/** The types built in here, with their names for the filter. */
export const builtInTypeNames: Record<string, string> = {
  visit: 'Visits',
  direct_work: 'Direct work',
  ...chronologyCategoryNames,
};

/** Newest first, and only the chosen types (all of them when none is chosen). */
export function arrangeChronology(events: ChronologyEvent[], chosenTypes: readonly string[]): ChronologyEvent[] {
  const chosen = new Set(chosenTypes);
  return events
    .filter((event) => chosen.size === 0 || chosen.has(event.type))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.title.localeCompare(b.title));
}
