/**
 * Timescales' public surface: the council's calendar and policy (read inside the caller's
 * transaction), and the pure due-date rules every feature derives its dates from.
 */
export { councilCalendar, timescalePolicy } from './service.js';
export {
  ASSESSMENT_WORKING_DAYS,
  INITIAL_CONFERENCE_WORKING_DAYS,
  assessmentDue,
  dueStatus,
  initialConferenceDue,
  nextVisitDue,
  notSeenForInWords,
  reviewConferenceDue,
  type DueStatus,
  type Urgency,
} from './due-dates.js';
export {
  DEFAULT_TIMESCALE_POLICY,
  episodeKindsVisited,
  type ClosureDay,
  type TimescalePolicy,
  type VisitedEpisodeKind,
} from './policy.js';
export { whereNowFrom, whereNowOf, type NextStep, type WhereNow } from './where-now.js';
