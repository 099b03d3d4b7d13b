/** The only place SQL about meetings is written. Every function takes the transaction handle. */
import { asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOfChild } from '../../platform/db/reusable-query.js';
import {
  insertReturningId,
  isRow,
  isRowAtVersion,
  isRowOfChild,
  ofChild,
  ofCouncil,
  rowOfChildFinder,
} from '../../platform/db/rows.js';
import { childAllocations, userRoles, users } from '../../platform/identity/schema.js';
import type { Conference, MeetingAction, MeetingDecision } from './conference.js';
import {
  familyMeetingOffers,
  meetingInvitees,
  meetings,
  type Attendance,
  type ConferenceStage,
  type InviteeCircle,
  type MeetingKind,
  type OfferResponse,
} from './schema.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type InviteeRow = typeof meetingInvitees.$inferSelect;
export type OfferRow = typeof familyMeetingOffers.$inferSelect;

export async function insertMeeting(
  tx: Tx,
  tenantId: string,
  meeting: {
    childPersonId: string;
    kind: MeetingKind;
    heldOn: string;
    startsAt: string | null;
    endsAt: string | null;
    place: string;
    purpose: string | null;
    childPreference: string | null;
    stage: ConferenceStage | null;
    coordinatorUserId: string | null;
    coordinatorName: string | null;
    reviewOfMeetingId: string | null;
    offerId: string | null;
    createdBy: string | null;
    createdByLabel: string;
    createdAt?: Date;
  },
): Promise<string> {
  return insertReturningId(tx, meetings, { tenantId, ...meeting });
}

export const meetingsOfChild = rowsOfChild(meetings, desc(meetings.heldOn), desc(meetings.createdAt));

export const findMeeting = rowOfChildFinder(meetings);

/**
 * The meeting, held for this transaction: anyone else changing it (or adding one of its actions
 * to a plan) waits until this transaction ends, then sees what it did.
 */
export const findMeetingForUpdate = rowOfChildFinder(meetings, { forUpdate: true });

/**
 * Saves a meeting's changed parts only if nobody saved since `expectedVersion`; returns the new
 * version, or null when someone else got there first.
 */
