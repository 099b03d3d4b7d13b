/**
 * What every part of the meetings service shares: opening the child's record for a meeting,
 * the audit entry about one meeting, the answers a save gives, a meeting's versions, and what
 * a family member may see of a meeting.
 *
 * Staff who may see the child's record see its meetings. A family member or young person sees
 * only the meetings they are invited to, and only what is shared: never professionals' notes,
 * never a strategy discussion or professionals' meeting.
 */
import type { z } from 'zod';
import type { Database, Tx } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import { isUuid } from '../../../platform/db/ids.js';
import type { AuditDetails, AuditOutcome } from '../../../platform/audit/audit-log.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { appendVersion } from '../../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import {
  withChildRecord,
  presentDate,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../../network/index.js';
import { meetingActionsInPlans, todayInUk, type MeetingActionInPlan } from '../../plans/index.js';
import { participationPreferenceOf } from '../../voice/index.js';
import { professionalsOnly, stillInvited, whatIsWaiting, type StageProblem } from '../conference.js';
import {
  findMeeting,
  inviteesOf,
  meetingIdsInvitingPerson,
  meetingsOfChild,
  type InviteeRow,
  type MeetingRow,
} from '../queries.js';

/** The record type of a meeting's versions in record history, and the audit subject's type. */
export const MEETING = 'meeting';

export type FieldIssue = StageProblem;

export type Saved<T extends object = object> =
  | ({ outcome: 'saved' } & T)
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'conflict'; message: string };

export const invalid = (issues: FieldIssue[]) => ({ outcome: 'invalid' as const, issues });
export const notFound = { outcome: 'not_found' as const };
export const conflict = {
  outcome: 'conflict' as const,
  message: 'Someone saved this meeting while you were working. Your words are below: check the meeting and save again',
};

export const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));

/** A schema's data, or the answer that names each field wrong. */
export function parsedOr<T>(schema: z.ZodType<T>, input: unknown): { data: T } | ReturnType<typeof invalid> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { data: parsed.data } : invalid(issuesOf(parsed.error));
}

export const isStaff = (actor: Actor) => actor.kind === 'staff';

/** An audit entry about one of the child's meetings: its subject is the meeting, not the record. */
export function auditMeeting(
  record: ChildRecordHandle,
  action: AuditAction,
  meetingId: string,
  details: AuditDetails = {},
  outcome: AuditOutcome = 'allowed',
): Promise<void> {
  return record.audit(action, details, outcome, { subject: { type: MEETING, id: meetingId } });
}

/**
 * How the child last said they want to take part in meetings (from the voice pages), in one
 * sentence with their own words when they gave some, or null when they have not said yet.
 */
export async function childsPreference(tx: Tx, tenantId: string, childId: string): Promise<string | null> {
  const preference = await participationPreferenceOf(tx, tenantId, childId);
  if (!preference) return null;
  const words = preference.inTheirWords ? `, in their words: “${preference.inTheirWords}”` : '';
  return `${preference.wayText}${words} (said on ${presentDate(preference.saidOn.slice(0, 10))})`;
}

/** What a family member may see of a meeting: everything but the professionals' own notes. */
function sharedPart(meeting: MeetingRow): MeetingRow {
  return { ...meeting, professionalNotes: null, createdByLabel: '' };
}

/** A row without the columns named. */
const without = (row: object, columns: readonly string[]) =>
  Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column)));

/**
 * A version of a meeting: everything recorded, with who was invited and who came (all but the
 * keys, when each was added, and who withdrew an invitation, whose name is kept).
 */
function snapshot(meeting: MeetingRow, invitees: InviteeRow[]): Record<string, unknown> {
  return {
    ...without(meeting, ['tenantId', 'createdAt', 'updatedAt', 'version']),
    invitees: invitees.map((invitee) => without(invitee, ['tenantId', 'meetingId', 'addedAt', 'withdrawnBy'])),
  };
}

/** Appends the meeting as it now is to record history. */
export async function keepVersion(tx: Tx, actor: Actor, meeting: MeetingRow, reason: string | null) {
  const invitees = await inviteesOf(tx, actor.tenantId, [meeting.id]);
  await appendVersion(tx, actor.tenantId, {
    recordType: MEETING,
    recordId: meeting.id,
    version: meeting.version,
    author: { userId: actor.userId, label: actorLabel(actor) },
    reason,
    content: snapshot(meeting, invitees),
  });
}

/** The child's meetings the actor may see: all for staff, those they are invited to for the family. */
export async function meetingsVisibleTo(tx: Tx, actor: Actor, childId: string): Promise<MeetingRow[]> {
  const all = await meetingsOfChild(tx, actor.tenantId, childId);
  if (isStaff(actor)) return all;
  if (!actor.personId) return [];
  const invited = await meetingIdsInvitingPerson(tx, actor.tenantId, actor.personId);
  return all.filter((meeting) => invited.has(meeting.id) && !professionalsOnly.includes(meeting.kind)).map(sharedPart);
}

