/**
 * Meetings, family group conferences and offers in the JSON API, through the same service and
 * rules as the pages. Input the schema can check is refused with 400; input only the rules can
 * check (a stage recorded too early, a plan accepted that misses a bottom line with no reason)
 * with 422, naming each field; a save from an older version with 409. Each stage of a
 * conference has its own endpoint, whose body is the stage's own schema, the one its page uses.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { problemSchema, sendProblem } from '../../platform/http/problem.js';
import { meetingsPaths } from './paths.js';
import { attendances, conferenceStages, inviteeCircles, meetingKinds, offerResponses } from './schema.js';
import { ownerCircles, todayInUk } from '../plans/index.js';
import {
  addAction,
  addActionToPlan,
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
  withdrawInvitation,
  type InviteeRow,
  type MeetingActionInPlan,
  type MeetingRow,
  type Saved,
} from './service.js';
import type { StagePart } from './conference.js';
import { stageSlugs } from './paths.js';
import { agreementSchema, informationSchema, preparationSchema, privateTimeSchema } from './validation.js';

const childParams = z.object({ childId: z.string().max(64) });
const meetingParams = childParams.extend({ meetingId: z.string().max(64) });
const inviteeParams = meetingParams.extend({ inviteeId: z.string().max(64) });
const actionParams = meetingParams.extend({ actionId: z.string().max(64) });
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
    withdrawnOn: z
      .string()
      .nullable()
      .describe('When the invitation was withdrawn (before the meeting), or null. Staff only see these'),
    withdrawalReason: z.string().nullable(),
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
    inPlan: z
      .object({ planId: z.uuid(), planActionId: z.string(), planTitle: z.string() })
      .nullable()
      .describe('The child’s plan action it became, or null (always null for the family)'),
  })
  .meta({ id: 'MeetingAction' });

const maybeText = z.string().nullable().optional();
const conferenceSchema = z
  .object({
    preparation: z
      .object({
        referredOn: z.string(),
        whyReferred: z.string(),
        familyAgreedOn: z.string(),
        childPreparation: maybeText,
        advocate: maybeText,
        language: maybeText,
        interpreter: maybeText,
        accessNeeds: maybeText,
        venue: maybeText,
        food: maybeText,
        childcare: maybeText,
      })
      .optional(),
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
    agreement: z
      .object({
        meetsBottomLines: z.boolean(),
        unmetBottomLinesReason: maybeText,
        planAccepted: z.boolean(),
        whatWasAgreed: z.string(),
        changesAndWhy: maybeText,
        resourcesCommitted: maybeText,
        whoWillTellChild: z.string(),
        reviewOn: z.string(),
      })
      .optional(),
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

const presentMeeting = (
  meeting: MeetingRow,
  invitees: InviteeRow[],
  actionsInPlans: Map<string, MeetingActionInPlan>,
) => ({
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
  actions: meeting.actions.map((action) => ({ ...action, inPlan: actionsInPlans.get(action.id) ?? null })),
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
    withdrawnOn: invitee.withdrawnAt ? todayInUk(invitee.withdrawnAt) : null,
    withdrawalReason: invitee.withdrawalReason,
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

/**
 * A stage's body: the version read, and exactly the fields of the stage's own schema (the one
 * its page checks with). A field of another stage, or one misspelt, is refused by name.
 */
function stageBody<Shape extends z.core.$ZodLooseShape>(name: string, id: string, shape: Shape) {
  return z
    .strictObject(
      { version: z.number().int().describe('The meeting’s version you read'), ...shape },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `The ${name} stage has no ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}. Its fields are: version, ${Object.keys(shape).join(', ')}`
            : undefined,
      },
    )
    .meta({ id });
}