export async function updateMeetingIfVersion(
  tx: Tx,
  tenantId: string,
  meetingId: string,
  expectedVersion: number,
  change: Partial<{
    childPreference: string | null;
    howChildTookPart: string | null;
    whatWasShared: string | null;
    professionalNotes: string | null;
    decisions: MeetingDecision[];
    actions: MeetingAction[];
    stage: ConferenceStage;
    conference: Conference;
    planId: string | null;
  }>,
): Promise<number | null> {
  const [row] = await tx
    .update(meetings)
    .set({ ...change, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(isRowAtVersion(meetings, tenantId, meetingId, expectedVersion))
    .returning({ version: meetings.version });
  return row?.version ?? null;
}

export async function insertInvitee(
  tx: Tx,
  tenantId: string,
  invitee: {
    meetingId: string;
    personId: string | null;
    name: string;
    relationship: string | null;
    circle: InviteeCircle;
    attendance?: Attendance;
    preparationVisitOn?: string | null;
    preparationNotes?: string | null;
  },
): Promise<string> {
  return insertReturningId(tx, meetingInvitees, { tenantId, ...invitee });
}

export async function inviteesOf(tx: Tx, tenantId: string, meetingIds: readonly string[]): Promise<InviteeRow[]> {
  if (meetingIds.length === 0) return [];
  return tx
    .select()
    .from(meetingInvitees)
    .where(ofCouncil(meetingInvitees, tenantId, inArray(meetingInvitees.meetingId, [...meetingIds])))
    .orderBy(asc(meetingInvitees.addedAt), asc(meetingInvitees.name));
}

export async function updateInvitee(
  tx: Tx,
  tenantId: string,
  meetingId: string,
  inviteeId: string,
  change: { attendance: Attendance; preparationVisitOn: string | null; preparationNotes: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(meetingInvitees)
    .set(change)
    .where(
      ofCouncil(
        meetingInvitees,
        tenantId,
        eq(meetingInvitees.meetingId, meetingId),
        eq(meetingInvitees.id, inviteeId),
        isNull(meetingInvitees.withdrawnAt),
      ),
    )
    .returning({ id: meetingInvitees.id });
  return rows.length === 1;
}

/**
 * Withdraws an invitation: the row stays, with when, by whom and why. Only an invitation not
 * already withdrawn, of someone who did not come; false otherwise.
 */
export async function withdrawInvitee(
  tx: Tx,
  tenantId: string,
  meetingId: string,
  inviteeId: string,
  withdrawal: { withdrawnBy: string | null; withdrawnByLabel: string; withdrawalReason: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(meetingInvitees)
    .set({ ...withdrawal, withdrawnAt: new Date() })
    .where(
      ofCouncil(
        meetingInvitees,
        tenantId,
        eq(meetingInvitees.meetingId, meetingId),
        eq(meetingInvitees.id, inviteeId),
        isNull(meetingInvitees.withdrawnAt),
        ne(meetingInvitees.attendance, 'came'),
      ),
    )
    .returning({ id: meetingInvitees.id });
  return rows.length === 1;
}

/** The meetings a person (a family member's own person record) is invited to, invitations withdrawn left out. */
export async function meetingIdsInvitingPerson(tx: Tx, tenantId: string, personId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ meetingId: meetingInvitees.meetingId })
    .from(meetingInvitees)
    .where(
      ofCouncil(meetingInvitees, tenantId, eq(meetingInvitees.personId, personId), isNull(meetingInvitees.withdrawnAt)),
    );
  return new Set(rows.map((row) => row.meetingId));
}

/** Conferences a coordinator runs, newest first. */
export async function conferencesCoordinatedBy(tx: Tx, tenantId: string, userId: string): Promise<MeetingRow[]> {
  return tx
    .select()
    .from(meetings)
    .where(ofCouncil(meetings, tenantId, eq(meetings.coordinatorUserId, userId), isNotNull(meetings.stage)))
    .orderBy(asc(meetings.heldOn));
}

/** The council's staff who hold the coordinator role (and have not been switched off). */
export async function coordinatorsIn(tx: Tx, tenantId: string): Promise<{ userId: string; fullName: string }[]> {
  return tx
    .select({ userId: users.id, fullName: users.fullName })
    .from(userRoles)
    .innerJoin(users, isRow(users, userRoles.tenantId, userRoles.userId))
    .where(ofCouncil(userRoles, tenantId, eq(userRoles.role, 'fgc_coordinator'), eq(users.isDisabled, false)))
    .orderBy(asc(users.fullName));
}

/** The workers allocated to the child by name (not through a team), now. */
export async function allocatedWorkersOf(tx: Tx, tenantId: string, childId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: childAllocations.userId })
    .from(childAllocations)
    .where(
      ofChild(childAllocations, tenantId, childId, isNull(childAllocations.endsOn), isNotNull(childAllocations.userId)),
    );
  return rows.map((row) => row.userId!);
}

export async function insertOffer(
  tx: Tx,
  tenantId: string,
  offer: {
    childPersonId: string;
    offeredOn: string;
    beforeDecision: string;
    recordedBy: string | null;
    recordedByLabel: string;
  },
): Promise<string> {
  return insertReturningId(tx, familyMeetingOffers, { tenantId, ...offer });
}

export const offersOfChild = rowsOfChild(familyMeetingOffers, desc(familyMeetingOffers.offeredOn));

export async function answerOffer(
  tx: Tx,
  tenantId: string,
  childId: string,
  offerId: string,
  answer: { response: OfferResponse; respondedOn: string | null; familyReason: string | null },
): Promise<boolean> {
  const rows = await tx
    .update(familyMeetingOffers)
    .set(answer)
    .where(isRowOfChild(familyMeetingOffers, tenantId, childId, offerId))
    .returning({ id: familyMeetingOffers.id });
  return rows.length === 1;
}

/** Every offer in the council, for the counts. */
export async function allOffers(tx: Tx, tenantId: string) {
  return tx
    .select({ childPersonId: familyMeetingOffers.childPersonId, response: familyMeetingOffers.response })
    .from(familyMeetingOffers)
    .where(eq(familyMeetingOffers.tenantId, tenantId));
}

/** Every family group conference in the council, for the counts. */
export async function allConferences(tx: Tx, tenantId: string) {
  return tx
    .select({
      id: meetings.id,
      childPersonId: meetings.childPersonId,
      kind: meetings.kind,
      stage: meetings.stage,
      reviewOfMeetingId: meetings.reviewOfMeetingId,
      offerId: meetings.offerId,
      planId: meetings.planId,
    })
    .from(meetings)
    .where(ofCouncil(meetings, tenantId, eq(meetings.kind, 'family_group_conference')));
}
