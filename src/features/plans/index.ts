/**
 * The plans feature's public surface: what other features use (meetings adopt a conference's
 * plan and add a meeting's actions to a plan; the caseload shows overdue work).
 */
export {
  addActionFromMeeting,
  adoptFamilyPlan,
  meetingActionsInPlans,
  overdueWorkFor,
  plansToAddMeetingActionTo,
  type FamilyPlanFromMeeting,
  type MeetingActionAdded,
  type MeetingActionForPlan,
  type MeetingActionInPlan,
  type OverdueWork,
  type PlanToChoose,
  type PossibleOwner,
} from './service.js';
export {
  // Date helpers the meetings feature uses; they belong with the platform's clock.
  dateInWords,
  todayInUk,
  ownerCircles,
  overdueWorkInWords,
  reasonForActionFromMeeting,
  type OwnerCircle,
  type PlanActionSource,
} from './plan-rules.js';
export { ownerCircleNames } from './validation.js';
export { plansPaths } from './paths.js';
