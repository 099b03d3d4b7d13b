/**
 * Plans made with the family: the rules around reading and changing them, by area. Each call
 * runs in one council transaction and opens the child's record through child-record (which
 * audits a refusal), then writes its own audit entry in that transaction.
 *
 * - service/reading.ts: the child's plans, where a plan starts from, one plan, the family's version
 * - service/changing.ts: start, change (the one way a plan's content changes), agree, share, review, agreement
 * - service/from-meetings.ts: a conference's plan adopted, a meeting's action made a plan action
 * - service/across-records.ts: overdue work for the caseload, the chronology's events
 */
export { PLAN, contentOf, type ChildForPlans, type PossibleOwner } from './service/record.js';
export {
  familyPlan,
  plansForChild,
  startingPoint,
  viewPlan,
  type ChangesSinceAgreed,
  type ChildPlans,
  type PlanView,
  type StartingPoint,
  type VersionSummary,
} from './service/reading.js';
export {
  agreePlan,
  changePlan,
  recordAgreement,
  recordReview,
  sharePlanWithFamily,
  startPlan,
  type PlanChange,
  type PlanEdit,
} from './service/changing.js';
export {
  addActionFromMeeting,
  adoptFamilyPlan,
  meetingActionsInPlans,
  plansToAddMeetingActionTo,
  type FamilyPlanFromMeeting,
  type MeetingActionAdded,
  type MeetingActionForPlan,
  type MeetingActionInPlan,
  type PlanToChoose,
} from './service/from-meetings.js';
export { overdueWorkFor, planChronologyEvents, type OverdueWork } from './service/across-records.js';
