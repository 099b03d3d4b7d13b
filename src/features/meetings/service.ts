/**
 * Meetings about a child, and family group conferences. Each call runs in one council
 * transaction, opens the child's record for its purpose first (child-record's
 * `openChildRecordIn`), and writes its audit entry in that transaction, allowed or refused. Every
 * change of a meeting is appended to record history ('meeting'); a save made from an older
 * version is refused. The service is split by area in `service/`; this is its one entry.
 */
export { MEETING, type FieldIssue, type MeetingView, type Saved } from './service/record.js';
export {
  meetingPlanningForm,
  meetingsSection,
  planMeeting,
  type MeetingPlanningForm,
  type MeetingsSection,
} from './service/section.js';
export {
  addAction,
  addDecision,
  inviteSomeone,
  openMeeting,
  openMeetingForChange,
  recordPreparationVisit,
  recordWhatHappened,
  withdrawInvitation,
} from './service/meeting.js';
export { actionForPlan, addActionToPlan, recordStage, type ActionForPlan, type ActionToPlan } from './service/plan.js';
export { childForOffer, offerFamilyMeeting, offerFor, recordOfferAnswer } from './service/offers.js';
export {
  coordinatorsConferences,
  familyMeetingCounts,
  meetingChronologyEvents,
  type CoordinatorsConference,
} from './service/conferences.js';
export { meetingKindNames } from './conference.js';
export type { InviteeRow, MeetingRow, OfferRow } from './queries.js';
export type { MeetingActionInPlan } from '../plans/index.js';
export type { RequestSource } from '../child-record/index.js';
