/**
 * The child's chronology, with no I/O: one shape for every significant event, whichever part
 * of the record it comes from, and the rules that order and filter them. Visits, direct work
 * and hand-recorded entries are built in; another feature (mapping, assessment, plans) adds
 * its events by registering a source through `registerChronologySource` in service.ts.
 */
import type { ChronologyCategory } from './schema.js';

export interface ChronologyEvent {
  /** An ISO date ('2026-03-27') or date-time; events are ordered by it. */
  occurredAt: string;
  /** Which kind of event, for filtering: a source's own type ('visit', 'mapping', ...). */
  type: string;
  title: string;
  details: string | null;
  /** Who recorded it, when known. */
  byline: string | null;
  /** Where to read the record it came from, if there is a page. */
  href: string | null;
}

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
