/**
 * The meetings feature's public surface: what other features, the demo seed and the benchmark
 * may use. Its manifest (feature.ts) is for src/app.ts only.
 */
export {
  addAction,
  addDecision,
  inviteSomeone,
  meetingChronologyEvents,
  offerFamilyMeeting,
  openMeeting,
  planMeeting,
  recordOfferAnswer,
  recordPreparationVisit,
  recordStage,
  recordWhatHappened,
  type Saved,
} from './service.js';
export { meetingsOfChild } from './queries.js';
export { meetingPaths } from './paths.js';
export { meetingAuditActions } from './audit-actions.js';
export type { Conference, MeetingAction, MeetingDecision, StagePart } from './conference.js';
