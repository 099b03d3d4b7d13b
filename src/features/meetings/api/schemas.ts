/**
 * The meetings API's shapes: its parameters, what it answers (each documented in the OpenAPI
 * document by its id), each stage's body, and how a refusal is answered.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { answerConflict, answerInvalid, answerNotFound } from '../../../platform/http/api-answers.js';
import type { Path } from '../../../platform/http/path.js';
import { text as storableText } from '../../../platform/http/text.js';
import { todayInUk } from '../../plans/index.js';
import type { StagePart } from '../conference.js';
import { meetingPaths } from '../paths.js';
import { attendances, conferenceStages, inviteeCircles, meetingKinds, offerResponses } from '../schema.js';
import type { InviteeRow, MeetingActionInPlan, MeetingRow, Saved } from '../service.js';
import { agreementSchema, informationSchema, preparationSchema, privateTimeSchema } from '../validation.js';

/** What every route of the meetings API shares in the OpenAPI document (with `apiSecurity`), and the access it asks. */
export const api = {
  tags: ['meetings and family group decision-making'],
};
export const view = { permission: 'child_record.view' } as const;
export const change = { permission: 'child_record.change' } as const;

export const childParams = z.object({ childId: z.string().max(64) });
export const meetingParams = childParams.extend({ meetingId: z.string().max(64) });
export const inviteeParams = meetingParams.extend({ inviteeId: z.string().max(64) });
export const actionParams = meetingParams.extend({ actionId: z.string().max(64) });
export const offerParams = childParams.extend({ offerId: z.string().max(64) });

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

export const meetingSchema = z
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

export const offerSchema = z
  .object({
    id: z.uuid(),
    offeredOn: z.string(),
    beforeDecision: z.string(),
    response: z.enum(offerResponses),
    respondedOn: z.string().nullable(),
    familyReason: z.string().nullable(),
  })
  .meta({ id: 'FamilyMeetingOffer' });

export const countsSchema = z
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

export const presentMeeting = (
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

export const notFound = 'There is no child’s record or meeting with that id that you may see.';

/** Sends the refusal for anything but a save; returns null when it was saved. */
export function refusal(reply: FastifyReply, request: FastifyRequest, result: Saved) {
  if (result.outcome === 'not_found') return answerNotFound(reply, request, notFound);
  if (result.outcome === 'conflict') return answerConflict(reply, request, result.message);
  if (result.outcome === 'invalid') return answerInvalid(reply, request, result.issues);
  return null;
}

/** Optional text for an API body, storable (no NUL, no lone surrogate) and at most `max` characters. */
export const text = (max: number) => storableText().max(max).optional();
/** Required text for an API body, storable and at most `max` characters. */
export const requiredText = (max: number) => storableText().max(max);

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

export const stages = [
  {
    path: meetingPaths.api.stages.preparation,
    part: 'preparation',
    audit: 'conference.preparation',
    summary:
      'Record the preparation of a family group conference: the referral, the family’s agreement, the child, arrangements',
    body: stageBody('preparation', 'ConferencePreparationStage', preparationSchema.shape),
  },
  {
    path: meetingPaths.api.stages.information,
    part: 'information',
    audit: 'conference.information',
    summary: 'Record the information stage: worries, strengths, bottom lines, help available, questions answered',
    body: stageBody('information', 'ConferenceInformationStage', informationSchema.shape),
  },
  {
    path: meetingPaths.api.stages.privateFamilyTime,
    part: 'privateFamilyTime',
    audit: 'conference.private_family_time',
    summary: 'Record private family time: when it started and ended, and the family’s plan in their words',
    body: stageBody('private family time', 'ConferencePrivateFamilyTimeStage', privateTimeSchema.shape),
  },
  {
    path: meetingPaths.api.stages.agreement,
    part: 'agreement',
    audit: 'conference.agreement',
    summary: 'Record the agreement; an accepted plan becomes the child’s plan (a review’s, a new version of it)',
    body: stageBody('agreement', 'ConferenceAgreementStage', agreementSchema.shape),
  },
] satisfies { path: Path<string>; part: StagePart; audit: AuditAction; summary: string; body: z.ZodType }[];