export interface MeetingView {
  child: ChildSummary;
  meeting: MeetingRow;
  invitees: InviteeRow[];
  /** For staff: people in the child's world who may be invited. */
  people: PersonToPick[];
  /** For staff: what the conference is waiting for. */
  waiting: string[];
  mayChange: boolean;
  /** Whether the actor sees only the parts shared with the family. */
  familyView: boolean;
  councilName: string;
  /** For staff: the meeting's actions that are already plan actions, by the action's id. */
  actionsInPlans: Map<string, MeetingActionInPlan>;
  /** Today in the UK, as YYYY-MM-DD: whether the meeting has been held yet. */
  today: string;
}

/**
 * One meeting of an opened record, as the actor may see it; null when there is none, or when a
 * family member is not invited to it (audited, refused, under `refusedAs`).
 */
export async function readMeeting(
  record: ChildRecordHandle,
  meetingId: string,
  refusedAs: AuditAction,
): Promise<MeetingView | null> {
  if (!isUuid(meetingId)) return null;
  const { tx, actor, tenantId, childId } = record;
  const staff = isStaff(actor);
  // Independent reads, sent together (on a server, one round trip); the staff-only ones only for staff.
  const [meeting, allInvitees, picking, actionsInPlans] = await together([
    findMeeting(tx, tenantId, childId, meetingId),
    inviteesOf(tx, tenantId, [meetingId]),
    staff ? peopleToPickFrom(tx, tenantId, childId) : null,
    staff ? meetingActionsInPlans(tx, tenantId, childId) : null,
  ]);
  if (!meeting) return null;
  // The family reads who is invited now; staff also read the invitations withdrawn.
  const invitees = staff ? allInvitees : stillInvited(allInvitees);
  if (!staff) {
    const invited = actor.personId !== null && invitees.some((invitee) => invitee.personId === actor.personId);
    if (!invited || professionalsOnly.includes(meeting.kind)) {
      await auditMeeting(record, refusedAs, meetingId, { notInvited: true }, 'denied');
      return null;
    }
  }
  return {
    child: record.child,
    meeting: staff ? meeting : sharedPart(meeting),
    invitees,
    people: picking ? [picking.child, ...picking.people] : [],
    waiting: staff && meeting.stage ? whatIsWaiting(meeting.stage, meeting.conference, stillInvited(invitees)) : [],
    mayChange: staff && record.mayChange,
    familyView: !staff,
    councilName: actor.councilName,
    actionsInPlans: actionsInPlans?.get(meetingId) ?? new Map<string, MeetingActionInPlan>(),
    today: todayInUk(),
  };
}

/** A meeting being changed: the record opened to change it, the meeting, and its invitees. */
export interface MeetingChange {
  record: ChildRecordHandle;
  meeting: MeetingRow;
  invitees: InviteeRow[];
}

/**
 * A change of a meeting, called as `(database, actor, childId, meetingId, ...args, source)`:
 * opens the record to change it (refused, audited under the change's action), finds the meeting
 * and its invitees, applies the change, then keeps the new version and writes the audit entry.
 */
export function meetingChange<Args extends unknown[], T extends object>(
  auditAction: AuditAction | ((args: NoInfer<Args>) => AuditAction),
  apply: (change: MeetingChange, ...args: Args) => Promise<Saved<T>>,
  details: (args: NoInfer<Args>) => AuditDetails = () => ({}),
) {
  return (
    database: Database,
    actor: Actor,
    childId: string,
    meetingId: string,
    ...rest: [...Args, RequestSource]
  ): Promise<Saved<T>> => {
    const args = rest.slice(0, -1) as Args;
    const action = typeof auditAction === 'function' ? auditAction(args) : auditAction;
    const purpose = { need: 'change', action, source: rest.at(-1) as RequestSource } as const;
    const changed = withChildRecord(database, actor, childId, purpose, async (record): Promise<Saved<T>> => {
      if (!isUuid(meetingId)) return notFound;
      const meeting = await findMeeting(record.tx, actor.tenantId, childId, meetingId);
      if (!meeting) return notFound;
      const invitees = await inviteesOf(record.tx, actor.tenantId, [meetingId]);
      const result = await apply({ record, meeting, invitees }, ...args);
      if (result.outcome !== 'saved') return result;
      const after = (await findMeeting(record.tx, actor.tenantId, childId, meetingId))!;
      await keepVersion(record.tx, actor, after, null);
      await auditMeeting(record, action, meetingId, { ...details(args), version: after.version });
      return result;
    });
    return changed.then((saved) => saved ?? notFound);
  };
}