const stages = [
  {
    slug: stageSlugs.preparation,
    part: 'preparation',
    summary:
      'Record the preparation of a family group conference: the referral, the family’s agreement, the child, arrangements',
    body: stageBody('preparation', 'ConferencePreparationStage', preparationSchema.shape),
  },
  {
    slug: stageSlugs.information,
    part: 'information',
    summary: 'Record the information stage: worries, strengths, bottom lines, help available, questions answered',
    body: stageBody('information', 'ConferenceInformationStage', informationSchema.shape),
  },
  {
    slug: stageSlugs.privateFamilyTime,
    part: 'privateFamilyTime',
    summary: 'Record private family time: when it started and ended, and the family’s plan in their words',
    body: stageBody('private family time', 'ConferencePrivateFamilyTimeStage', privateTimeSchema.shape),
  },
  {
    slug: stageSlugs.agreement,
    part: 'agreement',
    summary: 'Record the agreement; an accepted plan becomes the child’s plan (a review’s, a new version of it)',
    body: stageBody('agreement', 'ConferenceAgreementStage', agreementSchema.shape),
  },
] satisfies { slug: string; part: StagePart; summary: string; body: z.ZodType }[];

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
        meetings: section.meetings.map((meeting) => presentMeeting(meeting, meeting.invitees, meeting.actionsInPlans)),
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
      return presentMeeting(opened.meeting, opened.invitees, opened.actionsInPlans);
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

  for (const stage of stages) {
    routes.put(
      meetingsPaths.api.stage(stage.slug),
      {
        schema: {
          summary: stage.summary,
          description:
            'Each stage needs the ones before it (422 otherwise). The body holds the version read and exactly this stage’s fields: a field of another stage is refused with 400, naming it.',
          tags,
          security,
          params: meetingParams,
          body: stage.body,
          response: {
            200: z.object({ planId: z.uuid().nullable() }),
            400: problemSchema,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
          },
        },
        config: { access: change },
      },
      async (request, reply) => {
        const { childId, meetingId } = request.params;
        const { version, ...body } = request.body;
        const result = await recordStage(
          database,
          request.actor!,
          childId,
          meetingId,
          stage.part,
          body,
          version,
          requestSource(request),
        );
        if (result.outcome !== 'saved') return refusal(reply, request, result)!;
        return { planId: result.planId };
      },
    );
  }

  routes.post(
    meetingsPaths.api.withdrawal,
    {
      schema: {
        summary:
          'Withdraw an invitation before the meeting is held; it stays in the meeting’s record, marked withdrawn',
        description:
          'Refused with 422 when the person came, the invitation is already withdrawn, or the meeting has been held.',
        tags,
        security,
        params: inviteeParams,
        body: z
          .object({ reason: text(2000).describe('Why, in plain words: “invited by mistake”') })
          .meta({ id: 'InvitationWithdrawal' }),
        response: { 204: z.null(), 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId, inviteeId } = request.params;
      const result = await withdrawInvitation(
        database,
        request.actor!,
        childId,
        meetingId,
        inviteeId,
        request.body,
        requestSource(request),
      );
      return refusal(reply, request, result) ?? reply.status(204).send(null);
    },
  );

  const inPlanSchema = z
    .object({
      planId: z.uuid(),
      planActionId: z.string(),
      alreadyInPlan: z.boolean().describe('True when an earlier call (or the family plan) had already added it'),
    })
    .meta({ id: 'MeetingActionInPlan' });
  routes.post(
    meetingsPaths.api.actionToPlan,
    {
      schema: {
        summary: 'Make a meeting’s action an action of one of the child’s plans, with the meeting kept as its source',
        description:
          'Once only: when a plan already holds the action, answers 200 with where it is and changes nothing. 409 when the plan changed since expectedVersion; 422 when the child has no plan yet, or the plan, goal or owner’s circle is not right.',
        tags,
        security,
        params: actionParams,
        body: z
          .object({
            planId: z.uuid().describe('One of the child’s plans'),
            goalId: z
              .string()
              .max(64)
              .nullable()
              .default(null)
              .describe('One of the plan’s goals; null for the whole plan'),
            expectedVersion: z.number().int().min(1).describe('The plan’s version you read'),
            ownerCircle: z
              .enum(ownerCircles)
              .optional()
              .describe(
                'Whether the owner is family, network or a professional; found from the child’s network when left out',
              ),
          })
          .meta({ id: 'MeetingActionToPlan' }),
        response: {
          200: inPlanSchema,
          201: inPlanSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      config: { access: change },
    },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const result = await addActionToPlan(
        database,
        request.actor!,
        childId,
        meetingId,
        actionId,
        request.body,
        requestSource(request),
      );
      switch (result.outcome) {
        case 'added':
          return reply
            .status(201)
            .send({ planId: result.planId, planActionId: result.planActionId, alreadyInPlan: false });
        case 'already_in_plan':
          return reply
            .status(200)
            .send({ planId: result.planId, planActionId: result.planActionId, alreadyInPlan: true });
        case 'no_plan':
          return sendProblem(
            reply,
            request,
            422,
            'The child has no plan yet: start one (POST /api/v1/children/{childId}/plans), then add the action to it.',
            { errors: [{ pointer: '/planId', detail: 'The child has no plan yet' }] },
          );
        case 'not_found':
        case 'conflict':
        case 'invalid':
          return refusal(reply, request, result)!;
      }
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
