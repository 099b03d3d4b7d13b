/**
 * Meetings about a child, and family group conferences. Each call runs in one council
 * transaction, asks the child's record access policy first (checkChildAccess), and writes its
 * audit entry in that transaction, allowed or refused. Every change of a meeting is appended to
 * record history ('meeting'); a save made from an older version is refused.
 *
 * Staff who may see the child's record see its meetings. A family member or young person sees
 * only the meetings they are invited to, and only what is shared: never professionals' notes,
 * never a strategy discussion or professionals' meeting.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import {
  checkChildAccess,
  childrenActorMay,
  childSummaryIn,
  type ChildSummary,
  type RequestSource,
} from '../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../network/index.js';
import {
  addActionFromMeeting,
  adoptFamilyPlan,
  meetingActionsInPlans,
  plansToAddMeetingActionTo,
  todayInUk,
  type MeetingActionInPlan,
  type PlanToChoose,
  type PossibleOwner,
} from '../plans/index.js';
import { dateInWords } from '../plans/index.js';
import { participationPreferenceOf } from '../voice/index.js';
import {
  agreementProblems,
  bottomLinesFrom,
  coordinatorProblem,
  countFamilyMeetings,
  meetingKindNames,
  meetingNameInSentence,
  privateTimeProblems,
  professionalsOnly,
  stageAfter,
  stageOfPart,
  stageProblem,
  stillInvited,
  whatIsWaiting,
  withdrawalProblem,
  type Conference,
  type FamilyMeetingCounts,
  type MeetingAction,
  type MeetingDecision,
  type StagePart,
  type StageProblem,
} from './conference.js';
import {
  allConferences,
  allOffers,
  allocatedWorkersOf,
  answerOffer,
  conferencesCoordinatedBy,
  coordinatorsIn,
  findMeeting,
  findMeetingForUpdate,
  insertInvitee,
  insertMeeting,
  insertOffer,
  inviteesOf,
  meetingIdsInvitingPerson,
  meetingsOfChild,
  offersOfChild,
  updateInvitee,
  updateMeetingIfVersion,
  withdrawInvitee,
  type InviteeRow,
  type MeetingRow,
  type OfferRow,
} from './queries.js';
import { meetingsPaths } from './paths.js';
import type { InviteeCircle } from './schema.js';
import {
  actionSchema,
  actionToPlanSchema,
  agreementSchema,
  decisionSchema,
  informationSchema,
  inviteeSchema,
  newMeetingSchema,
  offerResponseSchema,
  offerSchema,
  outcomeSchema,
  preparationSchema,
  preparationVisitSchema,
  privateTimeSchema,
  withdrawalSchema,
} from './validation.js';

export const MEETING = 'meeting';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type { MeetingRow, InviteeRow, OfferRow, RequestSource, MeetingActionInPlan };
export type FieldIssue = StageProblem;

const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });
const isStaff = (actor: Actor) => actor.kind === 'staff';

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
  meetingId: string | null,
  details: Record<string, string | number | boolean | null> = {},
  outcome: 'allowed' | 'denied' = 'allowed',
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome,
    actor: author(actor),
    childPersonId: UUID.test(childId) ? childId : null,
    subject: meetingId
      ? { type: MEETING, id: meetingId }
      : UUID.test(childId)
        ? { type: 'child_record', id: childId }
        : null,
    source,
    details,
  });
}

const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));

const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * How the child last said they want to take part in meetings (from the voice pages), in one
 * sentence with their own words when they gave some, or null when they have not said yet.
 */
async function childsPreference(tx: Tx, tenantId: string, childId: string): Promise<string | null> {
  const preference = await participationPreferenceOf(tx, tenantId, childId);
  if (!preference) return null;
  const words = preference.inTheirWords ? `, in their words: “${preference.inTheirWords}”` : '';
  const saidOn = dayMonthYear.format(new Date(`${preference.saidOn.slice(0, 10)}T00:00:00Z`));
  return `${preference.wayText}${words} (said on ${saidOn})`;
}

