/**
 * Meetings, family group conferences and offers in the JSON API, through the same service and
 * rules as the pages. Input the schema can check is refused with 400; input only the rules can
 * check (a stage recorded too early, a plan accepted that misses a bottom line with no reason)
 * with 422, naming each field; a save from an older version with 409.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { meetingsPaths } from './paths.js';
import { attendances, conferenceStages, inviteeCircles, meetingKinds, offerResponses } from './schema.js';
import {
  addAction,
  addDecision,
  coordinatorsConferences,
  familyMeetingCounts,
  inviteSomeone,
  meetingsSection,
  offerFamilyMeeting,
  openMeeting,
  planMeeting,
  recordOfferAnswer,
  recordStage,
  recordWhatHappened,
  type InviteeRow,
  type MeetingRow,
  type Saved,
} from './service.js';
import type { StagePart } from './conference.js';

const childParams = z.object({ childId: z.string().max(64) });
const meetingParams = childParams.extend({ meetingId: z.string().max(64) });
const stageParams = meetingParams.extend({
  stage: z.enum(['preparation', 'information', 'private-family-time', 'agreement']),
});
const offerParams = childParams.extend({ offerId: z.string().max(64) });

const inviteeSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    name: z.string(),
    relationship: z.string().nullable(),
    circle: z.enum(inviteeCircles),
    attendance: z.enum(attendances),
    preparationVisitOn: z.string().nullable(),
  })
  .meta({ id: 'MeetingInvitee' });

const decisionSchema = z
  .object({ id: z.string(), decision: z.string(), reason: z.string() })
  .meta({ id: 'MeetingDecision' });
const actionSchema = z
  .object({
    id: z.string(),
    whatWillHappen: z.string(),
    ownerName: z.string(),
    dueOn: z.string(),
    forThePlan: z.boolean().describe('Whether it becomes an action of the child’s plan when the family plan is agreed'),
  })
  .meta({ id: 'MeetingAction' });

const conferenceSchema = z
  .object({
    preparation: z.record(z.string(), z.unknown()).optional(),
    information: z
      .object({
        worries: z.string(),
        strengths: z.string(),
        bottomLines: z.array(z.string()),
        resources: z.string().nullable(),
        questionsAndAnswers: z.string().nullable(),
      })
      .optional(),
    privateFamilyTime: z.object({ startedAt: z.string(), endedAt: z.string(), familyPlan: z.string() }).optional(),
    agreement: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'FamilyGroupConference' });

const meetingSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(meetingKinds),
    heldOn: z.string(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    place: z.string(),
    purpose: z.string().nullable(),
    childPreference: z.string().nullable().describe('How the child said they want to take part'),
    howChildTookPart: z.string().nullable(),
    whatWasShared: z.string().nullable(),
    professionalNotes: z.string().nullable().describe('Never given to the family: null for family members'),
    decisions: z.array(decisionSchema),
    actions: z.array(actionSchema),
    stage: z.enum(conferenceStages).nullable().describe('For family group conferences only'),
    coordinatorName: z.string().nullable(),
    conference: conferenceSchema,
    reviewOfMeetingId: z.uuid().nullable(),
    offerId: z.uuid().nullable(),
    planId: z.uuid().nullable().describe('The child’s plan the agreed family plan became'),
    version: z.number().int(),
    invitees: z.array(inviteeSchema),
  })
  .meta({ id: 'Meeting' });

const offerSchema = z
  .object({
    id: z.uuid(),
    offeredOn: z.string(),
    beforeDecision: z.string(),
    response: z.enum(offerResponses),
    respondedOn: z.string().nullable(),
    familyReason: z.string().nullable(),
  })
  .meta({ id: 'FamilyMeetingOffer' });

const countsSchema = z
  .object({
    children: z.number().int(),
    offered: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    awaiting: z.number().int(),
    held: z.number().int(),
    planAgreed: z.number().int(),
    reviewed: z.number().int(),
  })
  .meta({ id: 'FamilyMeetingCounts' });

const presentMeeting = (meeting: MeetingRow, invitees: InviteeRow[]) => ({
  id: meeting.id,
  kind: meeting.kind,
  heldOn: meeting.heldOn,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  place: meeting.place,
  purpose: meeting.purpose,
  childPreference: meeting.childPreference,
  howChildTookPart: meeting.howChildTookPart,
  whatWasShared: meeting.whatWasShared,
  professionalNotes: meeting.professionalNotes,
  decisions: meeting.decisions,
  actions: meeting.actions,
  stage: meeting.stage,
  coordinatorName: meeting.coordinatorName,
  conference: meeting.conference as z.infer<typeof conferenceSchema>,
  reviewOfMeetingId: meeting.reviewOfMeetingId,
  offerId: meeting.offerId,
  planId: meeting.planId,
  version: meeting.version,
  invitees: invitees.map((invitee) => ({
    id: invitee.id,
    personId: invitee.personId,
    name: invitee.name,
    relationship: invitee.relationship,
    circle: invitee.circle,
    attendance: invitee.attendance,
    preparationVisitOn: invitee.preparationVisitOn,
  })),
});

const notFound = 'There is no child’s record or meeting with that id that you may see.';

/** Sends the refusal for anything but a save; returns null when it was saved. */
function refusal(reply: FastifyReply, request: FastifyRequest, result: Saved) {
  if (result.outcome === 'not_found') return sendProblem(reply, request, 404, notFound);
  if (result.outcome === 'conflict') return sendProblem(reply, request, 409, result.message);
  if (result.outcome === 'invalid') {
    return sendProblem(reply, request, 422, result.issues.map((issue) => issue.message).join('. '), {
      errors: result.issues.map((issue) => ({ pointer: `/${issue.field}`, detail: issue.message })),
    });
  }
  return null;
}

