/**
 * The network's forms as typed: reading a posted tie or person into text values (kept to show
 * again unchanged), turning them into what the shared schemas (validation.ts) parse, and the
 * values a stored relationship or person starts a form with.
 */
import { dateInputParts, isoDateFromParts } from '../../platform/http/forms.js';
import { readText, type FormBody } from '../../platform/http/question-page.js';
import type { NetworkPersonView, RelationshipView } from './service.js';

const yesNoUnknown = (value: string): boolean | null => (value === 'yes' ? true : value === 'no' ? false : null);
const fromYesNo = (value: boolean | null) => (value === true ? 'yes' : value === false ? 'no' : 'unknown');
/** A ticked checkbox, as a form value. */
export const ticked = (value: boolean) => (value ? 'yes' : '');
/** An ISO date from the three boxes as typed; null when all are blank. */
const dateOf = (day: string, month: string, year: string) => isoDateFromParts(day, month, year) || null;
/** GOV.UK date input names its fields prefix-Day, prefix-Month and prefix-Year. */
const dateBoxes = (body: FormBody, prefix: string) =>
  [readText(body, `${prefix}-Day`), readText(body, `${prefix}-Month`), readText(body, `${prefix}-Year`)] as const;
const languagesOf = (typed: string) =>
  typed
    .split(',')
    .map((language) => language.trim())
    .filter(Boolean);

/** The fields a schema parses just as they were typed. */
const asTyped = <Values, Key extends keyof Values>(values: Values, keys: readonly Key[]) =>
  Object.fromEntries(keys.map((key) => [key, values[key]])) as Pick<Values, Key>;

/** The tie fields as typed. */
export function readTie(body: FormBody) {
  const [startedDay, startedMonth, startedYear] = dateBoxes(body, 'started');
  const [endedDay, endedMonth, endedYear] = dateBoxes(body, 'ended');
  return {
    type: readText(body, 'type'),
    closeness: readText(body, 'closeness'),
    quality: readText(body, 'quality'),
    supportFlows: readText(body, 'supportFlows'),
    lovesTheChild: readText(body, 'lovesTheChild') || 'unknown',
    childLovesThem: readText(body, 'childLovesThem') || 'unknown',
    lifelongConnection: ticked(readText(body, 'lifelongConnection') === 'yes'),
    safetyNetworkRole: readText(body, 'safetyNetworkRole'),
    notes: readText(body, 'notes'),
    startedDay,
    startedMonth,
    startedYear,
    endedDay,
    endedMonth,
    endedYear,
  };
}
export type TieValues = ReturnType<typeof readTie>;

/** What the tie schemas parse, from the tie fields as typed. */
export function tieInput(values: TieValues) {
  return {
    ...asTyped(values, ['type', 'closeness', 'quality', 'supportFlows', 'safetyNetworkRole', 'notes']),
    lovesTheChild: yesNoUnknown(values.lovesTheChild),
    childLovesThem: yesNoUnknown(values.childLovesThem),
    lifelongConnection: values.lifelongConnection === 'yes',
    startedOn: dateOf(values.startedDay, values.startedMonth, values.startedYear),
    endedOn: dateOf(values.endedDay, values.endedMonth, values.endedYear),
  };
}

/** The tie fields for a stored relationship. */
export function tieValuesOf(relationship: RelationshipView): TieValues {
  const started = dateInputParts(relationship.startedOn);
  const ended = dateInputParts(relationship.endedOn);
  return {
    type: relationship.type,
    closeness: relationship.closeness,
    quality: relationship.quality,
    supportFlows: relationship.supportFlows,
    lovesTheChild: fromYesNo(relationship.lovesTheChild),
    childLovesThem: fromYesNo(relationship.childLovesThem),
    lifelongConnection: ticked(relationship.lifelongConnection),
    safetyNetworkRole: relationship.safetyNetworkRole ?? '',
    notes: relationship.notes ?? '',
    startedDay: started.day,
    startedMonth: started.month,
    startedYear: started.year,
    endedDay: ended.day,
    endedMonth: ended.month,
    endedYear: ended.year,
  };
}

/** Where the error summary links for each tie or person field (a date links to its first box). */
export const fieldIds = {
  type: 'type',
  closeness: 'closeness',
  quality: 'quality',
  supportFlows: 'supportFlows',
  startedOn: 'startedOn-day',
  endedOn: 'endedOn-day',
  fromPersonId: 'fromPersonId',
  toPersonId: 'toPersonId',
  fullName: 'fullName',
  dateOfBirth: 'dob-day',
  circle: 'circle',
};

/** Someone's details as typed. */
export function readPerson(body: FormBody) {
  const [dobDay, dobMonth, dobYear] = dateBoxes(body, 'dob');
  return {
    kind: readText(body, 'kind') || 'person',
    fullName: readText(body, 'fullName'),
    knownAs: readText(body, 'knownAs'),
    pronouns: readText(body, 'pronouns'),
    gender: readText(body, 'gender') || 'unknown',
    dobDay,
    dobMonth,
    dobYear,
    dateOfBirthIsApproximate: ticked(readText(body, 'dateOfBirthIsApproximate') === 'yes'),
    languages: readText(body, 'languages'),
    contactDetails: readText(body, 'contactDetails'),
    whatTheyBring: readText(body, 'whatTheyBring'),
  };
}
export type PersonValues = ReturnType<typeof readPerson>;

/** What the person schema parses, from someone's details as typed. */
export function personInput(values: PersonValues) {
  return {
    ...asTyped(values, ['kind', 'fullName', 'knownAs', 'pronouns', 'gender', 'contactDetails', 'whatTheyBring']),
    dateOfBirth: dateOf(values.dobDay, values.dobMonth, values.dobYear),
    dateOfBirthIsApproximate: values.dateOfBirthIsApproximate === 'yes',
    languages: languagesOf(values.languages),
  };
}

/** Someone's stored details, as the form starts. */
export function personValuesOf(person: NetworkPersonView): PersonValues {
  const born = dateInputParts(person.dateOfBirth);
  return {
    kind: person.kind,
    fullName: person.fullName,
    knownAs: person.knownAs ?? '',
    pronouns: person.pronouns ?? '',
    gender: person.gender,
    dobDay: born.day,
    dobMonth: born.month,
    dobYear: born.year,
    dateOfBirthIsApproximate: ticked(person.dateOfBirthIsApproximate),
    languages: person.languages.join(', '),
    contactDetails: person.contactDetails ?? '',
    whatTheyBring: person.whatTheyBring ?? '',
  };
}