/** What a family member may see of a meeting: everything but the professionals' own notes. */
function sharedPart(meeting: MeetingRow): MeetingRow {
  return { ...meeting, professionalNotes: null, createdByLabel: '' };
}

/** A version of a meeting: everything recorded, with who was invited and who came. */
function snapshot(meeting: MeetingRow, invitees: InviteeRow[]): Record<string, unknown> {
  const notContent = ['tenantId', 'createdAt', 'updatedAt', 'version'];
  return {
    ...Object.fromEntries(Object.entries(meeting).filter(([key]) => !notContent.includes(key))),
    invitees: invitees.map((invitee) => ({
      id: invitee.id,
      personId: invitee.personId,
      name: invitee.name,
      relationship: invitee.relationship,
      circle: invitee.circle,
      attendance: invitee.attendance,
      preparationVisitOn: invitee.preparationVisitOn,
      preparationNotes: invitee.preparationNotes,
      withdrawnAt: invitee.withdrawnAt,
      withdrawnByLabel: invitee.withdrawnByLabel,
      withdrawalReason: invitee.withdrawalReason,
    })),
  };
}

async function keepVersion(tx: Tx, actor: Actor, meeting: MeetingRow, reason: string | null) {
  const invitees = await inviteesOf(tx, actor.tenantId, [meeting.id]);
  await appendVersion(tx, actor.tenantId, {
    recordType: MEETING,
    recordId: meeting.id,
    version: meeting.version,
    author: author(actor),
    reason,
    content: snapshot(meeting, invitees),
  });
}

/** The child's meetings the actor may see: all for staff, those they are invited to for the family. */
async function meetingsVisibleTo(tx: Tx, actor: Actor, childId: string): Promise<MeetingRow[]> {
  const all = await meetingsOfChild(tx, actor.tenantId, childId);
  if (isStaff(actor)) return all;
  if (!actor.personId) return [];
  const invited = await meetingIdsInvitingPerson(tx, actor.tenantId, actor.personId);
  return all.filter((meeting) => invited.has(meeting.id) && !professionalsOnly.includes(meeting.kind)).map(sharedPart);
}

// ---- The child's meetings ---------------------------------------------------------------------

export interface MeetingsSection {
  child: ChildSummary;
  /** Each with its invitees and (for staff) its actions already in the child's plans. */
  meetings: (MeetingRow & { invitees: InviteeRow[]; actionsInPlans: Map<string, MeetingActionInPlan> })[];
  offers: OfferRow[];
  mayChange: boolean;
}

export async function meetingsSection(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<MeetingsSection | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'meeting.list'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    if (!child) return null;
    const shown = await meetingsVisibleTo(tx, actor, childId);
    const invitees = await inviteesOf(
      tx,
      actor.tenantId,
      shown.map((meeting) => meeting.id),
    );
    const mayChange = (await childrenActorMay(tx, actor, [childId], 'change')).has(childId);
    const inPlans = isStaff(actor)
      ? await meetingActionsInPlans(tx, actor.tenantId, childId)
      : new Map<string, Map<string, MeetingActionInPlan>>();
    await audit(tx, actor, childId, 'meeting.list', source, null, { meetings: shown.length });
    return {
      child,
      meetings: shown.map((meeting) => {
        const ofMeeting = invitees.filter((invitee) => invitee.meetingId === meeting.id);
        // The family reads who is invited now; staff also read the invitations withdrawn.
        return {
          ...meeting,
          invitees: isStaff(actor) ? ofMeeting : stillInvited(ofMeeting),
          actionsInPlans: inPlans.get(meeting.id) ?? new Map<string, MeetingActionInPlan>(),
        };
      }),
      offers: isStaff(actor) ? await offersOfChild(tx, actor.tenantId, childId) : [],
      mayChange,
    };
  });
}

// ---- Planning a meeting -----------------------------------------------------------------------