const text = (max: number) => z.string().max(max).optional();
const partOf: Record<z.infer<typeof stageParams>['stage'], StagePart> = {
  preparation: 'preparation',
  information: 'information',
  'private-family-time': 'privateFamilyTime',
  agreement: 'agreement',
};

export function registerMeetingsApiRoutes(app: FastifyInstance, database: Database): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const tags = ['meetings and family group decision-making'];

  routes.get(
    meetingsPaths.api.meetings,
    {
      schema: {
        summary: 'A child’s meetings, newest first (for a family member: the ones they are invited to)',
        tags,
        security,
        params: childParams,
        response: {
          200: z.object({ meetings: z.array(meetingSchema), offers: z.array(offerSchema) }),
          404: problemSchema,
        },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const section = await meetingsSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) return sendProblem(reply, request, 404, notFound);
      return {
        meetings: section.meetings.map((meeting) => presentMeeting(meeting, meeting.invitees)),
        offers: section.offers.map((offer) => ({
          id: offer.id,
          offeredOn: offer.offeredOn,
          beforeDecision: offer.beforeDecision,
          response: offer.response,
          respondedOn: offer.respondedOn,
          familyReason: offer.familyReason,
        })),
      };
    },
  );

  routes.post(
    meetingsPaths.api.meetings,
    {
      schema: {
        summary: 'Plan a meeting (a family group conference needs an independent coordinator)',
        tags,
        security,
        params: childParams,
        body: z
          .object({
            kind: z.enum(meetingKinds),
            heldOn: z.string().max(10).describe('YYYY-MM-DD'),
            startsAt: text(5).describe('HH:MM, UK time'),
            endsAt: text(5),
            place: z.string().max(500),
            purpose: text(2000),
            coordinatorUserId: z.uuid().optional(),
            offerId: z.uuid().optional(),
            reviewOfMeetingId: z.uuid().optional(),
          })
          .meta({ id: 'NewMeeting' }),
        response: { 201: z.object({ meetingId: z.uuid() }), 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const result = await planMeeting(
        database,
        request.actor!,
        request.params.childId,
        request.body,
        requestSource(request),
      );
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ meetingId: result.meetingId });
    },
  );

  routes.get(
    meetingsPaths.api.meeting,
    {
      schema: {
        summary: 'One meeting: who was invited and came, what was shared, decisions, actions and stages',
        tags,
        security,
        params: meetingParams,
        response: { 200: meetingSchema, 404: problemSchema },
      },
      config: { access: view },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeeting(database, request.actor!, childId, meetingId, requestSource(request));
      if (!opened) return sendProblem(reply, request, 404, notFound);
      return presentMeeting(opened.meeting, opened.invitees);
    },
  );

  routes.patch(
    meetingsPaths.api.meeting,
    {
      schema: {
        summary: 'Record how the child took part, what was shared and the professionals’ notes',
        tags,
        security,
        params: meetingParams,
        body: z
          .object({
            version: z.number().int(),
            childPreference: text(2000),
            howChildTookPart: text(4000),
            whatWasShared: text(8000),
            professionalNotes: text(8000),
          })
          .meta({ id: 'WhatHappened' }),
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const { version, ...body } = request.body;
      const result = await recordWhatHappened(
        database,
        request.actor!,
        childId,
        meetingId,
        body,
        version,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? reply.status(204).send(null);
    },
  );

  routes.post(
    meetingsPaths.api.invitees,
    {
      schema: {
        summary: 'Invite someone from the child’s world (personId) or by name',
        tags,
        security,
        params: meetingParams,
        body: z
          .object({
            personId: z.uuid().optional(),
            name: text(200),
            relationship: text(200),
            circle: z.enum(inviteeCircles).optional(),
          })
          .meta({ id: 'NewInvitee' }),
        response: {
          201: z.object({ inviteeId: z.uuid() }),
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await inviteSomeone(
        database,
        request.actor!,
        childId,
        meetingId,
        request.body,
        requestSource(request),
      );
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ inviteeId: result.inviteeId });
    },
  );

  routes.post(
    meetingsPaths.api.decisions,
    {
      schema: {
        summary: 'Record a decision with its reason',
        tags,
        security,
        params: meetingParams,
        body: z.object({ decision: z.string().max(2000), reason: z.string().max(2000) }).meta({ id: 'NewDecision' }),
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await addDecision(
        database,
        request.actor!,
        childId,
        meetingId,
        request.body,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? reply.status(204).send(null);
    },
  );

  routes.post(
    meetingsPaths.api.actions,
    {
      schema: {
        summary: 'Record an action: what will happen, who will do it, by when',
        tags,
        security,
        params: meetingParams,
        body: z
          .object({
            whatWillHappen: z.string().max(2000),
            ownerName: z.string().max(200),
            dueOn: z.string().max(10),
            forThePlan: z.boolean().optional(),
          })
          .meta({ id: 'NewMeetingAction' }),
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const result = await addAction(
        database,
        request.actor!,
        childId,
        meetingId,
        request.body,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? reply.status(204).send(null);
    },
  );

  routes.put(
    meetingsPaths.api.stage,
    {
      schema: {
        summary:
          'Record a stage of a family group conference; each needs the ones before it. An accepted agreement makes the family’s plan the child’s plan',
        tags,
        security,
        params: stageParams,
        body: z
          .object({ version: z.number().int() })
          .catchall(z.union([z.string().max(16000), z.array(z.string().max(1000)).max(50)]))
          .meta({ id: 'ConferenceStage' }),
        response: {
          200: z.object({ planId: z.uuid().nullable() }),
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId, stage } = request.params;
      const { version, ...body } = request.body;
      const result = await recordStage(
        database,
        request.actor!,
        childId,
        meetingId,
        partOf[stage],
        body,
        version,
        requestSource(request),
      );
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return { planId: result.planId };
    },
  );

  routes.post(
    meetingsPaths.api.offers,
    {
      schema: {
        summary: 'Record that a family group decision-making meeting was offered, and before which decision',
        tags,
        security,
        params: childParams,
        body: z
          .object({ offeredOn: z.string().max(10), beforeDecision: z.string().max(500) })
          .meta({ id: 'NewFamilyMeetingOffer' }),
        response: { 201: z.object({ offerId: z.uuid() }), 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const result = await offerFamilyMeeting(
        database,
        request.actor!,
        request.params.childId,
        request.body,
        requestSource(request),
      );
      if (result.outcome !== 'saved') return refusal(reply, request, result)!;
      return reply.status(201).send({ offerId: result.offerId });
    },
  );

  routes.put(
    meetingsPaths.api.offer,
    {
      schema: {
        summary: 'Record the family’s answer to an offer (a no needs their reason)',
        tags,
        security,
        params: offerParams,
        body: z
          .object({
            response: z.enum(offerResponses),
            respondedOn: text(10),
            familyReason: text(2000),
          })
          .meta({ id: 'FamilyMeetingAnswer' }),
        response: { 204: z.null(), 404: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, offerId } = request.params;
      const result = await recordOfferAnswer(
        database,
        request.actor!,
        childId,
        offerId,
        request.body,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? reply.status(204).send(null);
    },
  );

  routes.get(
    meetingsPaths.api.conferences,
    {
      schema: {
        summary: 'The family group conferences you coordinate, with their stage and what is waiting',
        tags,
        security,
        response: {
          200: z.object({
            conferences: z.array(
              z
                .object({
                  meetingId: z.uuid(),
                  childId: z.uuid(),
                  childName: z.string(),
                  heldOn: z.string(),
                  stage: z.enum(conferenceStages),
                  waiting: z.array(z.string()),
                })
                .meta({ id: 'CoordinatedConference' }),
            ),
          }),
        },
      },
      config: { access: { permission: 'conferences.coordinate' } },
    },
    async (request) => {
      const list = await coordinatorsConferences(database, request.actor!, requestSource(request));
      return {
        conferences: list.map(({ meeting, child, waiting }) => ({
          meetingId: meeting.id,
          childId: child.childId,
          childName: child.fullName,
          heldOn: meeting.heldOn,
          stage: meeting.stage!,
          waiting,
        })),
      };
    },
  );

  routes.get(
    meetingsPaths.api.counts,
    {
      schema: {
        summary: 'Offers and outcomes of family group decision-making across the council, for the census',
        tags,
        security,
        response: { 200: countsSchema },
      },
      config: { access: { permission: 'family_meetings.count' } },
    },
    async (request) => familyMeetingCounts(database, request.actor!, requestSource(request)),
  );
}
