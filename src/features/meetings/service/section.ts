/** The child's meetings and offers, and planning a meeting. */
import { isUuid } from '../../../platform/db/ids.js';
import { actorLabel } from '../../../platform/identity/actor.js';
import { childRecordService, type ChildSummary } from '../../child-record/index.js';
import { meetingActionsInPlans, type MeetingActionInPlan } from '../../plans/index.js';
import { coordinatorProblem, stillInvited } from '../conference.js';
import {
  allocatedWorkersOf,
  coordinatorsIn,
  findMeeting,
  insertMeeting,
  inviteesOf,
  meetingsOfChild,
  offersOfChild,
  type InviteeRow,
  type MeetingRow,
  type OfferRow,
} from '../queries.js';
import { newMeetingSchema } from '../validation.js';
import {
  auditMeeting,
  childsPreference,
  invalid,
  isStaff,
  keepVersion,
  meetingsVisibleTo,
  notFound,
  parsedOr,
  type Saved,
} from './record.js';

export interface MeetingsSection {
  child: ChildSummary;
  /** Each with its invitees and (for staff) its actions already in the child's plans. */
  meetings: (MeetingRow & { invitees: InviteeRow[]; actionsInPlans: Map<string, MeetingActionInPlan> })[];
  offers: OfferRow[];
  mayChange: boolean;
}

export const meetingsSection = childRecordService('view', 'meeting.list', async (record): Promise<MeetingsSection> => {
  const { tx, tenantId, actor, childId } = record;
  const shown = await meetingsVisibleTo(tx, actor, childId);
  const invitees = await inviteesOf(
    tx,
    tenantId,
    shown.map((meeting) => meeting.id),
  );
  const inPlans = isStaff(actor)
    ? await meetingActionsInPlans(tx, tenantId, childId)
    : new Map<string, Map<string, MeetingActionInPlan>>();
  await record.audit('meeting.list', { meetings: shown.length });
  return {
    child: record.child,
    meetings: shown.map((meeting) => {
      const ofMeeting = invitees.filter((invitee) => invitee.meetingId === meeting.id);
      // The family reads who is invited now; staff also read the invitations withdrawn.
      return {
        ...meeting,
        invitees: isStaff(actor) ? ofMeeting : stillInvited(ofMeeting),
        actionsInPlans: inPlans.get(meeting.id) ?? new Map<string, MeetingActionInPlan>(),
      };
    }),
    offers: isStaff(actor) ? await offersOfChild(tx, tenantId, childId) : [],
    mayChange: record.mayChange,
  };
});

export interface MeetingPlanningForm {
  child: ChildSummary;
  coordinators: { userId: string; fullName: string }[];
  /** Offers the family accepted that have no conference yet. */
  acceptedOffers: OfferRow[];
  /** Conferences whose plan is agreed, which a new conference may review. */
  agreedConferences: MeetingRow[];
  childPreference: string | null;
}

export const meetingPlanningForm = childRecordService(
  'change',
  'meeting.plan',
  async (record): Promise<MeetingPlanningForm> => {
    const { tx, tenantId, childId } = record;
    const meetings = await meetingsOfChild(tx, tenantId, childId);
    const usedOffers = new Set(meetings.map((meeting) => meeting.offerId));
    await record.audit('child_record.view', { part: 'meeting_planning_form' });
    return {
      child: record.child,
      coordinators: await coordinatorsIn(tx, tenantId),
      acceptedOffers: (await offersOfChild(tx, tenantId, childId)).filter(
        (offer) => offer.response === 'accepted' && !usedOffers.has(offer.id),
      ),
      agreedConferences: meetings.filter((meeting) => meeting.stage === 'agreed'),
      childPreference: await childsPreference(tx, tenantId, childId),
    };
  },
);

export const planMeeting = childRecordService(
  'change',
  'meeting.plan',
  async (record, input: Record<string, unknown>): Promise<Saved<{ meetingId: string }>> => {
    const { tx, tenantId, actor, childId } = record;
    const parsed = parsedOr(newMeetingSchema, input);
    if (!('data' in parsed)) return parsed;
    const meeting = parsed.data;
    const conference = meeting.kind === 'family_group_conference';
    let coordinatorName: string | null = null;
    if (conference) {
      const coordinator = (await coordinatorsIn(tx, tenantId)).find(
        (candidate) => candidate.userId === meeting.coordinatorUserId,
      );
      if (!coordinator) {
        return invalid([{ field: 'coordinatorUserId', message: 'Select a coordinator from the list' }]);
      }
      const independence = coordinatorProblem(coordinator.userId, await allocatedWorkersOf(tx, tenantId, childId));
      if (independence) return invalid([independence]);
      coordinatorName = coordinator.fullName;
    }
    if (meeting.offerId) {
      const offer = (await offersOfChild(tx, tenantId, childId)).find((candidate) => candidate.id === meeting.offerId);
      if (!offer || offer.response !== 'accepted' || !conference) {
        return invalid([{ field: 'offerId', message: 'Choose an offer the family accepted' }]);
      }
    }
    if (meeting.reviewOfMeetingId) {
      const reviewed = isUuid(meeting.reviewOfMeetingId)
        ? await findMeeting(tx, tenantId, childId, meeting.reviewOfMeetingId)
        : undefined;
      if (!reviewed || reviewed.stage !== 'agreed' || !conference) {
        return invalid([{ field: 'reviewOfMeetingId', message: 'Choose a conference whose plan was agreed' }]);
      }
    }
    // What every meeting has: its kind, when and where, and what it is for.
    const { coordinatorUserId, offerId, reviewOfMeetingId, ...planned } = meeting;
    const meetingId = await insertMeeting(tx, tenantId, {
      childPersonId: childId,
      ...planned,
      childPreference: await childsPreference(tx, tenantId, childId),
      stage: conference ? 'preparation' : null,
      coordinatorUserId: conference ? coordinatorUserId : null,
      coordinatorName,
      reviewOfMeetingId: conference ? reviewOfMeetingId : null,
      offerId: conference ? offerId : null,
      createdBy: actor.userId,
      createdByLabel: actorLabel(actor),
    });
    const row = (await findMeeting(tx, tenantId, childId, meetingId))!;
    await keepVersion(tx, actor, row, null);
    await auditMeeting(record, 'meeting.plan', meetingId, { kind: meeting.kind });
    return { outcome: 'saved' as const, meetingId };
  },
  notFound,
);
