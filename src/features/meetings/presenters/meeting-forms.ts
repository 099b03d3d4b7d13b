/**
 * The forms that change one meeting, and the four stages of a family group conference: each
 * form's heading, fields, and what it shows first. They share one page (views/form.njk) and one
 * way of being saved (routes/meeting-forms.ts).
 */
import {
  isWithdrawn,
  meetingKindNames,
  stillInvited,
  withdrawalProblem,
  type Conference,
  type StagePart,
} from '../conference.js';
import { presentDate } from '../../child-record/index.js';
import { meetingPaths, stageSlugs } from '../paths.js';
import { agreementSchema, informationSchema, preparationSchema, privateTimeSchema } from '../validation.js';
import type { InviteeRow, MeetingView } from '../service.js';
import {
  area,
  attendanceNames,
  dateField,
  dateValues,
  inviteeCircleNames,
  radios,
  select,
  text,
  yesNo,
  type Field,
  type Values,
} from './fields.js';
import { childName, recordHeader, timeText } from './meeting.js';

/** A form that changes a meeting. */
export interface MeetingForm {
  /** What the audit entry of opening it says was opened. */
  part: string;
  heading: string;
  /** The fields read from the posted form; dates as their three boxes. */
  names: string[];
  dates: string[];
  intro: (opened: MeetingView) => string[];
  /** What the form shows first, or null when there is nothing of that meeting to change (404). */
  stored: (opened: MeetingView, params: Readonly<Record<string, string>>) => Values | null;
  fields: (values: Values, opened: MeetingView) => Field[];
}

/** The page of a form that changes a meeting, with the version read kept in the form. */
export function meetingFormPage(
  form: MeetingForm,
  opened: MeetingView,
  action: string,
  values: Values,
  conflict: string | null,
  backHref: string,
) {
  return {
    pageTitle: `${form.heading} – ${meetingKindNames[opened.meeting.kind]} – ${childName(opened.child)}`,
    ...recordHeader(opened.child, form.heading),
    backHref,
    backText: 'Back to the meeting',
    action,
    intro: [`${meetingKindNames[opened.meeting.kind]}, ${presentDate(opened.meeting.heldOn)}.`, ...form.intro(opened)],
    fields: [
      { type: 'hidden', name: 'version', value: String(opened.meeting.version) },
      ...form.fields(values, opened),
    ],
    conflict,
  };
}

const nothingStored = () => ({});
const noIntro = () => [];

/** The forms of a meeting, by what they record. */
export const meetingForms = {
  invite: {
    part: 'invite',
    heading: 'Invite someone',
    names: ['personId', 'name', 'relationship', 'circle'],
    dates: [],
    intro: () => ['Choose someone from the child’s world, or type the name of someone else.'],
    stored: nothingStored,
    fields: (values, opened) => {
      const invited = new Set(stillInvited(opened.invitees).map((invitee) => invitee.personId));
      return [
        select(
          'personId',
          `Someone in ${childName(opened.child)}’s world`,
          [
            { value: '', text: 'Choose someone' },
            ...opened.people
              .filter((person) => !invited.has(person.id))
              .map((person) => ({
                value: person.id,
                text: person.id === opened.child.childId ? `${person.name} (the child)` : person.name,
              })),
          ],
          values,
        ),
        { type: 'heading', text: 'Or someone else' },
        text('name', 'Their name', values),
        text('relationship', 'Who they are to the child (optional)', values, { hint: 'For example, ‘school nurse’' }),
        radios('circle', 'They are', inviteeCircleNames, values, { classes: 'govuk-radios--small' }),
      ];
    },
  },
  invitee: {
    part: 'invitee',
    heading: 'Preparation and attendance',
    names: ['attendance', 'preparationNotes'],
    dates: ['preparationVisitOn'],
    intro: noIntro,
    stored: (opened, params) => {
      const invitee = opened.invitees.find((candidate) => candidate.id === params.inviteeId);
      if (!invitee || isWithdrawn(invitee)) return null;
      return {
        attendance: invitee.attendance,
        preparationNotes: invitee.preparationNotes ?? '',
        ...dateValues('preparationVisitOn', invitee.preparationVisitOn),
      };
    },
    fields: (values) => [
      dateField('preparationVisitOn', 'When were they visited to prepare? (optional)', values),
      area('preparationNotes', 'What they want to say, and what helps them take part (optional)', values, {
        rows: 3,
      }),
      radios('attendance', 'Did they come?', attendanceNames, values, { classes: 'govuk-radios--small' }),
    ],
  },
  whatHappened: {
    part: 'what_happened',
    heading: 'What happened',
    names: ['childPreference', 'howChildTookPart', 'whatWasShared', 'professionalNotes'],
    dates: [],
    intro: noIntro,
    stored: ({ meeting }) => ({
      childPreference: meeting.childPreference ?? '',
      howChildTookPart: meeting.howChildTookPart ?? '',
      whatWasShared: meeting.whatWasShared ?? '',
      professionalNotes: meeting.professionalNotes ?? '',
    }),
    fields: (values, opened) => [
      area('childPreference', `How ${childName(opened.child)} said they want to take part`, values, { rows: 2 }),
      area('howChildTookPart', `How ${childName(opened.child)} took part`, values, {
        rows: 3,
        hint: 'For example, came for the first half, or Nan read out their letter',
      }),
      area('whatWasShared', 'What was shared', values, { rows: 6, hint: 'The family can read this' }),
      area('professionalNotes', 'Professionals’ notes (optional)', values, {
        rows: 4,
        family: false,
        hint: 'Only professionals see these: never the family',
      }),
    ],
  },
  decision: {
    part: 'decision',
    heading: 'Record a decision',
    names: ['decision', 'reason'],
    dates: [],
    intro: noIntro,
    stored: nothingStored,
    fields: (values) => [
      area('decision', 'What was decided?', values, { rows: 3 }),
      area('reason', 'Why?', values, { rows: 3 }),
    ],
  },
  action: {
    part: 'action',
    heading: 'Record an action',
    names: ['whatWillHappen', 'ownerName', 'forThePlan'],
    dates: ['dueOn'],
    intro: noIntro,
    stored: nothingStored,
    fields: (values, opened) => [
      area('whatWillHappen', 'What will happen?', values, { rows: 3 }),
      text('ownerName', 'Who will do it?', values),
      dateField('dueOn', 'By when?', values),
      ...(opened.meeting.stage
        ? [
            {
              type: 'checkbox',
              name: 'forThePlan',
              legend: 'The child’s plan',
              label: 'Add it to the child’s plan when the family plan is agreed',
              checked: values.forThePlan === 'yes',
            },
          ]
        : []),
    ],
  },
} satisfies Record<string, MeetingForm>;

