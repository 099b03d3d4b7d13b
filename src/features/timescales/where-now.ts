/**
 * Where a child is in their journey and what is next or overdue, for the child's header and the
 * caseload: "Child protection plan since 3 March 2026 · allocated to Alex Morgan", "Not seen for
 * 14 months", "Assessment due in 6 working days". Every date is derived from what happened and the
 * council's calendar and policy, never typed. `whereNowFrom` is pure; `whereNowOf` reads, inside
 * the caller's transaction (the caller has opened the records it asks about).
 */
import type { Tx } from '../../platform/db/database.js';
import type { IsoDate, WorkingDayCalendar } from '../../platform/working-days/index.js';
import { presentDate } from '../child-record/index.js';
import { allocationsOfChildren, currentAllocations, holderInWords } from '../allocation/index.js';
import { journeysOf, type Journey } from '../episodes/index.js';
import { dueStatus, nextVisitDue, notSeenForInWords, type Urgency } from './due-dates.js';
import type { TimescalePolicy } from './policy.js';
import { lastSeenOf } from './queries.js';
import { councilCalendar, timescalePolicy } from './service.js';

export interface NextStep {
  words: string;
  urgency: Urgency;
  /** Working days left (negative when overdue): what "most urgent" sorts by. */
  workingDaysLeft: number;
}

export interface WhereNow {
  /** "Child protection plan since 3 March 2026 · allocated to Alex Morgan, Family Help team". */
  journey: string;
  /** What is next or overdue, most urgent first. */
  next: NextStep[];
  /** The most urgent step's working days left; children with nothing due sort last. */
  urgency: number;
}

function journeyInWords(journey: Journey, holders: readonly string[]): string {
  const [episode] = journey.openEpisodes;
  const where = journey.childProtectionPlanSince
    ? `Child protection plan since ${presentDate(journey.childProtectionPlanSince)}`
    : episode
      ? `${episode.name} since ${presentDate(episode.startsOn)}`
      : journey.status === 'open' && journey.currentReferral
        ? `Referred on ${presentDate(journey.currentReferral.referredOn)}, being assessed`
        : journey.status === 'closed' && journey.lastClosedOn
          ? `Case closed on ${presentDate(journey.lastClosedOn)}`
          : 'No open episode of help';
  return `${where} · ${holders.length > 0 ? `allocated to ${holders.join(' and ')}` : 'not allocated'}`;
}

/** What is next or overdue for one child (pure). */
export function whereNowFrom(
  journey: Journey,
  holders: readonly string[],
  lastSeenOn: IsoDate | null,
  policy: Pick<TimescalePolicy, 'visitEveryWorkingDays'>,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): WhereNow {
  const next: NextStep[] = [];
  const add = (what: string, due: IsoDate | null) => {
    if (due === null) return;
    const status = dueStatus(what, due, today, calendar);
    next.push({ words: status.words, urgency: status.urgency, workingDaysLeft: status.workingDaysLeft });
  };
  const referral = journey.currentReferral;
  if (journey.status === 'open' && referral && referral.outcome === null) add('Assessment', referral.assessmentDueOn);
  add('Initial child protection conference', journey.initialConferenceDueOn);
  add('Review conference', journey.reviewConferenceDueOn);
  const visited = journey.openEpisodes[0]?.kind;
  if (visited) {
    if (lastSeenOn === null) {
      next.push({ words: 'Not seen yet', urgency: 'overdue', workingDaysLeft: -1 });
    } else {
      const status = dueStatus('Visit', nextVisitDue(lastSeenOn, visited, policy, calendar), today, calendar);
      const words = status.urgency === 'overdue' ? notSeenForInWords(lastSeenOn, today) : status.words;
      next.push({ words, urgency: status.urgency, workingDaysLeft: status.workingDaysLeft });
    }
  }
  next.sort((a, b) => a.workingDaysLeft - b.workingDaysLeft);
  return {
    journey: journeyInWords(journey, holders),
    next,
    urgency: next[0]?.workingDaysLeft ?? Number.MAX_SAFE_INTEGER,
  };
}

/** Where each child is now, read in the caller's transaction with the council's calendar and policy. */
export async function whereNowOf(
  tx: Tx,
  tenantId: string,
  childIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, WhereNow>> {
  const [calendar, policy, lastSeen] = await Promise.all([
    councilCalendar(tx, tenantId),
    timescalePolicy(tx, tenantId),
    lastSeenOf(tx, tenantId, childIds),
  ]);
  const [journeys, allocations] = await Promise.all([
    journeysOf(tx, tenantId, childIds, calendar, today),
    allocationsOfChildren(tx, tenantId, childIds),
  ]);
  const found = new Map<string, WhereNow>();
  for (const childId of childIds) {
    const holders = currentAllocations(
      allocations.filter((allocation) => allocation.childId === childId),
      today,
    ).map(holderInWords);
    found.set(
      childId,
      whereNowFrom(journeys.get(childId)!, holders, lastSeen.get(childId) ?? null, policy, calendar, today),
    );
  }
  return found;
}
