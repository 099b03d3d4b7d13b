/**
 * One set of rules for a person and a relationship, used by the HTML forms and the JSON API
 * alike. Messages follow the GOV.UK pattern: say what to do, in plain words.
 */
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { genders, personKinds } from '../people/schema.js';
import { circles, closenessLevels, qualities, supportDirections } from './schema.js';

/** Relationship types, in the words families use. Ordered as the form offers them. */
export const relationshipTypes = [
  'mother',
  'father',
  'parent',
  'step_parent',
  'carer',
  'partner',
  'married',
  'separated',
  'divorced',
  'grandmother',
  'grandfather',
  'grandparent',
  'sibling',
  'half_sibling',
  'step_sibling',
  'aunt',
  'uncle',
  'cousin',
  'godparent',
  'family_friend',
  'friend',
  'neighbour',
  'teacher',
  'youth_worker',
  'coach',
  'social_worker',
  'health_visitor',
  'doctor',
  'member',
  'other',
] as const;
export type RelationshipType = (typeof relationshipTypes)[number];

export const relationshipTypeNames: Record<RelationshipType, string> = {
  mother: 'Mother',
  father: 'Father',
  parent: 'Parent',
  step_parent: 'Step-parent',
  carer: 'Carer',
  partner: 'Partners',
  married: 'Married',
  separated: 'Separated',
  divorced: 'Divorced',
  grandmother: 'Grandmother',
  grandfather: 'Grandfather',
  grandparent: 'Grandparent',
  sibling: 'Brother or sister',
  half_sibling: 'Half-sibling',
  step_sibling: 'Step-sibling',
  aunt: 'Aunt',
  uncle: 'Uncle',
  cousin: 'Cousin',
  godparent: 'Godparent',
  family_friend: 'Family friend',
  friend: 'Friend',
  neighbour: 'Neighbour',
  teacher: 'Teacher',
  youth_worker: 'Youth worker',
  coach: 'Coach',
  social_worker: 'Social worker',
  health_visitor: 'Health visitor',
  doctor: 'Doctor',
  member: 'Member or regular',
  other: 'Something else',
};

export const networkMessages = {
  choosePerson: 'Choose a person from the network',
  samePerson: 'Choose two different people: a relationship is between two people',
  chooseType: 'Choose how they are related',
  chooseCloseness: 'Choose how close they are',
  chooseQuality: 'Choose how the relationship feels',
  chooseSupport: 'Choose which way support flows',
  chooseCircle: 'Choose where they belong in the child’s world',
  enterName: 'Enter their name',
  nameTooLong: 'Name must be 200 characters or fewer',
  knownAsTooLong: 'Known as must be 100 characters or fewer',
  pronounsTooLong: 'Pronouns must be 50 characters or fewer',
  roleTooLong: 'Role in the safety network must be 200 characters or fewer',
  notesTooLong: 'Notes must be 4,000 characters or fewer',
  contactTooLong: 'How to reach them must be 1,000 characters or fewer',
  bringsTooLong: 'What they bring must be 4,000 characters or fewer',
  languagesTooLong: 'Languages must be 300 characters or fewer',
  dateReal: 'Enter a real date, like 27 3 2019',
  dateFuture: 'The date must be today or in the past',
  endBeforeStart: 'The end date must be the same as or after the start date',
  birthFuture: 'Date of birth must be today or in the past',
  duplicate: 'This relationship is already recorded. Change the one that is there instead',
  reasonTooLong: 'Reason must be 2,000 characters or fewer',
  enterReason: 'Explain why they are no longer involved',
} as const;

const realIsoDate = isoDate(networkMessages.dateReal);
const notInFuture = (message: string) =>
  realIsoDate.refine((value) => value <= new Date().toISOString().slice(0, 10), message);
const optionalText = (max: number, message: string) =>
  text()
    .trim()
    .max(max, message)
    .nullish()
    .transform((value) => (value ? value : null));

const relationshipFactsShape = z.object({
  fromPersonId: z.uuid(networkMessages.choosePerson),
  toPersonId: z.uuid(networkMessages.choosePerson),
  type: z.enum(relationshipTypes, networkMessages.chooseType),
  closeness: z.enum(closenessLevels, networkMessages.chooseCloseness),
  quality: z.enum(qualities, networkMessages.chooseQuality),
  supportFlows: z.enum(supportDirections, networkMessages.chooseSupport),
  lovesTheChild: z.boolean().nullable(),
  childLovesThem: z.boolean().nullable(),
  lifelongConnection: z.boolean(),
  safetyNetworkRole: optionalText(200, networkMessages.roleTooLong),
  startedOn: notInFuture(networkMessages.dateFuture).nullable(),
  endedOn: notInFuture(networkMessages.dateFuture).nullable(),
  notes: optionalText(4000, networkMessages.notesTooLong),
});

const endNotBeforeStart = (facts: { startedOn: string | null; endedOn: string | null }) =>
  !facts.startedOn || !facts.endedOn || facts.endedOn >= facts.startedOn;

export const relationshipFactsSchema = relationshipFactsShape
  .refine((facts) => facts.fromPersonId !== facts.toPersonId, {
    message: networkMessages.samePerson,
    path: ['toPersonId'],
  })
  .refine(endNotBeforeStart, { message: networkMessages.endBeforeStart, path: ['endedOn'] })
  .meta({ id: 'RelationshipFacts' });
export type RelationshipInput = z.infer<typeof relationshipFactsSchema>;

/** How a newly added person relates to the child (the two ends are known). */
export const tieToChildSchema = relationshipFactsShape
  .omit({ fromPersonId: true, toPersonId: true })
  .refine(endNotBeforeStart, { message: networkMessages.endBeforeStart, path: ['endedOn'] })
  .meta({ id: 'TieToChild' });

export const newPersonSchema = z
  .object({
    kind: z.enum(personKinds).default('person'),
    fullName: text().trim().min(1, networkMessages.enterName).max(200, networkMessages.nameTooLong),
    knownAs: optionalText(100, networkMessages.knownAsTooLong),
    pronouns: optionalText(50, networkMessages.pronounsTooLong),
    gender: z.enum(genders).default('unknown'),
    dateOfBirth: notInFuture(networkMessages.birthFuture).nullable().default(null),
    dateOfBirthIsApproximate: z.boolean().default(false),
    diedOn: notInFuture(networkMessages.dateFuture).nullable().default(null),
    languages: z.array(text().trim().min(1).max(60)).max(10).default([]),
    contactDetails: optionalText(1000, networkMessages.contactTooLong),
    whatTheyBring: optionalText(4000, networkMessages.bringsTooLong),
  })
  .meta({ id: 'NewPerson' });
export type NewPersonInput = z.infer<typeof newPersonSchema>;

export const circleSchema = z.enum(circles, networkMessages.chooseCircle);