/** A stage of a conference: its form, and the part of the conference it records. */
export interface StageForm extends MeetingForm {
  part: StagePart;
}

interface StageFormDefinition {
  part: StagePart;
  heading: string;
  intro: string[];
  /** The stage's schema (the API's too): its fields are the form's, its dates as three boxes. */
  schema: { shape: object };
  dates: string[];
  fields: (values: Values) => Field[];
  stored: (conference: Conference) => Values;
}

/** A stage's recorded fields as the form's text (nothing when it is not recorded yet). */
const textsOf = (stored: object | undefined): Values =>
  Object.fromEntries(Object.entries(stored ?? {}).map(([key, value]) => [key, String(value ?? '')]));

/** A stage's form shows what was recorded, and only for a family group conference. */
function stageForm({ schema, ...definition }: StageFormDefinition): StageForm {
  return {
    ...definition,
    names: Object.keys(schema.shape).filter((name) => !definition.dates.includes(name)),
    intro: () => definition.intro,
    stored: (opened) => (opened.meeting.stage ? definition.stored(opened.meeting.conference) : null),
    fields: (values) => definition.fields(values),
  };
}

/** The four stages' forms, by the slug in their path. */
export const stageForms: Record<string, StageForm> = {
  [stageSlugs.preparation]: stageForm({
    part: 'preparation',
    heading: 'Preparation',
    intro: [
      'The family says yes to a conference, then the coordinator and the family choose together whom to invite. The coordinator visits each person to prepare them.',
    ],
    schema: preparationSchema,
    dates: ['referredOn', 'familyAgreedOn'],
    fields: (values) => [
      dateField('referredOn', 'When was the family referred for a conference?', values),
      area('whyReferred', 'Why, in plain words', values, { rows: 3 }),
      dateField('familyAgreedOn', 'When did the family agree to a conference?', values),
      { type: 'heading', text: 'The child' },
      area('childPreparation', 'How the child was prepared, and how they want to take part (optional)', values, {
        hint: 'For example, in the room for part of it, through a letter or a drawing, or with someone speaking for them',
      }),
      text('advocate', 'Advocate for the child, if they want one (optional)', values),
      { type: 'heading', text: 'Practical arrangements' },
      text('language', 'Language the family want to use (optional)', values),
      text('interpreter', 'Interpreter (optional)', values),
      area('accessNeeds', 'Access needs (optional)', values, { rows: 2 }),
      text('venue', 'Where it will be held (optional)', values),
      text('food', 'Food (optional)', values),
      text('childcare', 'Childcare for younger children (optional)', values),
    ],
    stored: (conference) => {
      const stored = conference.preparation;
      return {
        ...textsOf(stored),
        ...dateValues('referredOn', stored?.referredOn),
        ...dateValues('familyAgreedOn', stored?.familyAgreedOn),
      };
    },
  }),
  [stageSlugs.information]: stageForm({
    part: 'information',
    heading: 'Information',
    intro: [
      'Professionals share what they are worried about, in plain words, and what is working well. Bottom lines are what any plan must make sure of. The family can ask anything.',
    ],
    schema: informationSchema,
    dates: [],
    fields: (values) => [
      area('worries', 'What professionals are worried about', values),
      area('strengths', 'What is working well', values),
      area('bottomLines', 'Bottom lines that any plan must meet', values, { hint: 'One on each line' }),
      area('resources', 'Help and resources that are available (optional)', values, { rows: 3 }),
      area('questionsAndAnswers', 'The family’s questions, and the answers (optional)', values),
    ],
    stored: ({ information }) => ({
      ...textsOf(information),
      bottomLines: information?.bottomLines.join('\n') ?? '',
    }),
  }),
  [stageSlugs.privateFamilyTime]: stageForm({
    part: 'privateFamilyTime',
    heading: 'Private family time',
    intro: [
      'The family talks alone and makes its plan. Only when it started and ended is recorded, and the plan as the family brings it back, in their own words.',
    ],
    schema: privateTimeSchema,
    dates: [],
    fields: (values) => [
      text('startedAt', 'When did private family time start?', values, {
        hint: 'For example, 11:00',
        classes: 'govuk-input--width-5',
      }),
      text('endedAt', 'When did it end?', values, { hint: 'For example, 12:15', classes: 'govuk-input--width-5' }),
      area('familyPlan', 'The family’s plan, in their words', values, { rows: 8 }),
    ],
    stored: ({ privateFamilyTime }) => textsOf(privateFamilyTime),
  }),
  [stageSlugs.agreement]: stageForm({
    part: 'agreement',
    heading: 'Agreement',
    intro: [
      'Professionals come back and hear the family’s plan. If it is accepted, it becomes the child’s plan, and everyone can see it came from this conference.',
    ],
    schema: agreementSchema,
    dates: ['reviewOn'],
    fields: (values) => [
      radios('meetsBottomLines', 'Does the family’s plan meet every bottom line?', yesNo, values, {
        classes: 'govuk-radios--inline',
      }),
      area('unmetBottomLinesReason', 'If not, why is it accepted? (needed if the plan is accepted)', values, {
        rows: 3,
      }),
      radios('planAccepted', 'Is the plan accepted?', yesNo, values, {
        classes: 'govuk-radios--inline',
        hint: 'If not, the family can go back to private time to change it',
      }),
      area('whatWasAgreed', 'What was agreed, or what needs to change', values),
      area('changesAndWhy', 'What was changed from the family’s plan, and why (optional)', values, { rows: 3 }),
      area('resourcesCommitted', 'Help and resources committed (optional)', values, { rows: 3 }),
      text('whoWillTellChild', 'Who will tell the child about the plan?', values),
      dateField('reviewOn', 'When will the family plan be reviewed?', values),
    ],
    stored: (conference) => {
      const stored = conference.agreement;
      if (!stored) return {};
      return {
        meetsBottomLines: stored.meetsBottomLines ? 'yes' : 'no',
        unmetBottomLinesReason: stored.unmetBottomLinesReason ?? '',
        planAccepted: stored.planAccepted ? 'yes' : 'no',
        whatWasAgreed: stored.whatWasAgreed,
        changesAndWhy: stored.changesAndWhy ?? '',
        resourcesCommitted: stored.resourcesCommitted ?? '',
        whoWillTellChild: stored.whoWillTellChild,
        ...dateValues('reviewOn', stored.reviewOn),
      };
    },
  }),
};

/** The confirmation before an invitation is withdrawn, or why it cannot be. */
export function withdrawalPage(
  opened: MeetingView,
  invitee: InviteeRow,
  values: Values,
  ids: { childId: string; meetingId: string; inviteeId: string },
) {
  const { meeting } = opened;
  const kindName = meetingKindNames[meeting.kind];
  const problem = withdrawalProblem(invitee, meeting, opened.today);
  return {
    pageTitle: `Withdraw ${invitee.name}’s invitation – ${kindName} – ${childName(opened.child)}`,
    ...recordHeader(opened.child, `Are you sure you want to withdraw ${invitee.name}’s invitation?`),
    backHref: meetingPaths.meeting.href({ childId: ids.childId, meetingId: ids.meetingId }),
    action: meetingPaths.withdrawInvitation.href(ids),
    meetingText: `${kindName}, ${presentDate(meeting.heldOn)}, ${timeText(meeting)}, ${meeting.place}.`,
    inviteeName: invitee.name,
    // Shown instead of the form when the invitation cannot be withdrawn.
    problem: problem?.message ?? null,
    values,
  };
}
