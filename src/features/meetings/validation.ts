/**
 * What each meeting form and API body must hold, as zod schemas with GOV.UK-style messages
 * naming the field. The pages and the API check with the same schemas; dates arrive as ISO
 * strings ('' when not given, 'not-a-date' when typed wrongly). A schema accepts what it gives
 * back (an optional text left out is null; a yes or no question is a boolean), so the API can
 * check a body with it before the service checks it again.
 */
import { z } from 'zod';
import { isoDate, optionalIsoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { attendances, inviteeCircles, meetingKinds, offerResponses } from './schema.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const requiredText = (max: number, message: string, tooLong = `Use ${max} characters or fewer`) =>
  text({ error: message }).trim().min(1, message).max(max, tooLong);
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .nullish()
    .transform((value) => (value ? value : null));
const requiredDate = (missing: string, wrong: string) => isoDate({ missing, wrong });
const optionalDate = (wrong: string) => optionalIsoDate(wrong).describe('A date, YYYY-MM-DD, if known');
const optionalTime = (wrong: string) =>
  text()
    .trim()
    .optional()
    .refine((value) => !value || TIME.test(value), wrong)
    .transform((value) => (value ? value : null));
const yesNo = (message: string) =>
  z
    .union([z.enum(['yes', 'no']), z.boolean()], { error: message })
    .transform((value) => value === 'yes' || value === true)
    .describe('yes or no (or true or false)');

export const newMeetingSchema = z
  .object({
    kind: z.enum(meetingKinds, { error: 'Select what kind of meeting it is' }),
    heldOn: requiredDate(
      'Enter the date of the meeting',
      'The date of the meeting must be a real date, like 15 1 2027',
    ),
    startsAt: optionalTime('Enter the start time like 10:00, using the 24-hour clock'),
    endsAt: optionalTime('Enter the end time like 12:30, using the 24-hour clock'),
    place: requiredText(500, 'Enter where the meeting is'),
    purpose: optionalText(2000),
    coordinatorUserId: text()
      .optional()
      .transform((value) => (value ? value : null)),
    offerId: text()
      .optional()
      .transform((value) => (value ? value : null)),
    reviewOfMeetingId: text()
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((meeting, context) => {
    if (meeting.startsAt && meeting.endsAt && meeting.endsAt <= meeting.startsAt) {
      context.addIssue({ code: 'custom', path: ['endsAt'], message: 'The meeting must end after it starts' });
    }
    if (meeting.kind === 'family_group_conference' && !meeting.coordinatorUserId) {
      context.addIssue({
        code: 'custom',
        path: ['coordinatorUserId'],
        message: 'Select the coordinator of the family group conference',
      });
    }
  });
export type NewMeeting = z.infer<typeof newMeetingSchema>;

export const inviteeSchema = z
  .object({
    personId: text()
      .optional()
      .transform((value) => (value ? value : null)),
    name: optionalText(200),
    relationship: optionalText(200),
    circle: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.enum(inviteeCircles, { error: 'Select whether they are family, network or a professional' }).optional(),
    ),
  })
  .superRefine((invitee, context) => {
    if (!invitee.personId && !invitee.name) {
      context.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'Choose someone from the child’s world, or type the name of the person invited',
      });
    }
    if (!invitee.personId && !invitee.circle) {
      context.addIssue({
        code: 'custom',
        path: ['circle'],
        message: 'Select whether they are family, network or a professional',
      });
    }
  });
export type InviteeEntry = z.infer<typeof inviteeSchema>;

export const preparationVisitSchema = z.object({
  attendance: z.enum(attendances, { error: 'Select whether they came' }),
  preparationVisitOn: optionalDate('The date of the preparation visit must be a real date, like 10 1 2027'),
  preparationNotes: optionalText(4000),
});

export const outcomeSchema = z.object({
  childPreference: optionalText(2000),
  howChildTookPart: optionalText(4000),
  whatWasShared: optionalText(8000),
  professionalNotes: optionalText(8000),
});

export const decisionSchema = z.object({
  decision: requiredText(2000, 'Enter the decision'),
  reason: requiredText(2000, 'Enter the reason for the decision'),
});