export interface MeetingPlanningForm {
  child: ChildSummary;
  coordinators: { userId: string; fullName: string }[];
  /** Offers the family accepted that have no conference yet. */
  acceptedOffers: OfferRow[];
  /** Conferences whose plan is agreed, which a new conference may review. */
  agreedConferences: MeetingRow[];
  childPreference: string | null;
}

export async function meetingPlanningForm(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<MeetingPlanningForm | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.plan'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    if (!child) return null;
    const meetings = await meetingsOfChild(tx, actor.tenantId, childId);
    const usedOffers = new Set(meetings.map((meeting) => meeting.offerId));
    await audit(tx, actor, childId, 'child_record.view', source, null, { part: 'meeting_planning_form' });
    return {
      child,
      coordinators: await coordinatorsIn(tx, actor.tenantId),
      acceptedOffers: (await offersOfChild(tx, actor.tenantId, childId)).filter(
        (offer) => offer.response === 'accepted' && !usedOffers.has(offer.id),
      ),
      agreedConferences: meetings.filter((meeting) => meeting.stage === 'agreed'),
      childPreference: await childsPreference(tx, actor.tenantId, childId),
    };
  });
}

export type Saved<T extends object = object> =
  | ({ outcome: 'saved' } & T)
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'conflict'; message: string };

const invalid = (issues: FieldIssue[]) => ({ outcome: 'invalid' as const, issues });
const notFound = { outcome: 'not_found' as const };
const conflict = {
  outcome: 'conflict' as const,
  message: 'Someone saved this meeting while you were working. Your words are below: check the meeting and save again',
};

export async function planMeeting(
  database: Database,
  actor: Actor,
  childId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved<{ meetingId: string }>> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.plan'))) return notFound;
    const parsed = newMeetingSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    const meeting = parsed.data;
    const conference = meeting.kind === 'family_group_conference';
    let coordinatorName: string | null = null;
    if (conference) {
      const coordinator = (await coordinatorsIn(tx, actor.tenantId)).find(
        (candidate) => candidate.userId === meeting.coordinatorUserId,
      );
      if (!coordinator) {
        return invalid([{ field: 'coordinatorUserId', message: 'Select a coordinator from the list' }]);
      }
      const independence = coordinatorProblem(
        coordinator.userId,
        await allocatedWorkersOf(tx, actor.tenantId, childId),
      );
      if (independence) return invalid([independence]);
      coordinatorName = coordinator.fullName;
    }
    if (meeting.offerId) {
      const offer = (await offersOfChild(tx, actor.tenantId, childId)).find(
        (candidate) => candidate.id === meeting.offerId,
      );
      if (!offer || offer.response !== 'accepted' || !conference) {
        return invalid([{ field: 'offerId', message: 'Choose an offer the family accepted' }]);
      }
    }
    if (meeting.reviewOfMeetingId) {
      const reviewed = UUID.test(meeting.reviewOfMeetingId)
        ? await findMeeting(tx, actor.tenantId, childId, meeting.reviewOfMeetingId)
        : undefined;
      if (!reviewed || reviewed.stage !== 'agreed' || !conference) {
        return invalid([{ field: 'reviewOfMeetingId', message: 'Choose a conference whose plan was agreed' }]);
      }
    }
    const meetingId = await insertMeeting(tx, actor.tenantId, {
      childPersonId: childId,
      kind: meeting.kind,
      heldOn: meeting.heldOn,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
      purpose: meeting.purpose,
      childPreference: await childsPreference(tx, actor.tenantId, childId),
      stage: conference ? 'preparation' : null,
      coordinatorUserId: conference ? meeting.coordinatorUserId : null,
      coordinatorName,
      reviewOfMeetingId: conference ? meeting.reviewOfMeetingId : null,
      offerId: conference ? meeting.offerId : null,
      createdBy: actor.userId,
      createdByLabel: actorLabel(actor),
    });
    const row = (await findMeeting(tx, actor.tenantId, childId, meetingId))!;
    await keepVersion(tx, actor, row, null);
    await audit(tx, actor, childId, 'meeting.plan', source, meetingId, { kind: meeting.kind });
    return { outcome: 'saved' as const, meetingId };
  });
}

