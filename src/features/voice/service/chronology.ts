/**
 * The child's chronology: voice's own events (visits, direct work, entries recorded by hand)
 * and every other feature's, from the chronology sources this application was built with.
 */
import type { Database, Tx } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import type { ChronologySources } from '../../../platform/chronology/sources.js';
import { type ChronologyEvent } from '../../../platform/chronology/sources.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type ChildSummary, type RequestSource } from '../../child-record/index.js';
import { arrangeChronology, builtInTypeNames } from '../chronology.js';
import { directWorkToolDefinitions } from '../direct-work.js';
import { voicePaths } from '../paths.js';
import { chronologyEntriesOf, directWorkOf, insertChronologyEntry, visitHeadlinesOf } from '../queries.js';
import { visitKindNames } from '../visit-form.js';
import { recordChange } from './record.js';

async function builtInEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  const [visits, work, entries] = await together([
    visitHeadlinesOf(tx, tenantId, childId),
    directWorkOf(tx, tenantId, childId),
    chronologyEntriesOf(tx, tenantId, childId),
  ]);
  const seen = (visit: { childSeen: boolean; seenAlone: boolean | null }) =>
    visit.childSeen ? (visit.seenAlone ? ': seen, and seen alone' : ': seen') : ': not seen';
  return [
    ...visits.map((visit) => ({
      occurredAt: visit.happenedAt.toISOString(),
      type: 'visit',
      title: `${visitKindNames[visit.kind]}${seen(visit)}`,
      details: visit.place,
      byline: visit.recordedByLabel,
      href: voicePaths.visit.href({ childId, visitId: visit.id }),
    })),
    ...work.map((record) => ({
      occurredAt: record.doneOn,
      type: 'direct_work',
      title: directWorkToolDefinitions[record.tool].name,
      details: `With ${record.doneWith}`,
      byline: record.recordedByLabel,
      href: voicePaths.directWork.href({ childId, workId: record.id }),
    })),
    ...entries.map((entry) => ({
      occurredAt: entry.happenedOn,
      type: entry.category,
      title: entry.title,
      details: entry.details,
      byline: entry.recordedByLabel,
      href: null,
    })),
  ];
}

export interface ChronologyPage {
  child: ChildSummary;
  events: ChronologyEvent[];
  types: { type: string; name: string }[];
}

/** The chronology, newest first, of the chosen types: voice's own events and those of the `sources` given. */
export function viewChronology(
  database: Database,
  actor: Actor,
  childId: string,
  chosenTypes: string[],
  source: RequestSource,
  sources: ChronologySources,
): Promise<ChronologyPage | null> {
  const purpose = { need: 'view', action: 'chronology.viewed', source } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const contributors = sources.all();
    // Every source's events, read together (on a server, one round trip rather than one each).
    const [builtIn, ...contributed] = await together([
      builtInEvents(record.tx, actor.tenantId, childId),
      ...contributors.map((contributor) => contributor.read(record.tx, actor.tenantId, childId)),
    ]);
    const types = [
      ...Object.entries(builtInTypeNames).map(([type, name]) => ({ type, name })),
      ...contributors.map((contributor) => ({ type: contributor.type, name: contributor.name })),
    ];
    const known = new Set(types.map((type) => type.type));
    await record.audit('chronology.viewed', { filtered: chosenTypes.length > 0 });
    return {
      child: record.child,
      events: arrangeChronology(
        [...builtIn, ...contributed.flat()],
        chosenTypes.filter((type) => known.has(type)),
      ),
      types,
    };
  });
}

export const recordChronologyEntry = recordChange('chronology.recorded', insertChronologyEntry, (entry) => ({
  category: entry.category,
}));
