/** The page that makes a meeting's action an action of the child's plan: which plan, which goal, whose action. */
import { presentDate } from '../../child-record/index.js';
import { ownerCircleNames, plansPaths, reasonForActionFromMeeting } from '../../plans/index.js';
import { meetingKindNames, meetingNameInSentence } from '../conference.js';
import { meetingPaths } from '../paths.js';
import type { ActionForPlan } from '../service.js';
import type { Values } from './fields.js';
import { childName, planHref, recordHeader } from './meeting.js';

/** The choice of a plan as a whole, rather than one of its goals. */
export const WHOLE_PLAN = 'whole';

export function actionToPlanPage(found: ActionForPlan, values: Values, conflict: string | null) {
  const { view: opened, action, plans } = found;
  const name = childName(opened.child);
  const { childId } = opened.child;
  const meetingId = opened.meeting.id;
  const kindName = meetingKindNames[opened.meeting.kind];
  const several = plans.length > 1;
  const only = plans.length === 1 ? plans[0]! : null;
  // With one plan, its only goal (or the whole plan when it has none) is chosen already.
  const prefilled = only ? `${only.id}/${only.goals.length === 1 ? only.goals[0]!.id : WHOLE_PLAN}` : '';
  const target = values.target ?? (only && only.goals.length <= 1 ? prefilled : '');
  const ownerCircle = values.ownerCircle ?? found.owner?.circle ?? '';
  const heading = found.inPlan
    ? `This action is already in ${name}’s plan`
    : plans.length === 0
      ? `${name} has no plan yet`
      : `Add an action to ${name}’s plan`;
  return {
    pageTitle: `${heading} – ${kindName} – ${name}`,
    ...recordHeader(opened.child, heading),
    backHref: meetingPaths.meeting.href({ childId, meetingId }),
    action: meetingPaths.actionToPlan.href({ childId, meetingId, actionId: action.id }),
    childName: name,
    actionRows: [
      { key: { text: 'What will happen' }, value: { text: action.whatWillHappen } },
      { key: { text: 'Who will do it' }, value: { text: action.ownerName } },
      { key: { text: 'By when' }, value: { text: presentDate(action.dueOn) } },
      { key: { text: 'From' }, value: { text: `${kindName}, ${presentDate(opened.meeting.heldOn)}` } },
    ],
    inPlan: found.inPlan
      ? { title: found.inPlan.planTitle, href: planHref(childId, found.inPlan.planId, found.inPlan.planActionId) }
      : null,
    startPlanHref: plansPaths.new.href({ childId }),
    hasPlans: plans.length > 0,
    agreedPlans: plans.filter((plan) => plan.agreed).map((plan) => plan.title),
    reason: reasonForActionFromMeeting({
      meetingId,
      actionId: action.id,
      meetingName: meetingNameInSentence(opened.meeting.kind),
      heldOn: opened.meeting.heldOn,
    }),
    versions: plans.map((plan) => ({ name: `planVersion-${plan.id}`, value: String(plan.version) })),
    targetLegend: only
      ? `Which goal of “${only.title}” does it serve?`
      : 'Which plan does it go in, and which goal does it serve?',
    targetItems: plans.flatMap((plan) => [
      ...plan.goals.map((goal) => ({
        value: `${plan.id}/${goal.id}`,
        text: goal.goalInFamilyWords,
        hint: several ? { text: `A goal of “${plan.title}”` } : undefined,
        checked: target === `${plan.id}/${goal.id}`,
      })),
      ...(plan.goals.length > 0 && !several ? [{ divider: 'or' }] : []),
      {
        value: `${plan.id}/${WHOLE_PLAN}`,
        text: several ? `The whole of “${plan.title}”` : 'The whole plan',
        checked: target === `${plan.id}/${WHOLE_PLAN}`,
      },
    ]),
    ownerLegend: `Who is ${action.ownerName}?`,
    ownerHint: found.owner
      ? `${found.owner.name} is in ${name}’s world as ${ownerCircleNames[found.owner.circle].toLowerCase()}`
      : undefined,
    ownerItems: Object.entries(ownerCircleNames).map(([value, text]) => ({
      value,
      text,
      checked: ownerCircle === value,
    })),
    conflict,
  };
}