// ---- One meeting ------------------------------------------------------------------------------

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

async function readMeeting(
  tx: Tx,
  actor: Actor,
  childId: string,
  meetingId: string,
  action: 'view' | 'change',
  source: RequestSource,
  auditAction: string,
): Promise<MeetingView | null> {
  if (!(await checkChildAccess(tx, actor, childId, action, source, auditAction))) return null;
  if (!UUID.test(meetingId)) return null;
  const staff = isStaff(actor);
  // Independent reads, sent together (on a server, one round trip); the staff-only ones only for staff.
  const [child, meeting, allInvitees, picking, changeable, actionsInPlans] = await together([
    childSummaryIn(tx, actor.tenantId, childId),
    findMeeting(tx, actor.tenantId, childId, meetingId),
    inviteesOf(tx, actor.tenantId, [meetingId]),
    staff ? peopleToPickFrom(tx, actor.tenantId, childId) : null,
    staff ? childrenActorMay(tx, actor, [childId], 'change') : new Set<string>(),
    staff ? meetingActionsInPlans(tx, actor.tenantId, childId) : null,
  ]);
  if (!child || !meeting) return null;
  // The family reads who is invited now; staff also read the invitations withdrawn.
  const invitees = staff ? allInvitees : stillInvited(allInvitees);
  if (!staff) {
    const invited = actor.personId !== null && invitees.some((invitee) => invitee.personId === actor.personId);
    if (!invited || professionalsOnly.includes(meeting.kind)) {
      await audit(tx, actor, childId, auditAction, source, meetingId, { notInvited: true }, 'denied');
      return null;
    }
  }
  return {
    child,
    meeting: staff ? meeting : sharedPart(meeting),
    invitees,
    people: picking ? [picking.child, ...picking.people] : [],
    waiting: staff && meeting.stage ? whatIsWaiting(meeting.stage, meeting.conference, stillInvited(invitees)) : [],
    mayChange: staff && changeable.has(childId),
    familyView: !staff,
    councilName: actor.councilName,
    actionsInPlans: actionsInPlans?.get(meetingId) ?? new Map<string, MeetingActionInPlan>(),
    today: todayInUk(),
  };
}

export async function openMeeting(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  source: RequestSource,
  part = 'meeting',
): Promise<MeetingView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await readMeeting(tx, actor, childId, meetingId, 'view', source, 'meeting.view');
    if (view) await audit(tx, actor, childId, 'meeting.view', source, meetingId, { part });
    return view;
  });
}

/** The meeting, for a form that changes it. */
export async function openMeetingForChange(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  source: RequestSource,
  part: string,
): Promise<MeetingView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await readMeeting(tx, actor, childId, meetingId, 'change', source, 'meeting.change');
    if (view) await audit(tx, actor, childId, 'meeting.view', source, meetingId, { part, forChange: true });
    return view;
  });
}

/** Runs a change of a meeting: access, the meeting, the change, a version and the audit entry. */
async function changeMeeting<T extends object>(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  source: RequestSource,
  auditAction: string,
  apply: (tx: Tx, meeting: MeetingRow, invitees: InviteeRow[]) => Promise<Saved<T>>,
  details: Record<string, string | number | boolean | null> = {},
): Promise<Saved<T>> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, auditAction))) return notFound;
    if (!UUID.test(meetingId)) return notFound;
    const meeting = await findMeeting(tx, actor.tenantId, childId, meetingId);
    if (!meeting) return notFound;
    const invitees = await inviteesOf(tx, actor.tenantId, [meetingId]);
    const result = await apply(tx, meeting, invitees);
    if (result.outcome !== 'saved') return result;
    const after = (await findMeeting(tx, actor.tenantId, childId, meetingId))!;
    await keepVersion(tx, actor, after, null);
    await audit(tx, actor, childId, auditAction, source, meetingId, { ...details, version: after.version });
    return result;
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

