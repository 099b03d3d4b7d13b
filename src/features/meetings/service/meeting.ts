/** One meeting: reading it, and the changes that record who was invited and came, what happened, decisions and actions. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type RequestSource } from '../../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../../network/index.js';
import { todayInUk } from '../../plans/index.js';
import { stillInvited, withdrawalProblem } from '../conference.js';
import { insertInvitee, updateInvitee, updateMeetingIfVersion, withdrawInvitee } from '../queries.js';
import type { InviteeCircle } from '../schema.js';
import {
  actionSchema,
  decisionSchema,
  inviteeSchema,
  outcomeSchema,
  preparationVisitSchema,
  withdrawalSchema,
} from '../validation.js';
import {
  auditMeeting,
  conflict,
  invalid,
  meetingChange,
  notFound,
  parsedOr,
  readMeeting,
  type MeetingView,
  type Saved,
} from './record.js';

/**
 * Opens the meeting, audited as shown (`part` says which page or file it was shown as): to read
 * it, or (`forChange`) for a form that changes it.
 */
function opening(need: 'view' | 'change', refusedAs: 'meeting.view' | 'meeting.change', forChange: object) {
  return (
    database: Database,
    actor: Actor,
    childId: string,
    meetingId: string,
    source: RequestSource,
    part = 'meeting',
  ): Promise<MeetingView | null> =>
    withChildRecord(database, actor, childId, { need, action: refusedAs, source }, async (record) => {
      const view = await readMeeting(record, meetingId, refusedAs);
      if (view) await auditMeeting(record, 'meeting.view', meetingId, { part, ...forChange });
      return view;
    });
}

/** The meeting, to show it. */
export const openMeeting = opening('view', 'meeting.view', {});
/** The meeting, for a form that changes it. */
export const openMeetingForChange = opening('change', 'meeting.change', { forChange: true });

const circleOf = (person: PersonToPick): InviteeCircle =>
  person.circle === 'child'
    ? 'child'
    : person.circle === 'family'
      ? 'family'
      : person.circle === 'professional'
        ? 'professional'
        : 'network';

export const inviteSomeone = meetingChange(
  'meeting.invite',
  async ({ record, meeting, invitees }, input: Record<string, unknown>): Promise<Saved<{ inviteeId: string }>> => {
    const { tx, tenantId, childId } = record;
    const parsed = parsedOr(inviteeSchema, input);
    if (!('data' in parsed)) return parsed;
    let { name, circle } = parsed.data;
    const { personId, relationship } = parsed.data;
    if (personId) {
      const picking = await peopleToPickFrom(tx, tenantId, childId);
      const person = picking
        ? [picking.child, ...picking.people].find((candidate) => candidate.id === personId)
        : undefined;
      if (!person) return invalid([{ field: 'personId', message: 'Choose someone in the child’s world' }]);
      if (stillInvited(invitees).some((invitee) => invitee.personId === personId)) {
        return invalid([{ field: 'personId', message: `${person.name} is already invited` }]);
      }
      name = person.name;
      circle = circleOf(person);
    }
    const inviteeId = await insertInvitee(tx, tenantId, {
      meetingId: meeting.id,
      personId,
      name: name!,
      relationship,
      circle: circle!,
    });
    // The meeting's version moves on so that a form opened before this change knows.
    if ((await updateMeetingIfVersion(tx, tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const, inviteeId };
  },
);

export const recordPreparationVisit = meetingChange(
  'meeting.attendance',
  async ({ record: { tx, tenantId }, meeting }, inviteeId: string, input: Record<string, unknown>): Promise<Saved> => {
    const parsed = parsedOr(preparationVisitSchema, input);
    if (!('data' in parsed)) return parsed;
    if (!isUuid(inviteeId) || !(await updateInvitee(tx, tenantId, meeting.id, inviteeId, parsed.data))) {
      return notFound;
    }
    if ((await updateMeetingIfVersion(tx, tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const };
  },
);

/** How the child took part, what was shared, and the professionals' own notes. */
export const recordWhatHappened = meetingChange(
  'meeting.record',
  async (
    { record: { tx, tenantId }, meeting },
    input: Record<string, unknown>,
    expectedVersion: number,
  ): Promise<Saved> => {
    const parsed = parsedOr(outcomeSchema, input);
    if (!('data' in parsed)) return parsed;
    const saved = await updateMeetingIfVersion(tx, tenantId, meeting.id, expectedVersion, {
      ...parsed.data,
      childPreference: parsed.data.childPreference ?? meeting.childPreference,
    });
    return saved === null ? conflict : { outcome: 'saved' as const };
  },
);

/** Adds a decision or an action to the meeting's list of them, each with its own id. */
function addToList<Entry extends object>(
  list: 'decisions' | 'actions',
  schema: z.ZodType<Entry>,
  auditAction: 'meeting.decision' | 'meeting.action',
) {
  return meetingChange(
    auditAction,
    async ({ record: { tx, tenantId }, meeting }, input: Record<string, unknown>): Promise<Saved> => {
      const parsed = parsedOr(schema, input);
      if (!('data' in parsed)) return parsed;
      const saved = await updateMeetingIfVersion(tx, tenantId, meeting.id, meeting.version, {
        [list]: [...meeting[list], { id: randomUUID(), ...parsed.data }],
      });
      return saved === null ? conflict : { outcome: 'saved' as const };
    },
  );
}

export const addDecision = addToList('decisions', decisionSchema, 'meeting.decision');
export const addAction = addToList('actions', actionSchema, 'meeting.action');

/**
 * Withdraws an invitation before the meeting is held (someone invited by mistake, or no longer
 * coming). The invitation stays in the meeting's record, marked withdrawn with when, by whom and
 * why, and the meeting's new version keeps it too. Someone who came cannot be withdrawn.
 */
export const withdrawInvitation = meetingChange(
  'meeting.invitation_withdrawn',
  async ({ record: { tx, tenantId, actor }, meeting, invitees }, inviteeId: string, input: Record<string, unknown>) => {
    const invitee = isUuid(inviteeId) ? invitees.find((candidate) => candidate.id === inviteeId) : undefined;
    if (!invitee) return notFound;
    const parsed = parsedOr(withdrawalSchema, input);
    if (!('data' in parsed)) return parsed;
    const problem = withdrawalProblem(invitee, meeting, todayInUk());
    if (problem) return invalid([problem]);
    const withdrawn = await withdrawInvitee(tx, tenantId, meeting.id, invitee.id, {
      withdrawnBy: actor.userId,
      withdrawnByLabel: actorLabel(actor),
      withdrawalReason: parsed.data.reason,
    });
    if (!withdrawn) return conflict;
    if ((await updateMeetingIfVersion(tx, tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const };
  },
  ([inviteeId]) => ({ inviteeId: isUuid(inviteeId) ? inviteeId : null }),
);
