/**
 * The plan's question pages as their templates need them: the choices, what was typed, and,
 * after a stale save, their version beside yours. Pure: no I/O.
 */
import type { PageContext } from '../../platform/views/render.js';
import { plansPaths } from './paths.js';
import {
  actionStatuses,
  dateInWords,
  ownerCircles,
  statusInWords,
  type PlanAction,
  type PlanContent,
  type PlanGoal,
} from './plan-rules.js';
import { childName, dateTyped, meetingSource } from './presenters.js';
import { agreementResponses, planKinds } from './schema.js';
import type { PlanView, StartingPoint } from './service.js';
import { agreementResponseNames, ownerCircleNames, planKindNames } from './validation.js';

/** What was typed, field by field (a few fields are lists or yes/no). */
export type Typed = Record<string, unknown>;
/** Someone else's newer version, shown beside what this person typed. */
export interface Conflict {
  theirs: PlanContent;
  author: string;
  reason: string | null;
}
export interface FormView {
  template: string;
  context: PageContext;
}

/** "Someone else chose 'Someone else'": the owner select's value for a name typed in. */
export const SOMEONE_ELSE = 'someone-else';
/** How many people's scores a review form has room for. */
export const REVIEW_PEOPLE = 4;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const ids = (found: PlanView) => ({ childId: found.child.id, planId: found.plan.id });
const conflictOf = (conflict: Conflict) => ({ author: conflict.author, reason: conflict.reason });
/** The top of a form about a plan: the page's title, the plan's, whose plan it is, the way back to it. */
const planFormTop = (found: PlanView, pageTitle: string) => ({
  pageTitle,
  planTitle: found.plan.title,
  childName: childName(found.child),
  backHref: plansPaths.plan.href(ids(found)),
});
/** The top of a form about one goal or action: adding one, changing one, or someone else's newer version. */
const itemFormTop = (found: PlanView, thing: string, changing: boolean, conflict?: Conflict) => ({
  ...planFormTop(found, conflict ? 'Someone else changed this plan' : changing ? `Change ${thing}` : `Add ${thing}`),
  heading: changing ? `Change ${thing}` : `Add ${thing}`,
});

export function startForm(start: StartingPoint, childId: string, values: Typed): FormView {
  return {
    template: 'plans/views/start.njk',
    context: {
      pageTitle: 'Start a plan',
      childName: childName(start.child),
      backHref: plansPaths.list.href({ childId }),
      action: plansPaths.new.href({ childId }),
      kinds: planKinds.map((kind) => ({ value: kind, text: planKindNames[kind], checked: values.kind === kind })),
      mapping: start.mapping
        ? {
            title: start.mapping.title,
            heldOn: dateInWords(start.mapping.heldOn),
            safetyGoals: start.mapping.safetyGoals.map((goal) => goal.statement),
            nextSteps: start.mapping.nextSteps.map((step) => step.statement),
          }
        : null,
      values,
    },
  };
}

export function goalForm(found: PlanView, goal: PlanGoal | null, values: Typed, conflict?: Conflict): FormView {
  const { plan } = found;
  const linked = new Set((values.worryIds as string[] | undefined) ?? []);
  const worries = [
    ...found.worries.map((worry) => ({ id: worry.id, statement: worry.statement })),
    ...(goal?.worries ?? []).filter((worry) => !found.worries.some((candidate) => candidate.id === worry.id)),
  ];
  const theirGoal = conflict && goal ? conflict.theirs.goals.find((candidate) => candidate.id === goal.id) : null;
  return {
    template: 'plans/views/goal.njk',
    context: {
      ...itemFormTop(found, 'a goal', goal !== null, conflict),
      action: goal ? plansPaths.goal.href({ ...ids(found), goalId: goal.id }) : plansPaths.newGoal.href(ids(found)),
      worries: worries.map((worry) => ({ value: worry.id, text: worry.statement, checked: linked.has(worry.id) })),
      needsReason: plan.status === 'agreed',
      canTakeOut: goal !== null,
      conflict: conflict
        ? {
            ...conflictOf(conflict),
            theirs: theirGoal
              ? [theirGoal.goalInFamilyWords, theirGoal.professionalWording ?? '']
              : goal
                ? null
                : ['', ''],
            yours: [values.goalInFamilyWords, values.professionalWording],
          }
        : null,
      values,
    },
  };
}

const ownerLabel = (found: PlanView, values: Typed) =>
  values.owner === SOMEONE_ELSE
    ? str(values.ownerName)
    : (found.owners.find((owner) => owner.personId === values.owner)?.name ?? '');