export async function inviteSomeone(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved<{ inviteeId: string }>> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.invite', async (tx, meeting, invitees) => {
    const parsed = inviteeSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    let { name, circle } = parsed.data;
    const { personId, relationship } = parsed.data;
    if (personId) {
      const picking = await peopleToPickFrom(tx, actor.tenantId, childId);
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
    const inviteeId = await insertInvitee(tx, actor.tenantId, {
      meetingId: meeting.id,
      personId,
      name: name!,
      relationship,
      circle: circle!,
    });
    // The meeting's version moves on so that a form opened before this change knows.
    if ((await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const, inviteeId };
  });
}

export async function recordPreparationVisit(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  inviteeId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.attendance', async (tx, meeting) => {
    const parsed = preparationVisitSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    if (!UUID.test(inviteeId) || !(await updateInvitee(tx, actor.tenantId, meeting.id, inviteeId, parsed.data))) {
      return notFound;
    }
    if ((await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {})) === null) return conflict;
    return { outcome: 'saved' as const };
  });
}

/** How the child took part, what was shared, and the professionals' own notes. */
export async function recordWhatHappened(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  expectedVersion: number,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.record', async (tx, meeting) => {
    const parsed = outcomeSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, expectedVersion, {
      ...parsed.data,
      childPreference: parsed.data.childPreference ?? meeting.childPreference,
    });
    return saved === null ? conflict : { outcome: 'saved' as const };
  });
}

export async function addDecision(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.decision', async (tx, meeting) => {
    const parsed = decisionSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    const decision: MeetingDecision = { id: randomUUID(), ...parsed.data };
    const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {
      decisions: [...meeting.decisions, decision],
    });
    return saved === null ? conflict : { outcome: 'saved' as const };
  });
}

export async function addAction(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  return changeMeeting(database, actor, childId, meetingId, source, 'meeting.action', async (tx, meeting) => {
    const parsed = actionSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    const action: MeetingAction = { id: randomUUID(), ...parsed.data };
    const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, meeting.version, {
      actions: [...meeting.actions, action],
    });
    return saved === null ? conflict : { outcome: 'saved' as const };
  });
}

/**
 * Withdraws an invitation before the meeting is held (someone invited by mistake, or no longer
 * coming). The invitation stays in the meeting's record, marked withdrawn with when, by whom and
 * why, and the meeting's new version keeps it too. Someone who came cannot be withdrawn.
 */
export async function withdrawInvitation(
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
    async (tx, meeting, invitees) => {
      const invitee = UUID.test(inviteeId) ? invitees.find((candidate) => candidate.id === inviteeId) : undefined;
      if (!invitee) return notFound;
      const parsed = withdrawalSchema.safeParse(input);
      if (!parsed.success) return invalid(issuesOf(parsed.error));
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
    { inviteeId: UUID.test(inviteeId) ? inviteeId : null },
  );
}

// ---- A meeting's action as a plan action -------------------------------------------------------

export interface ActionForPlan {
  view: MeetingView;
  action: MeetingAction;
  /** The plan action it already is, when it is. */
  inPlan: MeetingActionInPlan | null;
  /** The child's plans, newest first, with their goals: none when the child has no plan yet. */
  plans: PlanToChoose[];
  /** The person in the child's network the action's owner is, when the name says so. */
  owner: PossibleOwner | null;
}

/** A meeting's action with the child's plans it could become an action of, for the page that asks which. */
export async function actionForPlan(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  actionId: string,
  source: RequestSource,
): Promise<ActionForPlan | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await readMeeting(tx, actor, childId, meetingId, 'change', source, 'meeting.change');
    if (!view || view.familyView) return null;
    const action = view.meeting.actions.find((candidate) => candidate.id === actionId);
    if (!action) return null;
    const choices = await plansToAddMeetingActionTo(tx, actor, childId, action.ownerName);
    await audit(tx, actor, childId, 'meeting.view', source, meetingId, {
      part: 'action_to_plan',
      forChange: true,
      actionId,
    });
    return { view, action, inPlan: view.actionsInPlans.get(actionId) ?? null, ...choices };
  });
}