export const actionSchema = z.object({
  whatWillHappen: requiredText(2000, 'Enter what will happen'),
  ownerName: requiredText(200, 'Enter who will do it'),
  dueOn: requiredDate(
    'Enter when it will be done by',
    'The date it will be done by must be a real date, like 1 2 2027',
  ),
  // A checkbox: 'yes' when ticked, nothing (or '' from a form that has no such box) when not.
  forThePlan: z
    .union([z.enum(['yes', '']), z.boolean()])
    .nullish()
    .transform((value) => value === 'yes' || value === true),
});

export const preparationSchema = z.object({
  referredOn: requiredDate('Enter the date of the referral', 'The date of the referral must be a real date'),
  whyReferred: requiredText(2000, 'Enter why the family was referred, in plain words'),
  familyAgreedOn: requiredDate(
    'Enter the date the family agreed to a conference',
    'The date the family agreed must be a real date',
  ),
  childPreparation: optionalText(4000),
  advocate: optionalText(500),
  language: optionalText(200),
  interpreter: optionalText(500),
  accessNeeds: optionalText(1000),
  venue: optionalText(500),
  food: optionalText(500),
  childcare: optionalText(500),
});

export const informationSchema = z.object({
  worries: requiredText(8000, 'Enter the worries professionals shared, in plain words'),
  strengths: requiredText(8000, 'Enter the strengths professionals shared'),
  bottomLines: z
    .array(text().trim().min(1).max(1000, 'Use 1000 characters or fewer for each bottom line'), {
      error: 'Enter the bottom lines, one a line',
    })
    .min(1, 'Enter at least one bottom line that any plan must meet'),
  resources: optionalText(4000),
  questionsAndAnswers: optionalText(8000),
});

export const privateTimeSchema = z.object({
  startedAt: text().trim().default('').describe('HH:MM, UK time'),
  endedAt: text().trim().default('').describe('HH:MM, UK time'),
  familyPlan: text().trim().max(16000, 'Use 16000 characters or fewer').default(''),
});

export const agreementSchema = z.object({
  meetsBottomLines: yesNo('Select whether the family’s plan meets every bottom line'),
  unmetBottomLinesReason: optionalText(4000),
  planAccepted: yesNo('Select whether the plan is accepted'),
  whatWasAgreed: text().trim().max(16000, 'Use 16000 characters or fewer').default(''),
  changesAndWhy: optionalText(4000),
  resourcesCommitted: optionalText(4000),
  whoWillTellChild: text().trim().max(500, 'Use 500 characters or fewer').default(''),
  reviewOn: z
    .union([z.literal(''), isoDate('The review date must be a real date, like 20 1 2027')], {
      error: 'The review date must be a real date, like 20 1 2027',
    })
    .default('')
    .describe('When the family plan will be reviewed, YYYY-MM-DD (or blank)'),
});

export const offerSchema = z.object({
  offeredOn: requiredDate('Enter the date the meeting was offered', 'The date of the offer must be a real date'),
  beforeDecision: requiredText(500, 'Enter the decision the offer comes before, like ‘going to court’'),
});

export const offerResponseSchema = z
  .object({
    response: z.enum(offerResponses, { error: 'Select the family’s answer' }),
    respondedOn: optionalDate('The date of the answer must be a real date'),
    familyReason: optionalText(2000),
  })
  .superRefine((answer, context) => {
    if (answer.response !== 'awaiting' && !answer.respondedOn) {
      context.addIssue({ code: 'custom', path: ['respondedOn'], message: 'Enter the date the family answered' });
    }
    if (answer.response === 'declined' && !answer.familyReason) {
      context.addIssue({
        code: 'custom',
        path: ['familyReason'],
        message: 'Enter the family’s reason for saying no, in their words',
      });
    }
  });

export const withdrawalSchema = z.object({
  reason: optionalText(2000),
});

/** Which plan, and which of its goals (null: the whole plan), a meeting's action is added to. */
export const actionToPlanSchema = z.object({
  planId: text({ error: 'Choose which plan it goes in, and which goal it serves' })
    .trim()
    .min(1, 'Choose which plan it goes in, and which goal it serves')
    .max(64),
  goalId: text()
    .max(64)
    .nullish()
    .transform((value) => (value ? value : null)),
  expectedVersion: z.coerce
    .number({ error: 'Open the page again: the version of the plan you chose from is missing' })
    .int()
    .min(1, 'Open the page again: the version of the plan you chose from is missing'),
  ownerCircle: text()
    .max(32)
    .nullish()
    .transform((value) => (value ? value : null)),
});
