/**
 * Where a child is in their journey, read inside a transaction the caller has opened (and
 * audited) already: the front door's decision starts a referral here; the child's header, the
 * caseload and the front door's re-referral flag read the journey and the last closure.
 */
import type { Tx } from '../../platform/db/database.js';
import type { IsoDate, WorkingDayCalendar } from '../../platform/working-days/index.js';
import {
  episodeKinds,
  primaryNeedCodes,
  type AssessmentOutcome,
  type EpisodeKind,
  type PlanCategory,
} from './codes.js';
import {
  closuresOf,
  episodesOf,
  insertReferral,
  journeyRowsOfChildren,
  lastClosureDate,
  protectionStepsOf,
  referralsOf,
  type EpisodeRow,
  type ProtectionStepRow,
} from './queries.js';
import { assessmentDueOn, initialConferenceDueOn, nextReviewConferenceDue, openOn } from './rules.js';

/** England's bank holidays and no closure days: the calendar when the caller gives none. */
export const ENGLAND_WITHOUT_CLOSURES: WorkingDayCalendar = { nation: 'england', closureDays: [] };

export interface NewReferral {
  childId: string;
  referredOn: IsoDate;
  /** Who referred, in words ("School", "Health visitor", "Police"). */
  source: string;
  /** The contact at the front door it came from. */
  contactId?: string | null;
  primaryNeedCode?: string | null;
  actorLabel: string;
  actorUserId?: string | null;
}

/**
 * Starts a referral (and with it the assessment's clock) inside the caller's transaction; the
 * caller has opened the child's record for change and audits it. Throws on a primary need code
 * that is not a national one: the caller's form offers only those.
 */
export async function startReferral(tx: Tx, tenantId: string, input: NewReferral): Promise<{ referralId: string }> {
  if (input.primaryNeedCode && !Object.hasOwn(primaryNeedCodes, input.primaryNeedCode)) {
    throw new RangeError(`Not a primary need code: ${input.primaryNeedCode}`);
  }
  const referral = await insertReferral(tx, tenantId, {
    childPersonId: input.childId,
    referredOn: input.referredOn,
    source: input.source,
    contactId: input.contactId ?? null,
    primaryNeedCode: input.primaryNeedCode ?? null,
    recordedBy: input.actorUserId ?? null,
    recordedByLabel: input.actorLabel,
  });
  return { referralId: referral.id };
}

/** The date the child's case was last closed, or null if it never was. */
export const lastClosedOn = (tx: Tx, tenantId: string, childId: string): Promise<IsoDate | null> =>
  lastClosureDate(tx, tenantId, childId);

export interface OpenEpisode {
  id: string;
  kind: EpisodeKind;
  name: string;
  startsOn: IsoDate;
  leadPractitioner: string | null;
  planCategories: PlanCategory[];
}

export interface Journey {
  /** Open episodes of help on the day, most statutory first. */
  openEpisodes: OpenEpisode[];
  /** The latest referral: its assessment's due date, and its outcome once recorded. */
  currentReferral: {
    id: string;
    referredOn: IsoDate;
    assessmentDueOn: IsoDate;
    outcome: AssessmentOutcome | null;
    completedOn: IsoDate | null;
  } | null;
  /** The start of the open child protection plan. */
  childProtectionPlanSince: IsoDate | null;
  /** The initial conference's due date, when a strategy discussion started an enquiry and no conference is held yet. */
  initialConferenceDueOn: IsoDate | null;
  /** The next review conference's due date, while a plan is open. */
  reviewConferenceDueOn: IsoDate | null;
  lastClosedOn: IsoDate | null;
  /** 'open' while an episode or an assessment is open; 'closed' after a closure; 'new' otherwise. */
  status: 'open' | 'closed' | 'new';
}

const byLevel = (a: EpisodeRow, b: EpisodeRow) => episodeKinds[b.kind].level - episodeKinds[a.kind].level;

/** The initial conference and reviews since the last strategy discussion (the current round of child protection). */
function protectionRound(steps: readonly ProtectionStepRow[]) {
  const lastStrategy = steps.filter((step) => step.kind === 'strategy_discussion').at(-1);
  const since = steps.filter((step) => lastStrategy === undefined || step.heldOn >= lastStrategy.heldOn);
  const initial = since.find((step) => step.kind === 'initial_conference');
  const enquiry = since.find((step) => step.kind === 'section_47_enquiry');
  const reviews = since.filter((step) => step.kind === 'review_conference').map((step) => step.heldOn);
  return { lastStrategy, initial, enquiry, reviews };
}