export type ActionToPlan =
  | { outcome: 'added'; planId: string; planActionId: string }
  | { outcome: 'already_in_plan'; planId: string; planActionId: string; planTitle: string }
  | { outcome: 'no_plan' }
  | { outcome: 'not_found' }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'conflict'; message: string };

/**
 * Makes one of a meeting's actions an action of the child's plan, through the plans' own rules,
 * with the meeting and the action kept as its source. Once only: a second time says where it
 * already is. The meeting is held for the transaction, so two people cannot add it twice at once.
 * Needs the right to change the child's record; audited on the child's record either way.
 */
export async function addActionToPlan(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  actionId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<ActionToPlan> {
  return withTenant(database.orm, actor.tenantId, async (tx): Promise<ActionToPlan> => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.action_to_plan'))) return notFound;
    if (!isStaff(actor) || !UUID.test(meetingId)) return notFound;
    const meeting = await findMeetingForUpdate(tx, actor.tenantId, childId, meetingId);
    const action = meeting?.actions.find((candidate) => candidate.id === actionId);
    if (!meeting || !action) return notFound;
    const parsed = actionToPlanSchema.safeParse(input);
    const result = await addActionFromMeeting(
      tx,
      actor,
      childId,
      {
        // Already in a plan, or no plan yet, is the answer whatever was chosen.
        choice: parsed.success ? parsed.data : null,
        whatWillHappen: action.whatWillHappen,
        ownerName: action.ownerName,
        dueOn: action.dueOn,
        source: {
          meetingId: meeting.id,
          actionId: action.id,
          meetingName: meetingNameInSentence(meeting.kind),
          heldOn: meeting.heldOn,
        },
      },
      source,
    );
    switch (result.outcome) {
      case 'added':
        await audit(tx, actor, childId, 'meeting.action_to_plan', source, meeting.id, {
          actionId: action.id,
          planId: result.planId,
          planActionId: result.planActionId,
        });
        return { outcome: 'added', planId: result.planId, planActionId: result.planActionId };
      case 'already_in_plan':
        await audit(tx, actor, childId, 'meeting.action_to_plan', source, meeting.id, {
          actionId: action.id,
          planId: result.planId,
          alreadyInPlan: true,
        });
        return result;
      case 'conflict':
        return { outcome: 'conflict', message: result.message };
      case 'invalid':
        return parsed.success ? result : invalid(issuesOf(parsed.error));
      case 'no_plan':
        return result;
    }
  });
}

// ---- The four stages of a family group conference ---------------------------------------------

function parseStage(part: StagePart, input: Record<string, unknown>, heldOn: string) {
  switch (part) {
    case 'preparation': {
      const parsed = preparationSchema.safeParse(input);
      return parsed.success ? { value: parsed.data } : { issues: issuesOf(parsed.error) };
    }
    case 'information': {
      const lines =
        typeof input.bottomLines === 'string' ? bottomLinesFrom(input.bottomLines) : (input.bottomLines ?? []);
      const parsed = informationSchema.safeParse({ ...input, bottomLines: lines });
      return parsed.success ? { value: parsed.data } : { issues: issuesOf(parsed.error) };
    }
    case 'privateFamilyTime': {
      const parsed = privateTimeSchema.safeParse(input);
      if (!parsed.success) return { issues: issuesOf(parsed.error) };
      const problems = privateTimeProblems(parsed.data);
      return problems.length ? { issues: problems } : { value: parsed.data };
    }
    case 'agreement': {
      const parsed = agreementSchema.safeParse(input);
      if (!parsed.success) return { issues: issuesOf(parsed.error) };
      const agreement = {
        ...parsed.data,
        unmetBottomLinesReason: parsed.data.meetsBottomLines ? null : parsed.data.unmetBottomLinesReason,
      };
      const problems = agreementProblems(agreement, heldOn);
      return problems.length ? { issues: problems } : { value: agreement };
    }
  }
}

