/**
 * The rules of episodes, pure: dates in order, no two episodes of the same kind at once, step
 * up and step down between kinds, and when the next child protection review conference is due.
 * The service asks these before it saves anything; the unit tests hold them to their word.
 */
import { addMonths, addWorkingDays, type IsoDate, type WorkingDayCalendar } from '../../platform/working-days/index.js';
import { episodeKinds, type EpisodeKind } from './codes.js';

/** An episode as the rules see it: its kind and dates (an open episode has no end). */
export interface EpisodeSpan {
  id: string;
  kind: EpisodeKind;
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

/** Whether an end date comes before its start (the same day is allowed: a one-day episode). */
export const endsBeforeStart = (startsOn: IsoDate, endsOn: IsoDate | null): boolean =>
  endsOn !== null && endsOn < startsOn;

/** Whether two spans share a day; an open span runs on for ever. */
const overlaps = (a: { startsOn: IsoDate; endsOn: IsoDate | null }, b: { startsOn: IsoDate; endsOn: IsoDate | null }) =>
  (a.endsOn === null || b.startsOn <= a.endsOn) && (b.endsOn === null || a.startsOn <= b.endsOn);

/**
 * The child's episode of the same kind that the candidate would overlap, if any (the candidate
 * itself, when it is an existing episode being changed, is left out by its id).
 */
export function overlappingEpisode(
  existing: readonly EpisodeSpan[],
  candidate: Omit<EpisodeSpan, 'id'> & { id?: string },
): EpisodeSpan | undefined {
  return existing.find(
    (episode) => episode.kind === candidate.kind && episode.id !== candidate.id && overlaps(episode, candidate),
  );
}

/** The open episodes among them, on a day (started on or before it and not ended before it). */
export const openOn = <T extends { startsOn: IsoDate; endsOn: IsoDate | null }>(episodes: readonly T[], day: IsoDate) =>
  episodes.filter((episode) => episode.startsOn <= day && (episode.endsOn === null || episode.endsOn >= day));

export type Step = 'step_up' | 'step_down' | 'moving_on';

/**
 * A move from one kind of episode to another: up to more statutory help (Family Help to child
 * protection, child protection to care), down to less, or moving on from care to leaving care.
 * The same kind is no step at all (null): that is a new episode, or the same one going on.
 */
export function stepBetween(from: EpisodeKind, to: EpisodeKind): Step | null {
  if (from === to) return null;
  if (from === 'child_in_care' && to === 'care_leaver') return 'moving_on';
  if (to === 'care_leaver') return null;
  if (from === 'care_leaver') return 'step_up';
  return episodeKinds[to].level > episodeKinds[from].level ? 'step_up' : 'step_down';
}

export const stepNames: Record<Step, string> = {
  step_up: 'Step up',
  step_down: 'Step down',
  moving_on: 'Moving on from care',
};

/** Why a step between two kinds is refused (a care leaver comes only from care), or null when it may be taken. */
export function refusedStep(from: EpisodeKind, to: EpisodeKind): string | null {
  if (from === to) return 'Choose a different kind of help to step up or down to';
  if (to === 'care_leaver' && from !== 'child_in_care') return 'Only a child in care can step to care leaver';
  return null;
}

/** Working days from the referral to the end of the assessment (Working Together to Safeguard Children 2023). */
export const ASSESSMENT_WORKING_DAYS = 45;
/** Working days from the strategy discussion to the initial child protection conference. */
export const INITIAL_CONFERENCE_WORKING_DAYS = 15;

/** The date the assessment of a referral is due. */
export const assessmentDueOn = (referredOn: IsoDate, calendar: WorkingDayCalendar): IsoDate =>
  addWorkingDays(referredOn, ASSESSMENT_WORKING_DAYS, calendar);

/** The date an initial child protection conference is due after its strategy discussion. */
export const initialConferenceDueOn = (strategyDiscussionOn: IsoDate, calendar: WorkingDayCalendar): IsoDate =>
  addWorkingDays(strategyDiscussionOn, INITIAL_CONFERENCE_WORKING_DAYS, calendar);

/**
 * When the next review conference is due, from the conferences held while the plan has run:
 * the first review within 3 months of the initial conference, then every 6 months after the
 * last review (Working Together to Safeguard Children 2023, chapter 4). Null without an
 * initial conference. `reviews` are the dates of the review conferences held so far.
 */
export function nextReviewConferenceDue(
  initialConferenceOn: IsoDate | null,
  reviews: readonly IsoDate[],
): IsoDate | null {
  if (initialConferenceOn === null) return null;
  const held = reviews.filter((review) => review >= initialConferenceOn).sort();
  const last = held.at(-1);
  return last === undefined ? addMonths(initialConferenceOn, 3) : addMonths(last, 6);
}
