/** The forms that plan a meeting, record an offer of a family meeting, and the family's answer. */
import { presentDate, type ChildSummary } from '../../child-record/index.js';
import { meetingKindNames } from '../conference.js';
import { meetingPaths } from '../paths.js';
import type { OfferRow } from '../queries.js';
import { meetingKinds } from '../schema.js';
import type { MeetingPlanningForm } from '../service.js';
import { area, dateField, radios, select, text, type Field, type Values } from './fields.js';
import { childName, recordHeader } from './meeting.js';

export const meetingFields = {
  names: ['kind', 'startsAt', 'endsAt', 'place', 'purpose', 'coordinatorUserId', 'offerId', 'reviewOfMeetingId'],
  dates: ['heldOn'],
};

export function newMeetingPage(form: MeetingPlanningForm, values: Values) {
  const name = childName(form.child);
  const { childId } = form.child;
  const fields: Field[] = [
    radios(
      'kind',
      'What kind of meeting is it?',
      Object.fromEntries(meetingKinds.map((kind) => [kind, meetingKindNames[kind]])),
      values,
    ),
    dateField('heldOn', 'When is it?', values),
    text('startsAt', 'Start time (optional)', values, {
      hint: 'For example, 10:00',
      classes: 'govuk-input--width-5',
    }),
    text('endsAt', 'End time (optional)', values, { hint: 'For example, 12:30', classes: 'govuk-input--width-5' }),
    text('place', 'Where is it?', values, { hint: 'A place the family can find, or ‘Video call’' }),
    area('purpose', 'What is it for? (optional)', values, { rows: 3 }),
    { type: 'heading', text: 'Family group conferences' },
    select(
      'coordinatorUserId',
      'Coordinator',
      [
        { value: '', text: 'Choose the coordinator' },
        ...form.coordinators.map((coordinator) => ({ value: coordinator.userId, text: coordinator.fullName })),
      ],
      values,
      { hint: 'Someone independent of the work with the family, not the allocated worker' },
    ),
  ];
  // A choice of an accepted offer, or of a conference to review, only when there is one.
  const optional = (name: string, label: string, none: string, options: { value: string; text: string }[]) =>
    options.length ? [select(name, label, [{ value: '', text: none }, ...options], values)] : [];
  fields.push(
    ...optional(
      'offerId',
      'The offer the family accepted (optional)',
      'None',
      form.acceptedOffers.map((offer) => ({
        value: offer.id,
        text: `Offered ${presentDate(offer.offeredOn)}, before ${offer.beforeDecision}`,
      })),
    ),
    ...optional(
      'reviewOfMeetingId',
      'Is it a review of a family plan? (optional)',
      'No, a new conference',
      form.agreedConferences.map((meeting) => ({
        value: meeting.id,
        text: `Review of the conference on ${presentDate(meeting.heldOn)}`,
      })),
    ),
  );
  return {
    pageTitle: `Plan a meeting – ${name}`,
    ...recordHeader(form.child, 'Plan a meeting'),
    backHref: meetingPaths.section.href({ childId }),
    action: meetingPaths.newMeeting.href({ childId }),
    insets: [
      form.childPreference
        ? `How ${name} said they want to take part in meetings: ${form.childPreference}`
        : `${name} has not yet said how they want to take part in meetings. Ask them, and record it on the meeting.`,
    ],
    fields,
    submitText: 'Plan the meeting',
  };
}

export function newOfferPage(child: ChildSummary, values: Values) {
  const { childId } = child;
  return {
    pageTitle: `Record an offer – ${childName(child)}`,
    ...recordHeader(child, 'Record an offer of a family meeting'),
    backHref: meetingPaths.section.href({ childId }),
    action: meetingPaths.newOffer.href({ childId }),
    fields: [
      dateField('offeredOn', 'When was the family offered a family group decision-making meeting?', values),
      text('beforeDecision', 'Before which decision?', values, {
        hint: 'For example, ‘going to court’ or ‘a change of home’',
      }),
    ],
  };
}

export function offerAnswerPage({ child, offer }: { child: ChildSummary; offer: OfferRow }, values: Values) {
  const { childId } = child;
  return {
    pageTitle: `The family’s answer – ${childName(child)}`,
    ...recordHeader(child, 'The family’s answer'),
    backHref: meetingPaths.section.href({ childId }),
    action: meetingPaths.offer.href({ childId, offerId: offer.id }),
    intro: [`Offered on ${presentDate(offer.offeredOn)}, before ${offer.beforeDecision}.`],
    fields: [
      radios(
        'response',
        'What did the family say?',
        { accepted: 'Yes, they want a meeting', declined: 'No', awaiting: 'Not yet answered' },
        values,
      ),
      dateField('respondedOn', 'When did they answer?', values),
      area('familyReason', 'If they said no, their reason, in their words', values, { rows: 3 }),
    ],
  };
}