/**
 * Records one stage of a family group conference, if the stages before it are recorded. An
 * accepted agreement makes the family's plan the child's plan (or a new version of the plan the
 * conference reviews), its source kept.
 */
export async function recordStage(
  database: Database,
  actor: Actor,
  childId: string,
  meetingId: string,
  part: StagePart,
  input: Record<string, unknown>,
  expectedVersion: number,
  source: RequestSource,
): Promise<Saved<{ planId: string | null }>> {
  return changeMeeting(
    database,
    actor,
    childId,
    meetingId,
    source,
    `conference.${stageOfPart[part]}`,
    async (tx, meeting, invitees) => {
      if (!meeting.stage) return notFound;
      const fromFamily = stillInvited(invitees).filter(
        (invitee) => invitee.circle === 'family' || invitee.circle === 'network',
      ).length;
      const order = stageProblem(part, meeting.conference, meeting.stage, fromFamily);
      if (order) return invalid([order]);
      const parsed = parseStage(part, input, meeting.heldOn);
      if ('issues' in parsed) return invalid(parsed.issues ?? []);
      const conference: Conference = { ...meeting.conference, [part]: parsed.value };
      const stage = stageAfter(part, meeting.stage, conference.agreement);
      let planId: string | null = meeting.planId;
      if (part === 'agreement' && stage === 'agreed') {
        const reviewed = meeting.reviewOfMeetingId
          ? await findMeeting(tx, actor.tenantId, childId, meeting.reviewOfMeetingId)
          : undefined;
        const agreement = conference.agreement!;
        planId = await adoptFamilyPlan(
          tx,
          actor,
          childId,
          {
            meetingId: meeting.id,
            meetingName: meetingNameInSentence(meeting.kind),
            heldOn: meeting.heldOn,
            planId: reviewed?.planId ?? null,
            title: `Family plan from the family group conference on ${dateInWords(meeting.heldOn)}`,
            agreedOn: meeting.heldOn,
            reviewBy: agreement.reviewOn,
            goalsInFamilyWords: [conference.privateFamilyTime!.familyPlan, agreement.whatWasAgreed],
            actions: meeting.actions.filter((action) => action.forThePlan),
            support: agreement.resourcesCommitted,
            reason: reviewed
              ? `Agreed at the review of the family plan on ${dateInWords(meeting.heldOn)}${agreement.changesAndWhy ? `: ${agreement.changesAndWhy}` : ''}`
              : `Agreed at the family group conference on ${dateInWords(meeting.heldOn)}`,
          },
          source,
        );
      }
      const saved = await updateMeetingIfVersion(tx, actor.tenantId, meeting.id, expectedVersion, {
        conference,
        stage,
        planId,
      });
      if (saved === null) return conflict;
      return { outcome: 'saved' as const, planId };
    },
  );
}

// ---- Offers of a family group decision-making meeting -----------------------------------------

export async function offerFamilyMeeting(
  database: Database,
  actor: Actor,
  childId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved<{ offerId: string }>> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.offer'))) return notFound;
    const parsed = offerSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    const offerId = await insertOffer(tx, actor.tenantId, {
      childPersonId: childId,
      ...parsed.data,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await audit(tx, actor, childId, 'meeting.offer', source, null, { offerId });
    return { outcome: 'saved' as const, offerId };
  });
}

export async function recordOfferAnswer(
  database: Database,
  actor: Actor,
  childId: string,
  offerId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<Saved> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.offer_answer'))) return notFound;
    const parsed = offerResponseSchema.safeParse(input);
    if (!parsed.success) return invalid(issuesOf(parsed.error));
    if (!UUID.test(offerId) || !(await answerOffer(tx, actor.tenantId, childId, offerId, parsed.data))) return notFound;
    await audit(tx, actor, childId, 'meeting.offer_answer', source, null, { offerId, response: parsed.data.response });
    return { outcome: 'saved' as const };
  });
}

