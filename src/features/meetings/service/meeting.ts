/** One meeting: reading it, and the changes that record who was invited and came, what happened, decisions and actions. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { RequestSource } from '../../child-record/index.js';
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
  changeMeeting,
  conflict,
  invalid,
  notFound,
  parsedOr,
  readMeeting,
  withMeetingsOf,
  type MeetingView,
  type Saved,
} from './record.js';

/** The meeting, to show it; `part` says which page or file it was shown as. */
export function openMeeting(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  source: RequestSource,
  part = 'meeting',
): Promise<MeetingView | null> {
  const purpose = { need: 'view', action: 'meeting.view', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, null, async (record) => {
    const view = await readMeeting(record, meetingId, 'meeting.view');
    if (view) await auditMeeting(record, 'meeting.view', meetingId, { part });
    return view;
  });
}

/** The meeting, for a form that changes it. */
export function openMeetingForChange(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  source: RequestSource,
  part: string,
): Promise<MeetingView | null> {
  const purpose = { need: 'change', action: 'meeting.change', source } as const;
  return withMeetingsOf(database, actor, childId, purpose, null, async (record) => {
    const view = await readMeeting(record, meetingId, 'meeting.change');
    if (view) await auditMeeting(record, 'meeting.view', meetingId, { part, forChange: true });
    return view;
  });
}

const circleOf = (person: PersonToPick): InviteeCircle =>
  person.circle === 'child'
    ? 'child'
    : person.circle === 'family'
      ? 'family'
      : person.circle === 'professional'
        ? 'professional'
        : 'network';

export function inviteSomeone(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved<{ inviteeId: string }>> {
  return changeMeeting(
    database,
    actor,
    childId,
    meetingId,
    source,
    'meeting.invite',
    async (record, meeting, invitees) => {
      const parsed = parsedOr(inviteeSchema, input);
      if (!('data' in parsed)) return parsed;
      let { name, circle } = parsed.data;
      const { personId, relationship } = parsed.data;
      if (personId) {
        const picking = await peopleToPickFrom(record.tx, actor.tenantId, childId);
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
      const inviteeId = await insertInvitee(record.tx, actor.tenantId, {
        meetingId: meeting.id,
        personId,
        name: name!,
        relationship,
        circle: circle!,
      });
      // The meeting's version moves on so that a form opened before this change knows.
      if ((await updateMeetingIfVersion(record.tx, actor.tenantId, meeting.id, meeting.version, {})) === null) {
        return conflict;
      }
      return { outcome: 'saved' as const, inviteeId };
    },
  );
}

export function recordPreparationVisit(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  inviteeId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.attendance', async ({ tx }, meeting) => {
    const parsed = parsedOr(preparationVisitSchema, input);
    if (!('data' in parsed)) return parsed;
    if (!isUuid(inviteeId) || !(await updateInvitee(tx, actor.tenantId, meeting.id, inviteeId, parsed.data))) {
      return notFound;
    }
    if ((await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const };
  });
}

/** How the child took part, what was shared, and the professionals' own notes. */
export function recordWhatHappened(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  expectedVersion: number,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.record', async ({ tx }, meeting) => {
    const parsed = parsedOr(outcomeSchema, input);
    if (!('data' in parsed)) return parsed;
    const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, expectedVersion, {
      ...parsed.data,
      childPreference: parsed.data.childPreference ?? meeting.childPreference,
    });
    return saved === null ? conflict : { outcome: 'saved' as const };
  });
}

/** Adds a decision or an action to the meeting's list of them, each with its own id. */
function addToList<Entry extends object>(
  list: 'decisions' | 'actions',
  schema: z.ZodType<Entry>,
  auditAction: 'meeting.decision' | 'meeting.action',
) {
  return (
    database: Database,
    actor: Actor,
    childId: string,
    meetingId: string,
    input: Record<string, unknown>,
    source: RequestSource,
  ): Promise<Saved> =>
    changeMeeting(database, actor, childId, meetingId, source, auditAction, async ({ tx }, meeting) => {
      const parsed = parsedOr(schema, input);
      if (!('data' in parsed)) return parsed;
      const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {
        [list]: [...meeting[list], { id: randomUUID(), ...parsed.data }],
      });
      return saved === null ? conflict : { outcome: 'saved' as const };
    });
}

export const addDecision = addToList('decisions', decisionSchema, 'meeting.decision');
export const addAction = addToList('actions', actionSchema, 'meeting.action');

/**
 * Withdraws an invitation before the meeting is held (someone invited by mistake, or no longer
 * coming). The invitation stays in the meeting's record, marked withdrawn with when, by whom and
 * why, and the meeting's new version keeps it too. Someone who came cannot be withdrawn.
 */
export function withdrawInvitation(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  inviteeId: string,
  input: Record<string, unknown>,
  source: RequestSource,
  today = todayInUk(),
): Promise<Saved> {
  return changeMeeting(
    database,
    actor,
    childId,
    meetingId,
    source,
    'meeting.invitation_withdrawn',
    async ({ tx }, meeting, invitees) => {
      const invitee = isUuid(inviteeId) ? invitees.find((candidate) => candidate.id === inviteeId) : undefined;
      if (!invitee) return notFound;
      const parsed = parsedOr(withdrawalSchema, input);
      if (!('data' in parsed)) return parsed;
      const problem = withdrawalProblem(invitee, meeting, today);
      if (problem) return invalid([problem]);
      const withdrawn = await withdrawInvitee(tx, actor.tenantId, meeting.id, invitee.id, {
        withdrawnBy: actor.userId,
        withdrawnByLabel: actorLabel(actor),
        withdrawalReason: parsed.data.reason,
      });
      if (!withdrawn) return conflict;
      if ((await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {})) === null) return conflict;
      return { outcome: 'saved' as const };
    },
    { inviteeId: isUuid(inviteeId) ? inviteeId : null },
  );
}
