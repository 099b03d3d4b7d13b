/**
 * A child's meetings in the JSON API: listing and planning them, one meeting, what happened,
 * who is invited, decisions, actions, each stage of a conference, and withdrawing an invitation.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { answerNoContent, answerNotFound, apiSecurity, problemResponses } from '../../../platform/http/api-answers.js';
import { isoDate } from '../../../platform/http/dates.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingPaths } from '../paths.js';
import { forInvitees } from '../routes/access.js';
import { inviteeCircles, meetingKinds } from '../schema.js';
import {
  addAction,
  addDecision,
  inviteSomeone,
  meetingsSection,
  openMeeting,
  planMeeting,
  recordStage,
  recordWhatHappened,
  withdrawInvitation,
} from '../service.js';
import {
  api,
  change,
  childParams,
  inviteeParams,
  meetingParams,
  meetingSchema,
  notFound,
  offerSchema,
  presentMeeting,
  refusal,
  requiredText,
  stages,
  text,
  view,
} from './schemas.js';

export function registerMeetingApi(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { tags } = api;

  routes.get(
    meetingPaths.api.meetings.pattern,
    {
      schema: {
        summary: 'A child’s meetings, newest first (for a family member: the ones they are invited to)',
        tags,
        security: apiSecurity,
        params: childParams,
        response: {
          200: z.object({ meetings: z.array(meetingSchema), offers: z.array(offerSchema) }),
          ...problemResponses(404),
        },
      },
      config: { access: view, audit: 'meeting.list', audiences: forInvitees },
    },
    async (request, reply) => {
      const section = await meetingsSection(database, request.actor!, request.params.childId, requestSource(request));
      if (!section) return answerNotFound(reply, request, notFound);
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
    meetingPaths.api.meetings.pattern,
    {
      schema: {
        summary: 'Plan a meeting (a family group conference needs an independent coordinator)',
        tags,
        security: apiSecurity,
        params: childParams,
        body: z
          .object({
            kind: z.enum(meetingKinds),
            heldOn: requiredText(10).describe(
              'YYYY-MM-DD (a blank or impossible date is refused with 422 by the meeting’s own rules)',
            ),
            startsAt: text(5).describe('HH:MM, UK time'),
            endsAt: text(5),
            place: requiredText(500),
            purpose: text(2000),
            coordinatorUserId: z.uuid().optional(),
            offerId: z.uuid().optional(),
            reviewOfMeetingId: z.uuid().optional(),
          })
          .meta({ id: 'NewMeeting' }),
        response: { 201: z.object({ meetingId: z.uuid() }), ...problemResponses(404, 422) },
      },
      config: { access: change, audit: 'meeting.plan' },
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
    meetingPaths.api.meeting.pattern,
    {
      schema: {
        summary: 'One meeting: who was invited and came, what was shared, decisions, actions and stages',
        tags,
        security: apiSecurity,
        params: meetingParams,
        response: { 200: meetingSchema, ...problemResponses(404) },
      },
      config: { access: view, audit: 'meeting.view', audiences: forInvitees },
    },
    async (request, reply) => {
      const { childId, meetingId } = request.params;
      const opened = await openMeeting(database, request.actor!, childId, meetingId, requestSource(request));
      if (!opened) return answerNotFound(reply, request, notFound);
      return presentMeeting(opened.meeting, opened.invitees, opened.actionsInPlans);
    },
  );

  routes.patch(
    meetingPaths.api.meeting.pattern,
    {
      schema: {
        summary: 'Record how the child took part, what was shared and the professionals’ notes',
        tags,
        security: apiSecurity,
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
        response: { 204: z.null(), ...problemResponses(404, 409, 422) },
      },
      config: { access: change, audit: 'meeting.record' },
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
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.post(
    meetingPaths.api.invitees.pattern,
    {
      schema: {
        summary: 'Invite someone from the child’s world (personId) or by name',
        tags,
        security: apiSecurity,
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
          ...problemResponses(404, 409, 422),
        },
      },
      config: { access: change, audit: 'meeting.invite' },
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
    meetingPaths.api.decisions.pattern,
    {
      schema: {
        summary: 'Record a decision with its reason',
        tags,
        security: apiSecurity,
        params: meetingParams,
        body: z.object({ decision: requiredText(2000), reason: requiredText(2000) }).meta({ id: 'NewDecision' }),
        response: { 204: z.null(), ...problemResponses(404, 409, 422) },
      },
      config: { access: change, audit: 'meeting.decision' },
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
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  routes.post(
    meetingPaths.api.actions.pattern,
    {
      schema: {
        summary: 'Record an action: what will happen, who will do it, by when',
        tags,
        security: apiSecurity,
        params: meetingParams,
        body: z
          .object({
            whatWillHappen: requiredText(2000),
            ownerName: requiredText(200),
            dueOn: isoDate(),
            forThePlan: z.boolean().optional(),
          })
          .meta({ id: 'NewMeetingAction' }),
        response: { 204: z.null(), ...problemResponses(404, 409, 422) },
      },
      config: { access: change, audit: 'meeting.action' },
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
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );

  for (const stage of stages) {
    routes.put(
      stage.path.pattern,
      {
        schema: {
          summary: stage.summary,
          description:
            'Each stage needs the ones before it (422 otherwise). The body holds the version read and exactly this stage’s fields: a field of another stage is refused with 400, naming it.',
          tags,
          security: apiSecurity,
          params: meetingParams,
          body: stage.body,
          response: {
            200: z.object({ planId: z.uuid().nullable() }),
            ...problemResponses(400, 404, 409, 422),
          },
        },
        config: { access: change, audit: stage.audit },
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
    meetingPaths.api.withdrawal.pattern,
    {
      schema: {
        summary:
          'Withdraw an invitation before the meeting is held; it stays in the meeting’s record, marked withdrawn',
        description:
          'Refused with 422 when the person came, the invitation is already withdrawn, or the meeting has been held.',
        tags,
        security: apiSecurity,
        params: inviteeParams,
        body: z
          .object({ reason: text(2000).describe('Why, in plain words: “invited by mistake”') })
          .meta({ id: 'InvitationWithdrawal' }),
        response: { 204: z.null(), ...problemResponses(404, 409, 422) },
      },
      config: { access: change, audit: 'meeting.invitation_withdrawn' },
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
      return refusal(reply, request, result) ?? answerNoContent(reply);
    },
  );
}
