/** What the front door's forms share: date inputs kept as typed, and the form for a contact. */
import { dateInputParts, isoDateFromParts } from '../../../platform/http/forms.js';
import { readText, type FormBody } from '../../../platform/http/question-page.js';
import type { ContactRow } from '../queries.js';

export type DateValues = { day: string; month: string; year: string };

/** A GOV.UK date input's three boxes named `name-Day`, `name-Month`, `name-Year`, as typed. */
export const readDateInput = (body: FormBody, name: string): DateValues => ({
  day: readText(body, `${name}-Day`),
  month: readText(body, `${name}-Month`),
  year: readText(body, `${name}-Year`),
});

export const isoDateOf = (date: DateValues) => isoDateFromParts(date.day, date.month, date.year);

export const dateValuesOf = (isoDate: string | null): DateValues => dateInputParts(isoDate);

export interface ContactFormValues {
  [field: string]: string;
  receivedDay: string;
  receivedMonth: string;
  receivedYear: string;
  contactKind: string;
  contactName: string;
  contactOrganisation: string;
  relationshipToChild: string;
  worries: string;
  goingWell: string;
  consent: string;
  consentReason: string;
  urgency: string;
  action: string;
  expectedVersion: string;
}

const contactTextFields = [
  'contactKind',
  'contactName',
  'contactOrganisation',
  'relationshipToChild',
  'worries',
  'goingWell',
  'consent',
  'consentReason',
  'urgency',
] as const;

export function readContactForm(body: FormBody): ContactFormValues {
  const received = readDateInput(body, 'received');
  const values = Object.fromEntries(contactTextFields.map((field) => [field, readText(body, field)]));
  return {
    ...(values as Record<(typeof contactTextFields)[number], string>),
    receivedDay: received.day,
    receivedMonth: received.month,
    receivedYear: received.year,
    action: readText(body, 'action'),
    expectedVersion: readText(body, 'expectedVersion'),
  };
}

export function contactFormOf(contact: ContactRow | null, today: string): ContactFormValues {
  const received = dateValuesOf(contact?.receivedOn ?? today);
  const values = Object.fromEntries(contactTextFields.map((field) => [field, contact?.[field] ?? '']));
  return {
    ...(values as Record<(typeof contactTextFields)[number], string>),
    receivedDay: received.day,
    receivedMonth: received.month,
    receivedYear: received.year,
    action: '',
    expectedVersion: contact ? String(contact.version) : '',
  };
}

/** The schema's input from the form: blank choices are left out, and "Save as draft" keeps it a draft. */
export function contactInputOf(values: ContactFormValues) {
  const optional = (value: string) => (value === '' ? null : value);
  return {
    sendForDecision: values.action !== 'draft',
    receivedOn: isoDateOf({ day: values.receivedDay, month: values.receivedMonth, year: values.receivedYear }),
    contactKind: optional(values.contactKind),
    contactName: values.contactName,
    contactOrganisation: values.contactOrganisation,
    relationshipToChild: values.relationshipToChild,
    worries: values.worries,
    goingWell: values.goingWell,
    consent: optional(values.consent),
    consentReason: values.consentReason,
    urgency: optional(values.urgency),
  };
}

export const contactFieldIds = {
  receivedOn: 'received-day',
  contactKind: 'contactKind',
  consent: 'consent',
  urgency: 'urgency',
};

type DateFields<Prefix extends string> = Record<`${Prefix}Day` | `${Prefix}Month` | `${Prefix}Year`, string>;

/** A date input's three boxes as form values named `prefixDay`, `prefixMonth`, `prefixYear`. */
export const dateFieldsOf = <Prefix extends string>(prefix: Prefix, date: DateValues) =>
  ({ [`${prefix}Day`]: date.day, [`${prefix}Month`]: date.month, [`${prefix}Year`]: date.year }) as DateFields<Prefix>;

/** The ISO date of the boxes named by `prefix` in the form's values ('' when blank). */
export const isoDateIn = <Prefix extends string>(values: DateFields<Prefix>, prefix: Prefix) =>
  isoDateFromParts(values[`${prefix}Day`], values[`${prefix}Month`], values[`${prefix}Year`]);

/** Text fields and one date input (posted as `prefix-Day`, …), as the form's values. */
export function readFieldsAndDate<Field extends string, Prefix extends string>(
  body: FormBody,
  fields: readonly Field[],
  prefix: Prefix,
): Record<Field, string> & DateFields<Prefix> {
  const texts = Object.fromEntries(fields.map((field) => [field, readText(body, field)])) as Record<Field, string>;
  return { ...texts, ...dateFieldsOf(prefix, readDateInput(body, prefix)) };
}