export function actionForm(found: PlanView, existing: PlanAction | null, values: Typed, conflict?: Conflict): FormView {
  const { child, plan } = found;
  const theirAction =
    conflict && existing ? conflict.theirs.actions.find((candidate) => candidate.id === existing.id) : null;
  const status = str(values.status);
  return {
    template: 'plans/views/action.njk',
    context: {
      ...itemFormTop(found, 'an action', existing !== null, conflict),
      action: existing
        ? plansPaths.action.href({ ...ids(found), actionId: existing.id })
        : plansPaths.newAction.href(ids(found)),
      owners: [
        { value: '', text: 'Choose someone' },
        ...found.owners.map((owner) => ({
          value: owner.personId,
          text: `${owner.name}, ${ownerCircleNames[owner.circle]}`,
          selected: values.owner === owner.personId,
        })),
        { value: SOMEONE_ELSE, text: 'Someone else', selected: values.owner === SOMEONE_ELSE },
      ],
      circles: ownerCircles.map((circle) => ({
        value: circle,
        text: ownerCircleNames[circle],
        checked: values.ownerCircle === circle,
      })),
      goals: [
        { value: '', text: 'The whole plan' },
        ...plan.goals.map((goal) => ({
          value: goal.id,
          text: goal.goalInFamilyWords,
          selected: values.goalId === goal.id,
        })),
      ],
      statuses: actionStatuses.map((value) => ({ value, text: statusInWords(value), checked: status === value })),
      needsReason: plan.status === 'agreed',
      canTakeOut: existing !== null,
      source: existing?.fromMeeting ? meetingSource(child.id, existing.fromMeeting) : null,
      conflict: conflict
        ? {
            ...conflictOf(conflict),
            rows: theirAction
              ? [
                  ['What will happen', theirAction.whatWillHappen, values.whatWillHappen],
                  ['Who will do it', theirAction.ownerName, ownerLabel(found, values)],
                  [
                    'By when',
                    dateInWords(theirAction.dueOn),
                    dateTyped(str(values.dueOnDay), str(values.dueOnMonth), str(values.dueOnYear)),
                  ],
                  [
                    'Where it has got to',
                    statusInWords(theirAction.status),
                    (actionStatuses as readonly string[]).includes(status)
                      ? statusInWords(status as (typeof actionStatuses)[number])
                      : '',
                  ],
                ]
              : null,
          }
        : null,
      values,
    },
  };
}

export function detailsForm(found: PlanView, values: Typed, conflict?: Conflict): FormView {
  return {
    template: 'plans/views/details.njk',
    context: {
      pageTitle: conflict ? 'Someone else changed this plan' : 'Change the plan’s details',
      planTitle: found.plan.title,
      backHref: plansPaths.plan.href(ids(found)),
      action: plansPaths.details.href(ids(found)),
      needsReason: found.plan.status === 'agreed',
      conflict: conflict
        ? {
            ...conflictOf(conflict),
            rows: [
              ['Name of the plan', conflict.theirs.title, str(values.title)],
              [
                'Starts',
                dateInWords(conflict.theirs.startsOn),
                dateTyped(str(values.startsOnDay), str(values.startsOnMonth), str(values.startsOnYear)),
              ],
              [
                'Next review by',
                dateInWords(conflict.theirs.reviewBy),
                dateTyped(str(values.reviewByDay), str(values.reviewByMonth), str(values.reviewByYear)),
              ],
              ['Support the family will get', conflict.theirs.support ?? '', str(values.support)],
            ],
          }
        : null,
      values,
    },
  };
}

export function agreeForm(found: PlanView, values: Typed): FormView {
  return {
    template: 'plans/views/agree.njk',
    context: {
      ...planFormTop(found, 'Record that the plan was agreed'),
      action: plansPaths.agree.href(ids(found)),
      values,
    },
  };
}

export function reviewForm(found: PlanView, values: Typed): FormView {
  const people = Array.from({ length: REVIEW_PEOPLE }, (_, index) => ({
    name: `person${index}`,
    label: `Person ${index + 1}`,
    value: values[`person${index}`] ?? '',
  }));
  return {
    template: 'plans/views/review.njk',
    context: {
      ...planFormTop(found, 'Record a review'),
      action: plansPaths.newReview.href(ids(found)),
      people,
      goals: found.content.goals.map((goal, goalIndex) => ({
        goalInFamilyWords: goal.goalInFamilyWords,
        scores: people.map((person, personIndex) => {
          const name = `score-${goalIndex}-${personIndex}`;
          return { name, label: `${person.label}’s score for goal ${goalIndex + 1}`, value: values[name] ?? '' };
        }),
      })),
      values,
    },
  };
}

const familyResponseNames: Record<(typeof agreementResponses)[number], string> = {
  agree: 'I agree',
  agree_with_comments: 'I agree, and I want to say something',
  do_not_agree: 'I do not agree',
};

export function agreementForm(found: PlanView, staff: boolean, values: Typed): FormView {
  return {
    template: 'plans/views/agreement.njk',
    context: {
      pageTitle: staff ? 'Record what someone thinks of the plan' : 'Tell us what you think of the plan',
      staff,
      planTitle: found.plan.title,
      backHref: plansPaths.family.href(ids(found)),
      action: plansPaths.agreement.href(ids(found)),
      people: [
        { value: '', text: 'Choose someone' },
        ...found.owners
          .filter((owner) => owner.circle === 'family')
          .map((owner) => ({ value: owner.personId, text: owner.name, selected: values.personId === owner.personId })),
      ],
      responses: agreementResponses.map((response) => ({
        value: response,
        text: staff ? agreementResponseNames[response] : familyResponseNames[response],
        checked: values.response === response,
      })),
      values,
    },
  };
}
