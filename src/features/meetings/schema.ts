/** Drizzle definitions of migrations/0017_meetings.sql and 0018 (a test checks they agree). */
import { date, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import {
  childTable,
  councilTable,
  createdBy,
  recordedBy,
  timestamps,
  timestamptz,
  versioned,
} from '../../platform/db/columns.js';
import type { Conference, MeetingAction, MeetingDecision } from './conference.js';

export const meetingKinds = [
  'network_meeting',
  'family_group_conference',
  'child_in_need_review',
  'child_protection_conference',
  'child_protection_review',
  'child_in_care_review',
  'strategy_discussion',
  'professionals_meeting',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const conferenceStages = ['preparation', 'information', 'private_family_time', 'agreement', 'agreed'] as const;
export type ConferenceStage = (typeof conferenceStages)[number];

export const inviteeCircles = ['child', 'family', 'network', 'professional'] as const;
export type InviteeCircle = (typeof inviteeCircles)[number];
export const attendances = ['invited', 'came', 'could_not_come', 'did_not_come'] as const;
export type Attendance = (typeof attendances)[number];
export const offerResponses = ['awaiting', 'accepted', 'declined'] as const;
export type OfferResponse = (typeof offerResponses)[number];

export const meetings = childTable('meetings', {
  kind: text('kind', { enum: meetingKinds }).notNull(),
  heldOn: date('held_on').notNull(),
  startsAt: text('starts_at'),
  endsAt: text('ends_at'),
  place: text('place').notNull(),
  purpose: text('purpose'),
  childPreference: text('child_preference'),
  howChildTookPart: text('how_child_took_part'),
  whatWasShared: text('what_was_shared'),
  professionalNotes: text('professional_notes'),
  decisions: jsonb('decisions').$type<MeetingDecision[]>().notNull().default([]),
  actions: jsonb('actions').$type<MeetingAction[]>().notNull().default([]),
  stage: text('stage', { enum: conferenceStages }),
  coordinatorUserId: uuid('coordinator_user_id'),
  coordinatorName: text('coordinator_name'),
  conference: jsonb('conference').$type<Conference>().notNull().default({}),
  reviewOfMeetingId: uuid('review_of_meeting_id'),
  offerId: uuid('offer_id'),
  planId: uuid('plan_id'),
  ...versioned(),
  ...createdBy(),
  ...timestamps(),
});

export const meetingInvitees = councilTable('meeting_invitees', {
  meetingId: uuid('meeting_id').notNull(),
  personId: uuid('person_id'),
  name: text('name').notNull(),
  relationship: text('relationship'),
  circle: text('circle', { enum: inviteeCircles }).notNull(),
  attendance: text('attendance', { enum: attendances }).notNull().default('invited'),
  preparationVisitOn: date('preparation_visit_on'),
  preparationNotes: text('preparation_notes'),
  addedAt: timestamptz('added_at').notNull().defaultNow(),
  withdrawnAt: timestamptz('withdrawn_at'),
  withdrawnBy: uuid('withdrawn_by'),
  withdrawnByLabel: text('withdrawn_by_label'),
  withdrawalReason: text('withdrawal_reason'),
});

export const familyMeetingOffers = childTable('family_meeting_offers', {
  offeredOn: date('offered_on').notNull(),
  beforeDecision: text('before_decision').notNull(),
  response: text('response', { enum: offerResponses }).notNull().default('awaiting'),
  respondedOn: date('responded_on'),
  familyReason: text('family_reason'),
  ...recordedBy(),
});
