/**
 * The child's network in the JSON API: one call returns the whole graph; changes go through
 * the same service and validation as the forms (and the ecomap editor in the browser).
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate } from '../../platform/http/dates.js';
import { text } from '../../platform/http/text.js';
import type { Database } from '../../platform/db/database.js';
import { sendProblem } from '../../platform/http/problem.js';
import { answerConflict, answerNoContent, answerNotFound } from '../../platform/http/api-answers.js';
import { apiRoute, serviceCaller } from '../../platform/http/api-route.js';
import { genders, personKinds } from '../people/schema.js';
import { networkPaths } from './paths.js';
import { circles, closenessLevels, qualities, supportDirections } from './schema.js';
import {
  addPersonToNetwork,
  changeRelationship,
  placePerson,
  possibleMatches,
  recordRelationship,
  viewNetwork,
  type NetworkView,
} from './service.js';
import {
  circleSchema,
  networkMessages,
  newPersonSchema,
  relationshipFactsSchema,
  tieToChildSchema,
} from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const personSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(personKinds),
    fullName: z.string(),
    knownAs: z.string().nullable(),
    pronouns: z.string().nullable(),
    gender: z.enum(genders),
    dateOfBirth: z.string().nullable(),
    dateOfBirthIsApproximate: z.boolean(),
    diedOn: z.string().nullable(),
    languages: z.array(z.string()),
    whatTheyBring: z.string().nullable(),
    contactDetails: z.string().nullable().describe('Shown to staff only'),
    circle: z.enum(circles).nullable().describe('Null for the child at the centre'),
    position: z.object({ x: z.number(), y: z.number() }).nullable(),
    noLongerInvolvedOn: z.string().nullable(),
    isChildWithRecord: z.boolean(),
  })
  .meta({ id: 'NetworkPerson' });
const relationshipSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    fromPersonId: z.uuid(),
    toPersonId: z.uuid(),
    type: z.string(),
    closeness: z.enum(closenessLevels),
    quality: z.enum(qualities),
    supportFlows: z.enum(supportDirections),
    lovesTheChild: z.boolean().nullable(),
    childLovesThem: z.boolean().nullable(),
    lifelongConnection: z.boolean(),
    safetyNetworkRole: z.string().nullable(),
    startedOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: 'Relationship' });
const networkSchema = z
  .object({
    childId: z.uuid(),
    asOf: z.string().nullable(),
    people: z.array(personSchema),
    relationships: z.array(relationshipSchema),
    households: z.array(z.object({ id: z.uuid(), name: z.string(), memberIds: z.array(z.uuid()) })),
  })
  .meta({ id: 'Network' });

export function presentNetwork(network: NetworkView): z.infer<typeof networkSchema> {
  const childIds = new Set(network.childIds);
  const person = (
    member: NetworkView['child'],
    extra: {
      circle: (typeof circles)[number] | null;
      position: { x: number; y: number } | null;
      noLongerInvolvedOn: string | null;
    },
  ) => ({
    id: member.id,
    kind: member.kind,
    fullName: member.fullName,
    knownAs: member.knownAs,
    pronouns: member.pronouns,
    gender: member.gender,
    dateOfBirth: member.dateOfBirth,
    dateOfBirthIsApproximate: member.dateOfBirthIsApproximate,
    diedOn: member.diedOn,
    languages: member.languages,
    whatTheyBring: member.whatTheyBring,
    contactDetails: member.contactDetails,
    isChildWithRecord: childIds.has(member.id),
    ...extra,
  });
  return {
    childId: network.child.id,
    asOf: network.asOf,
    people: [
      person(network.child, { circle: null, position: null, noLongerInvolvedOn: null }),
      ...network.members.map((member) =>
        person(member, {
          circle: member.circle,
          position:
            member.positionX !== null && member.positionY !== null
              ? { x: member.positionX, y: member.positionY }
              : null,
          noLongerInvolvedOn: member.noLongerInvolvedOn,
        }),
      ),
    ],
    relationships: network.relationships,
    households: network.households,
  };
}

const notFound = 'There is no child’s record with that id that you may see.';

const addPersonBody = z
  .object({
    person: z.union([newPersonSchema, z.object({ existingPersonId: z.uuid() })]),
    circle: circleSchema,
    relationshipToChild: tieToChildSchema.nullable(),
    position: z
      .object({ x: z.number().min(0).max(1000), y: z.number().min(0).max(1000) })
      .nullable()
      .default(null),
  })
  .meta({ id: 'AddPersonToNetwork' });

export function registerNetworkApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const call = serviceCaller(database);
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  routes.get(
    networkPaths.api.network.pattern,
    apiRoute({
      summary: 'A child’s whole network: people, relationships and households, now or on a past date',
      tags: ['network'],
      access: view,
      audit: 'child_record.view',
      params: childParams,
      querystring: z.object({ on: isoDate().optional().describe('Show the network as it stood on this date') }),
      responses: { 200: networkSchema },
      problems: [404],
    }),
    async (request, reply) => {
      const network = await viewNetwork(database, request.actor!, request.params.childId, requestSource(request), {
        onDate: request.query.on ?? null,
        part: 'network_api',
      });
      if (!network) return answerNotFound(reply, request, notFound);
      return presentNetwork(network);
    },
  );

  routes.post(
    networkPaths.api.people.pattern,
    apiRoute({
      summary: 'Add a new or already-recorded person to the child’s network',
      tags: ['network'],
      access: change,
      audit: 'network.person_added',
      params: childParams,
      body: addPersonBody,
      responses: {
        201: z.object({ personId: z.uuid(), relationshipId: z.uuid().nullable() }),
      },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const added = await call(request, addPersonToNetwork, request.params.childId, request.body);
      if (added.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (added.outcome === 'already_in_network') {
        return answerConflict(reply, request, 'This person is already in the child’s network.');
      }
      return reply.status(201).send({ personId: added.personId, relationshipId: added.relationshipId });
    },
  );

  routes.post(
    networkPaths.api.relationships.pattern,
    apiRoute({
      summary: 'Record a relationship between two people in the child’s network',
      tags: ['network'],
      access: change,
      audit: 'network.relationship_added',
      params: childParams,
      body: relationshipFactsSchema,
      responses: {
        201: z.object({ relationshipId: z.uuid(), version: z.number() }),
      },
      problems: [404, 409, 422],
    }),
    async (request, reply) => {
      const saved = await call(request, recordRelationship, request.params.childId, request.body);
      if (saved.outcome === 'not_found') return answerNotFound(reply, request, notFound);
      if (saved.outcome === 'not_in_network') {
        return sendProblem(reply, request, 422, 'Both people must be in the child’s network. Add them first.');
      }
      if (saved.outcome === 'duplicate') return answerConflict(reply, request, networkMessages.duplicate);
      if (saved.outcome !== 'saved') return answerConflict(reply, request, 'Someone else changed this relationship.');
      return reply.status(201).send({ relationshipId: saved.relationshipId, version: saved.version });
    },
  );

  routes.put(
    networkPaths.api.relationship.pattern,
    apiRoute({
      summary: 'Change a relationship (refused with 409 if someone else saved since expectedVersion)',
      tags: ['network'],
      access: change,
      audit: 'network.relationship_changed',
      params: childParams.extend({ relationshipId: z.uuid() }),
      body: z.object({
        facts: relationshipFactsSchema,
        expectedVersion: z.number().int().min(1),
        reason: text().trim().max(2000).nullable().default(null),
      }),
      responses: {
        200: z.object({ relationshipId: z.uuid(), version: z.number() }),
      },
      problems: [404, 409],
    }),
    async (request, reply) => {
      const saved = await call(
        request,
        changeRelationship,
        request.params.childId,
        request.params.relationshipId,
        request.body,
      );
      if (saved.outcome === 'not_found' || saved.outcome === 'not_in_network')
        return answerNotFound(reply, request, notFound);
      if (saved.outcome === 'duplicate') return answerConflict(reply, request, networkMessages.duplicate);
      if (saved.outcome === 'conflict') {
        return answerConflict(
          reply,
          request,
          'Someone else changed this relationship since you opened it. Nothing was saved.',
          {
            currentVersion: saved.current.version,
          },
        );
      }
      return { relationshipId: saved.relationshipId, version: saved.version };
    },
  );

  routes.put(
    networkPaths.api.position.pattern,
    apiRoute({
      summary: 'Where a person is drawn on the child’s ecomap (0 to 1000 each way; null to lay them out again)',
      tags: ['network'],
      access: change,
      audit: 'network.person_moved',
      params: childParams.extend({ personId: z.uuid() }),
      body: z.object({ x: z.number().min(0).max(1000), y: z.number().min(0).max(1000) }).nullable(),
      responses: { 204: z.null() },
      problems: [404],
    }),
    async (request, reply) => {
      const placed = await call(request, placePerson, request.params.childId, request.params.personId, request.body);
      if (!placed) return answerNotFound(reply, request, notFound);
      return answerNoContent(reply);
    },
  );

  routes.get(
    networkPaths.api.possibleMatches.pattern,
    apiRoute({
      summary: 'People already recorded in the council whose names look like this one',
      tags: ['network'],
      access: change,
      audit: 'network.change',
      params: childParams,
      querystring: z.object({ name: text().trim().min(2).max(200) }),
      responses: {
        200: z.object({
          matches: z.array(
            z.object({
              id: z.uuid(),
              fullName: z.string(),
              knownAs: z.string().nullable(),
              dateOfBirth: z.string().nullable(),
              score: z.number(),
            }),
          ),
        }),
      },
      problems: [404],
    }),
    async (request, reply) => {
      const matches = await call(request, possibleMatches, request.params.childId, request.query.name);
      if (!matches) return answerNotFound(reply, request, notFound);
      return { matches };
    },
  );
}