export async function offerFor(
  database: Database,
  actor: Actor,
  childId: string,
  offerId: string,
  source: RequestSource,
): Promise<{ child: ChildSummary; offer: OfferRow } | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.offer_answer'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    const offer = (await offersOfChild(tx, actor.tenantId, childId)).find((candidate) => candidate.id === offerId);
    if (!child || !offer) return null;
    await audit(tx, actor, childId, 'child_record.view', source, null, { part: 'offer', offerId });
    return { child, offer };
  });
}

export async function childForOffer(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<ChildSummary | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'meeting.offer'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    if (child) await audit(tx, actor, childId, 'child_record.view', source, null, { part: 'offer_form' });
    return child ?? null;
  });
}

// ---- The coordinator's conferences, and the counts --------------------------------------------

export interface CoordinatorsConference {
  meeting: MeetingRow;
  child: ChildSummary;
  waiting: string[];
}

/** The conferences this coordinator runs, for children whose records they may see. */
export async function coordinatorsConferences(
  database: Database,
  actor: Actor,
  source: RequestSource,
): Promise<CoordinatorsConference[]> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const mine = await conferencesCoordinatedBy(tx, actor.tenantId, actor.userId);
    const viewable = await childrenActorMay(
      tx,
      actor,
      mine.map((meeting) => meeting.childPersonId),
      'view',
    );
    const shown = mine.filter((meeting) => viewable.has(meeting.childPersonId));
    const invitees = await inviteesOf(
      tx,
      actor.tenantId,
      shown.map((meeting) => meeting.id),
    );
    const list: CoordinatorsConference[] = [];
    for (const meeting of shown) {
      const child = await childSummaryIn(tx, actor.tenantId, meeting.childPersonId);
      if (!child) continue;
      list.push({
        meeting,
        child,
        waiting: whatIsWaiting(
          meeting.stage!,
          meeting.conference,
          stillInvited(invitees.filter((invitee) => invitee.meetingId === meeting.id)),
        ),
      });
    }
    for (const childId of new Set(shown.map((meeting) => meeting.childPersonId))) {
      await audit(tx, actor, childId, 'conference.list', source, null);
    }
    return list;
  });
}

/** Across the council: offers, acceptances, refusals, conferences held, plans agreed, reviews. */
export async function familyMeetingCounts(
  database: Database,
  actor: Actor,
  source: RequestSource,
): Promise<FamilyMeetingCounts & { children: number }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const offers = await allOffers(tx, actor.tenantId);
    const conferences = await allConferences(tx, actor.tenantId);
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'family_meeting.counts',
      outcome: 'allowed',
      actor: author(actor),
      source,
    });
    return {
      ...countFamilyMeetings(offers, conferences),
      children: new Set([...offers, ...conferences].map((row) => row.childPersonId)).size,
    };
  });
}

export { meetingKindNames };

/**
 * The child's meetings as events in the child's chronology. A chronology source is not told who
 * is reading (family members may read the chronology), so it leaves out strategy discussions and
 * professionals' meetings and says only the kind of meeting and its date, nothing of its content.
 */
export async function meetingChronologyEvents(tx: Tx, tenantId: string, childId: string) {
  return (await meetingsOfChild(tx, tenantId, childId))
    .filter((meeting) => !professionalsOnly.includes(meeting.kind))
    .map((meeting) => ({
      occurredAt: meeting.heldOn,
      type: 'meeting',
      title: `${meetingKindNames[meeting.kind]}${meeting.stage === 'agreed' ? ': family plan agreed' : ''}`,
      details: null,
      byline: meeting.coordinatorName ? `Coordinated by ${meeting.coordinatorName}` : null,
      href: meetingsPaths.meeting(childId, meeting.id),
    }));
}