/** Where the child is in their journey on `today` (the council's calendar, or England's without closure days). */
export async function journeyOf(
  tx: Tx,
  tenantId: string,
  childId: string,
  calendar: WorkingDayCalendar = ENGLAND_WITHOUT_CLOSURES,
  today: IsoDate = new Date().toISOString().slice(0, 10),
): Promise<Journey> {
  const [episodes, referrals, steps, closures] = await Promise.all([
    episodesOf(tx, tenantId, childId),
    referralsOf(tx, tenantId, childId),
    protectionStepsOf(tx, tenantId, childId),
    closuresOf(tx, tenantId, childId),
  ]);
  return journeyFrom({ episodes, referrals, steps, closures }, calendar, today);
}

/**
 * The journeys of several children (a caseload): each table read once for all of them, then
 * each child's journey drawn from its own rows, as `journeyOf` draws one.
 */
export async function journeysOf(
  tx: Tx,
  tenantId: string,
  childIds: readonly string[],
  calendar: WorkingDayCalendar,
  today: IsoDate,
): Promise<Map<string, Journey>> {
  const [episodes, referrals, steps, closures] = await Promise.all([
    journeyRowsOfChildren.episodes(tx, tenantId, childIds),
    journeyRowsOfChildren.referrals(tx, tenantId, childIds),
    journeyRowsOfChildren.steps(tx, tenantId, childIds),
    journeyRowsOfChildren.closures(tx, tenantId, childIds),
  ]);
  const of = <Row extends { childPersonId: string }>(rows: readonly Row[], childId: string) =>
    rows.filter((row) => row.childPersonId === childId);
  return new Map(
    childIds.map((childId) => [
      childId,
      journeyFrom(
        {
          episodes: of(episodes, childId),
          referrals: of(referrals, childId),
          steps: of(steps, childId),
          closures: of(closures, childId),
        },
        calendar,
        today,
      ),
    ]),
  );
}

/** The journey from the child's rows (pure, so the pages reuse the rows they read). */
export function journeyFrom(
  rows: {
    episodes: readonly EpisodeRow[];
    referrals: readonly Awaited<ReturnType<typeof referralsOf>>[number][];
    steps: readonly ProtectionStepRow[];
    closures: readonly Awaited<ReturnType<typeof closuresOf>>[number][];
  },
  calendar: WorkingDayCalendar,
  today: IsoDate,
): Journey {
  const open = [...openOn(rows.episodes, today)].filter((episode) => episode.endsOn === null).sort(byLevel);
  const latest = rows.referrals.at(-1);
  const plan = open.find((episode) => episode.kind === 'child_protection');
  const round = protectionRound(rows.steps);
  const awaitingConference =
    round.lastStrategy?.outcome === 'section_47' &&
    round.initial === undefined &&
    round.enquiry?.outcome !== 'no_further_action';
  const lastClosed = rows.closures.at(-1)?.closedOn ?? null;
  const lastReferredAfterClosure = latest !== undefined && (lastClosed === null || latest.referredOn > lastClosed);
  const assessing = lastReferredAfterClosure && latest.assessmentOutcome === null;
  const status = open.length > 0 || assessing ? 'open' : lastClosed !== null ? 'closed' : 'new';
  return {
    openEpisodes: open.map((episode) => ({
      id: episode.id,
      kind: episode.kind,
      name: episode.serviceName ?? episodeKinds[episode.kind].name,
      startsOn: episode.startsOn,
      leadPractitioner: episode.leadPractitioner,
      planCategories: episode.planCategories as PlanCategory[],
    })),
    currentReferral: latest
      ? {
          id: latest.id,
          referredOn: latest.referredOn,
          assessmentDueOn: assessmentDueOn(latest.referredOn, calendar),
          outcome: latest.assessmentOutcome,
          completedOn: latest.assessmentCompletedOn,
        }
      : null,
    childProtectionPlanSince: plan?.startsOn ?? null,
    initialConferenceDueOn:
      awaitingConference && round.lastStrategy ? initialConferenceDueOn(round.lastStrategy.heldOn, calendar) : null,
    reviewConferenceDueOn: plan ? nextReviewConferenceDue(round.initial?.heldOn ?? null, round.reviews) : null,
    lastClosedOn: lastClosed,
    status,
  };
}
