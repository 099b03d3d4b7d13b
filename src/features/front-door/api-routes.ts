/**
 * The front door in the JSON API: the queue, a contact recorded (a draft or sent for a
 * decision) and changed, the people involved found or added, and the decision. Same service and
 * validation as the pages.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { answerConflict, answerInvalid, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { frontDoorPaths as paths } from './paths.js';
import { decisionNames } from './rules.js';
import { consents, contactKinds, contactStatuses, decisions, involvements, urgencies } from './schema.js';
import {
  addKnownPerson,
  addNewPerson,
  changeContact,
  decideContact,
  findPeople,
  frontDoorQueue,
  recordContact,
  viewContact,
  type ContactView,
} from './service.js';
import {
  contactSchema,
  decisionSchema,
  existingPersonSchema,
  findPersonSchema,
  newPersonSchema,
} from './validation.js';

const contactParams = z.object({ contactId: z.string().max(64) });
const nullableText = z.string().nullable();

const involvedSchema = z
  .object({
    personId: z.uuid(),
    involvement: z.enum(involvements),
    fullName: z.string(),
    dateOfBirth: z.iso.date().nullable(),
    nhsNumber: nullableText,
    hasChildRecord: z.boolean(),
    reReferral: z.boolean().describe('A child whose case closed within the 12 months before the contact'),
    referralId: z.uuid().nullable().describe('The referral the decision started for this child'),
  })
  .meta({ id: 'ContactPerson' });

const contactOutSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(contactStatuses),
    receivedOn: z.iso.date(),
    contactKind: z.enum(contactKinds).nullable(),
    contactName: nullableText,
    contactOrganisation: nullableText,
    relationshipToChild: nullableText,
    worries: nullableText,
    goingWell: nullableText,
    consent: z.enum(consents).nullable(),
    consentReason: nullableText,
    urgency: z.enum(urgencies).nullable(),
    decisionDueOn: z.iso.date().nullable().describe('From the council’s working-day clock; null once decided'),
    workingDaysLeft: z.number().int().nullable().describe('0 due today, negative when overdue'),
    reReferral: z.boolean(),
    people: z.array(involvedSchema),
    decision: z.enum(decisions).nullable(),
    decisionName: nullableText,
    decisionReasons: nullableText,
    letterToFamily: nullableText,
    decidedOn: z.iso.date().nullable(),
    decidedBy: nullableText,
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
    version: z.number().int().describe('Send as expectedVersion when changing the contact'),
  })
  .meta({ id: 'Contact' });

const present = ({ contact, people, clock, reReferral }: ContactView): z.infer<typeof contactOutSchema> => ({
  id: contact.id,
  status: contact.status,
  receivedOn: contact.receivedOn,
  contactKind: contact.contactKind,
  contactName: contact.contactName,
  contactOrganisation: contact.contactOrganisation,
  relationshipToChild: contact.relationshipToChild,
  worries: contact.worries,
  goingWell: contact.goingWell,
  consent: contact.consent,
  consentReason: contact.consentReason,
  urgency: contact.urgency,
  decisionDueOn: clock?.dueOn ?? null,
  workingDaysLeft: clock?.workingDaysLeft ?? null,
  reReferral,
  people: people.map((person) => ({
    personId: person.personId,
    involvement: person.involvement,
    fullName: person.fullName,
    dateOfBirth: person.dateOfBirth,
    nhsNumber: person.nhsNumber,
    hasChildRecord: person.hasChildRecord,
    reReferral: person.reReferral,
    referralId: person.referralId,
  })),
  decision: contact.decision,
  decisionName: contact.decision ? decisionNames[contact.decision] : null,
  decisionReasons: contact.decisionReasons,
  letterToFamily: contact.letterToFamily,
  decidedOn: contact.decidedOn,
  decidedBy: contact.decidedByLabel,
  recordedBy: contact.recordedByLabel,
  recordedAt: contact.recordedAt.toISOString(),
  version: contact.version,
});

const matchSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    dateOfBirth: z.iso.date().nullable(),
    postcode: nullableText,
    nhsNumber: nullableText,
    hasChildRecord: z.boolean(),
    matchedOn: z.array(z.string()),
  })
  .meta({ id: 'PossibleMatch' });

const notFound = 'There is no contact with that id.';

export function registerFrontDoorApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const record = { permission: 'front_door.record' } as const;
  const decide = { permission: 'front_door.decide' } as const;
  const tags = ['front door'];
  /** The contact as it is now, after a change (a second read, audited as a look). */
  const reread = async (request: Parameters<typeof call>[0], contactId: string) =>
    (await call(request, viewContact, contactId))!;

  routes.get(
    paths.api.contacts.pattern,
    apiRoute({
      summary:
        'The front-door queue: contacts waiting for a decision (oldest first, with the clock), drafts, and the latest decided',
      tags,
      access: record,
      responses: {
        200: z.object({
          awaiting: z.array(contactOutSchema),
          drafts: z.array(contactOutSchema),
          decided: z.array(contactOutSchema),
        }),
      },
    }),
    async (request) => {
      const queue = await call(request, frontDoorQueue);
      return {
        awaiting: queue.awaiting.map(present),
        drafts: queue.drafts.map(present),
        decided: queue.decided.map(present),
      };
    },
  );

  routes.post(
    paths.api.contacts.pattern,
    apiRoute({
      summary:
        'Record a contact: kept as a draft, or sent for a decision (then who got in touch, the worries, consent and urgency are needed)',
      tags,
      access: record,
      body: contactSchema,
      responses: { 201: contactOutSchema },
    }),
    async (request, reply) => {
      const contact = await call(request, recordContact, request.body);
      return reply.status(201).send(present(await reread(request, contact.id)));
    },
  );

  routes.get(
    paths.api.contact.pattern,
    apiRoute({
      summary: 'One contact, with the people involved, its clock and its decision',
      tags,
      access: record,
      params: contactParams,
      responses: { 200: contactOutSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const view = await call(request, viewContact, request.params.contactId);
      if (!view) return answerNotFound(reply, request, notFound);
      return present(view);
    },
  );

  routes.put(
    paths.api.contact.pattern,
    apiRoute({
      summary: 'Change a contact not yet decided (409 if someone else saved since expectedVersion, or it is decided)',
      tags,
      access: record,
      params: contactParams,
      body: contactSchema.safeExtend({ expectedVersion: z.number().int().min(1) }),
      responses: { 200: contactOutSchema },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { contactId } = request.params;
      const saved = await call(request, changeContact, contactId, request.body);
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (saved.outcome === 'decided')
        return answerConflict(reply, request, 'This contact has been decided. Nothing was saved.');
      if (saved.outcome === 'conflict') {
        return answerConflict(
          reply,
          request,
          'Someone else changed this contact since you read it. Nothing was saved.',
          {
            currentVersion: saved.current.version,
          },
        );
      }
      return present(await reread(request, contactId));
    },
  );

  routes.get(
    paths.api.possibleMatches.pattern,
    apiRoute({
      summary:
        'People the council already knows who may be the one looked for: by NHS number, or by name with a date of birth or postcode',
      tags,
      access: record,
      params: contactParams,
      querystring: findPersonSchema,
      responses: { 200: z.object({ matches: z.array(matchSchema) }) },
      problems: [404],
    }),
    async (request, reply) => {
      const matches = await call(request, findPeople, request.params.contactId, request.query);
      if (!matches) return answerNotFound(reply, request, notFound);
      return { matches };
    },
  );

  routes.post(
    paths.api.people.pattern,
    apiRoute({
      summary:
        'Add a child or adult to a contact: someone already known (personId), or someone new (409 when their NHS or pupil number is already recorded)',
      tags,
      access: record,
      params: contactParams,
      body: z.union([existingPersonSchema, newPersonSchema]),
      responses: { 201: z.object({ personId: z.uuid() }) },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const { contactId } = request.params;
      const added =
        'personId' in request.body
          ? await call(request, addKnownPerson, contactId, request.body)
          : await call(request, addNewPerson, contactId, request.body);
      if (added.outcome === 'not_found') return answerNotFound(reply, request, 'There is no such contact or person.');
      if (added.outcome === 'decided')
        return answerConflict(reply, request, 'This contact has been decided. Nothing was saved.');
      if (added.outcome === 'already_known') {
        return answerConflict(
          reply,
          request,
          'Someone with this NHS number or unique pupil number is already recorded.',
          {
            personId: added.personId,
          },
        );
      }
      return reply.status(201).send({ personId: added.personId });
    },
  );

  routes.post(
    paths.api.decision.pattern,
    apiRoute({
      summary:
        'Decide what happens to a contact, with reasons and what the family is told; a referral or strategy discussion opens each child’s record and starts a referral',
      tags,
      access: decide,
      audit: 'front_door.decided',
      params: contactParams,
      body: decisionSchema,
      responses: {
        200: contactOutSchema.safeExtend({
          referrals: z.array(z.object({ childId: z.uuid(), referralId: z.uuid().nullable() })),
        }),
      },
      problems: [404, 422],
    }),
    async (request, reply) => {
      const { contactId } = request.params;
      const decided = await call(request, decideContact, contactId, request.body);
      if (decided.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (decided.outcome === 'invalid') return answerInvalid(reply, request, [decided]);
      if (decided.outcome === 'refused') {
        return answerInvalid(reply, request, [
          { field: 'decision', message: `You cannot change ${decided.childName}’s record` },
        ]);
      }
      return { ...present(await reread(request, contactId)), referrals: decided.referrals };
    },
  );
}
