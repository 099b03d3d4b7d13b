/** Pure functions shaping contacts for the front door's pages. */
import { formatNhsNumber } from '../../platform/identifiers/index.js';
import { presentDate } from '../child-record/index.js';
import type { ContactRow, InvolvedPerson } from './queries.js';
import { consentNames, contactKindNames, decisionNames, urgencyNames, type DecisionClock } from './rules.js';
import { consents, contactKinds, decisions, urgencies, type ContactStatus } from './schema.js';
import { frontDoorPaths as paths } from './paths.js';
import type { ContactView } from './service.js';

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const dayInWords = (isoDate: string) => `${weekday.format(new Date(`${isoDate}T00:00:00Z`))} ${presentDate(isoDate)}`;

/** "Due today", "Due by Tuesday 8 December 2026 (1 working day)", "Overdue: was due Monday 7 December 2026". */
export function presentClock(
  clock: DecisionClock | null,
): { text: string; overdue: boolean; dueToday: boolean } | null {
  if (!clock) return null;
  if (clock.overdue) return { text: `Overdue: was due ${dayInWords(clock.dueOn)}`, overdue: true, dueToday: false };
  if (clock.workingDaysLeft === 0) return { text: 'Due today', overdue: false, dueToday: true };
  const days = `${clock.workingDaysLeft} working ${clock.workingDaysLeft === 1 ? 'day' : 'days'}`;
  return { text: `Due by ${dayInWords(clock.dueOn)} (${days})`, overdue: false, dueToday: false };
}

const statusNames: Record<ContactStatus, string> = {
  draft: 'Draft',
  awaiting_decision: 'Waiting for a decision',
  decided: 'Decided',
};

const childrenOf = (people: readonly InvolvedPerson[]) =>
  people.filter((person) => person.involvement === 'child').map((person) => person.fullName);

export function presentQueueRow(view: ContactView) {
  const children = childrenOf(view.people);
  return {
    href: paths.contact.href({ contactId: view.contact.id }),
    children: children.length ? children.join(', ') : 'No child added yet',
    receivedOn: presentDate(view.contact.receivedOn),
    from:
      view.contact.contactOrganisation ??
      (view.contact.contactKind ? contactKindNames[view.contact.contactKind] : 'Not recorded yet'),
    urgency: view.contact.urgency ? urgencyNames[view.contact.urgency] : 'Not recorded yet',
    urgent: view.contact.urgency === 'immediate',
    clock: presentClock(view.clock),
    reReferral: view.reReferral,
    recordedBy: view.contact.recordedByLabel,
    decision: view.contact.decision ? decisionNames[view.contact.decision] : null,
    decidedOn: view.contact.decidedOn ? presentDate(view.contact.decidedOn) : null,
  };
}

const row = (key: string, value: string | null | undefined) => ({
  key: { text: key },
  value: { text: value && value.trim() !== '' ? value : 'Not recorded' },
});

/** The contact as a summary list. */
export function contactRows(contact: ContactRow) {
  return [
    row('Date of the contact', presentDate(contact.receivedOn)),
    row('Who got in touch', contact.contactKind ? contactKindNames[contact.contactKind] : null),
    row('Their name', contact.contactName),
    row('Organisation', contact.contactOrganisation),
    row('Relationship to the child', contact.relationshipToChild),
    row('What they are worried about, in their words', contact.worries),
    row('What is going well', contact.goingWell),
    row('Does the family know and agree?', contact.consent ? consentNames[contact.consent] : null),
    ...(contact.consent && contact.consent !== 'given'
      ? [row('Why we go ahead without agreement', contact.consentReason)]
      : []),
    row('How urgent', contact.urgency ? urgencyNames[contact.urgency] : null),
    row('Recorded by', contact.recordedByLabel),
  ];
}

export function decisionRows(contact: ContactRow) {
  if (!contact.decision) return [];
  return [
    row('Decision', decisionNames[contact.decision]),
    row('Reasons', contact.decisionReasons),
    row('Decided on', contact.decidedOn ? presentDate(contact.decidedOn) : null),
    row('Decided by', contact.decidedByLabel),
  ];
}

export function presentPeople(people: readonly (InvolvedPerson & { reReferral: boolean })[]) {
  return people.map((person) => ({
    name: person.fullName,
    involvement: person.involvement === 'child' ? 'Child' : 'Adult',
    dateOfBirth: person.dateOfBirth ? presentDate(person.dateOfBirth) : 'Not known',
    nhsNumber: person.nhsNumber ? formatNhsNumber(person.nhsNumber) : 'Not known',
    known: person.hasChildRecord ? 'Has a child’s record' : '',
    reReferral: person.reReferral,
  }));
}

export const statusName = (status: ContactStatus) => statusNames[status];

const radios = <Key extends string>(keys: readonly Key[], names: Record<Key, string>, chosen: string) =>
  keys.map((value) => ({ value, text: names[value], checked: value === chosen }));

export const contactKindItems = (chosen: string) => radios(contactKinds, contactKindNames, chosen);
export const consentItems = (chosen: string) => radios(consents, consentNames, chosen);
export const urgencyItems = (chosen: string) => radios(urgencies, urgencyNames, chosen);
export const decisionItems = (chosen: string) => radios(decisions, decisionNames, chosen);

export const involvementItems = (chosen: string) => [
  { value: 'child', text: 'A child', checked: chosen === 'child' },
  { value: 'adult', text: 'An adult', checked: chosen === 'adult' },
];
export { presentDate, dayInWords };
