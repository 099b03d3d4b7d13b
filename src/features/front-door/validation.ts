/**
 * One set of rules for a contact, a person involved and a decision, used by the pages and the
 * JSON API alike. Messages follow the GOV.UK pattern.
 */
import { z } from 'zod';
import { isoDate, optionalIsoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import { consents, contactKinds, decisions, involvements, urgencies } from './schema.js';
import { optionalNhsNumber, optionalUpn } from '../../platform/identifiers/index.js';

export const frontDoorMessages = {
  chooseKind: 'Choose who got in touch',
  enterName: 'Enter the name of the person who got in touch, or choose anonymous',
  enterWorries: 'Enter what they are worried about, in their own words',
  chooseConsent: 'Choose whether the family knows and agrees',
  enterConsentReason: 'Enter why we are going ahead without the family’s agreement',
  chooseUrgency: 'Choose how urgent this is',
  receivedReal: 'Enter the date of the contact as a real date, for example 27 3 2026',
  receivedFuture: 'The date of the contact must be today or in the past',
  tooLong: (what: string, most: string) => `${what} must be ${most} characters or fewer`,
  chooseInvolvement: 'Choose whether this is a child or an adult',
  enterFullName: 'Enter their full name',
  dateOfBirthReal: 'Enter their date of birth as a real date, for example 27 3 2015',
  dateOfBirthFuture: 'Their date of birth must be in the past',
  findBy: 'Enter an NHS number, or a name with a date of birth or postcode',
  chooseDecision: 'Choose what happens next',
  enterReasons: 'Enter the reasons for this decision',
  enterLetter: 'Enter what we tell the family, in plain words',
  decidedReal: 'Enter the date of the decision as a real date, for example 27 3 2026',
  decidedFuture: 'The date of the decision must be today or in the past',
  decidedBeforeReceived: 'The date of the decision must be the same as or after the date of the contact',
  noChild: 'Add the child this contact is about before deciding',
  notAwaiting: 'This contact is not waiting for a decision',
  stale: 'Someone else changed this contact since you opened it. Check it and try again.',
} as const;

const today = () => new Date().toISOString().slice(0, 10);
const optionalText = (what: string, most: number) =>
  text()
    .trim()
    .max(most, frontDoorMessages.tooLong(what, most.toLocaleString('en-GB')))
    .optional()
    .transform((value) => (value === '' || value === undefined ? null : value));

/** A contact as typed: everything optional while it is a draft, the rest checked when it is sent for a decision. */
export const contactSchema = z
  .object({
    sendForDecision: z.boolean().describe('true: send it to the queue for a decision; false: keep it as a draft'),
    receivedOn: isoDate(frontDoorMessages.receivedReal).refine(
      (value) => value <= today(),
      frontDoorMessages.receivedFuture,
    ),
    contactKind: z
      .enum(contactKinds, frontDoorMessages.chooseKind)
      .nullish()
      .transform((value) => value ?? null),
    contactName: optionalText('The name', 300),
    contactOrganisation: optionalText('The organisation', 300),
    relationshipToChild: optionalText('Their relationship to the child', 300),
    worries: optionalText('What they are worried about', 8000),
    goingWell: optionalText('What is going well', 8000),
    consent: z
      .enum(consents, frontDoorMessages.chooseConsent)
      .nullish()
      .transform((value) => value ?? null),
    consentReason: optionalText('The reason', 2000),
    urgency: z
      .enum(urgencies, frontDoorMessages.chooseUrgency)
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((contact, context) => {
    if (!contact.sendForDecision) return;
    const missing = (path: string, message: string) => {
      context.addIssue({ code: 'custom', path: [path], message });
    };
    if (!contact.contactKind) missing('contactKind', frontDoorMessages.chooseKind);
    else if (contact.contactKind !== 'anonymous' && !contact.contactName)
      missing('contactName', frontDoorMessages.enterName);
    if (!contact.worries) missing('worries', frontDoorMessages.enterWorries);
    if (!contact.consent) missing('consent', frontDoorMessages.chooseConsent);
    else if (contact.consent !== 'given' && !contact.consentReason)
      missing('consentReason', frontDoorMessages.enterConsentReason);
    if (!contact.urgency) missing('urgency', frontDoorMessages.chooseUrgency);
  });
export type ContactInput = z.infer<typeof contactSchema>;

const nhsNumber = optionalNhsNumber();
const uniquePupilNumber = optionalUpn();

/** How to look for someone already known: by NHS number, or by name with a date of birth or postcode. */
export const findPersonSchema = z
  .object({
    nhsNumber,
    fullName: optionalText('The name', 300),
    dateOfBirth: optionalIsoDate(frontDoorMessages.dateOfBirthReal),
    postcode: optionalText('The postcode', 10),
  })
  .refine((find) => find.nhsNumber || (find.fullName && (find.dateOfBirth || find.postcode)), {
    message: frontDoorMessages.findBy,
    path: ['nhsNumber'],
  });
export type FindPerson = z.infer<typeof findPersonSchema>;

/** Someone new to the council, involved in a contact. */
export const newPersonSchema = z.object({
  involvement: z.enum(involvements, frontDoorMessages.chooseInvolvement),
  fullName: text({ error: frontDoorMessages.enterFullName })
    .trim()
    .min(1, frontDoorMessages.enterFullName)
    .max(300, frontDoorMessages.tooLong('Their full name', '300')),
  dateOfBirth: optionalIsoDate(frontDoorMessages.dateOfBirthReal).refine(
    (value) => value === null || value < today(),
    frontDoorMessages.dateOfBirthFuture,
  ),
  nhsNumber,
  uniquePupilNumber,
  address: optionalText('The address', 500),
  postcode: optionalText('The postcode', 10),
});
export type NewPersonInput = z.infer<typeof newPersonSchema>;

/** Someone already recorded in the council, involved in a contact. */
export const existingPersonSchema = z
  .object({
    involvement: z.enum(involvements, frontDoorMessages.chooseInvolvement),
    personId: z.uuid('Choose the person'),
  })
  .meta({ id: 'KnownPersonAtFrontDoor' });
export type ExistingPersonInput = z.infer<typeof existingPersonSchema>;

export const decisionSchema = z
  .object({
    decision: z.enum(decisions, frontDoorMessages.chooseDecision),
    reasons: text({ error: frontDoorMessages.enterReasons })
      .trim()
      .min(1, frontDoorMessages.enterReasons)
      .max(4000, frontDoorMessages.tooLong('The reasons', '4,000')),
    letterToFamily: text({ error: frontDoorMessages.enterLetter })
      .trim()
      .min(1, frontDoorMessages.enterLetter)
      .max(8000, frontDoorMessages.tooLong('What we tell the family', '8,000')),
    decidedOn: isoDate(frontDoorMessages.decidedReal).refine(
      (value) => value <= today(),
      frontDoorMessages.decidedFuture,
    ),
  })
  .meta({ id: 'ContactDecision' });
export type DecisionInput = z.infer<typeof decisionSchema>;
