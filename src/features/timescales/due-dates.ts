/**
 * Due dates, always derived from what happened and the council's calendar, never typed (pure).
 * Working Together to Safeguard Children 2023: an assessment within 45 working days of the
 * referral; an initial child protection conference within 15 working days of the strategy
 * discussion; the first review conference within 3 months of the initial conference, then at
 * most every 6 months.
 */
import {
  addMonths,
  addWorkingDays,
  daysBetween,
  workingDaysBetween,
  type IsoDate,
  type WorkingDayCalendar,
} from '../../platform/working-days/index.js';
import { DEFAULT_TIMESCALE_POLICY, type TimescalePolicy, type VisitedEpisodeKind } from './policy.js';

export const ASSESSMENT_WORKING_DAYS = 45;
export const INITIAL_CONFERENCE_WORKING_DAYS = 15;

export const assessmentDue = (referredOn: IsoDate, calendar: WorkingDayCalendar): IsoDate =>
  addWorkingDays(referredOn, ASSESSMENT_WORKING_DAYS, calendar);

export const initialConferenceDue = (strategyDiscussionOn: IsoDate, calendar: WorkingDayCalendar): IsoDate =>
  addWorkingDays(strategyDiscussionOn, INITIAL_CONFERENCE_WORKING_DAYS, calendar);

/** The next review conference: 3 months after the initial conference, then 6 after each review (or the council's shorter intervals). */
export const reviewConferenceDue = (
  previousConferenceOn: IsoDate,
  isFirstReview: boolean,
  policy: Pick<TimescalePolicy, 'reviews'> = DEFAULT_TIMESCALE_POLICY,
): IsoDate =>
  addMonths(
    previousConferenceOn,
    isFirstReview ? policy.reviews.childProtectionFirstMonths : policy.reviews.childProtectionLaterMonths,
  );

/** When the child should next be seen, from the last time they were seen alone or with their family. */
export const nextVisitDue = (
  lastSeenOn: IsoDate,
  kind: VisitedEpisodeKind,
  policy: Pick<TimescalePolicy, 'visitEveryWorkingDays'>,
  calendar: WorkingDayCalendar,
): IsoDate => addWorkingDays(lastSeenOn, policy.visitEveryWorkingDays[kind], calendar);

export type Urgency = 'overdue' | 'due_soon' | 'on_track';

export interface DueStatus {
  /** Working days from today to the due date: negative once it has passed. */
  workingDaysLeft: number;
  urgency: Urgency;
  /** "Assessment due in 6 working days", "Assessment due today", "Assessment overdue by 2 working days". */
  words: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How a due date stands today, in working days and in words; "due soon" within `soon` working days. */
export function dueStatus(
  what: string,
  due: IsoDate,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  soon = 5,
): DueStatus {
  const left = workingDaysBetween(today, due, calendar);
  if (due < today) {
    const late = Math.max(1, -left);
    return {
      workingDaysLeft: -late,
      urgency: 'overdue',
      words: `${what} overdue by ${plural(late, 'working day', 'working days')}`,
    };
  }
  if (left === 0) return { workingDaysLeft: 0, urgency: 'due_soon', words: `${what} due today` };
  return {
    workingDaysLeft: left,
    urgency: left <= soon ? 'due_soon' : 'on_track',
    words: `${what} due in ${plural(left, 'working day', 'working days')}`,
  };
}

/** "Not seen for 14 months", "Not seen for 3 weeks", "Seen today", "Not seen yet". */
export function notSeenForInWords(lastSeenOn: IsoDate | null, today: IsoDate): string {
  if (lastSeenOn === null) return 'Not seen yet';
  const days = daysBetween(lastSeenOn, today);
  if (days <= 0) return 'Seen today';
  if (days === 1) return 'Seen yesterday';
  let months = 0;
  while (addMonths(lastSeenOn, months + 1) <= today) months += 1;
  if (months >= 1) return `Not seen for ${plural(months, 'month', 'months')}`;
  if (days >= 14) return `Not seen for ${plural(Math.floor(days / 7), 'week', 'weeks')}`;
  return `Not seen for ${plural(days, 'day', 'days')}`;
}
