/** Across the child's records: the coordinator's conferences, the council's counts, and the chronology's events. */
import type { Database, Tx } from '../../../platform/db/database.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../../platform/audit/audit-log.js';
import type { ChronologyEvent } from '../../../platform/chronology/sources.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import {
  auditChildRecord,
  childrenActorMay,
  childSummaryIn,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import {
  countFamilyMeetings,
  meetingKindNames,
  professionalsOnly,
  stillInvited,
  whatIsWaiting,
  type FamilyMeetingCounts,
} from '../conference.js';
import { meetingPaths } from '../paths.js';
import {
  allConferences,
  allOffers,
  conferencesCoordinatedBy,
  inviteesOf,
  meetingsOfChild,
  type MeetingRow,
} from '../queries.js';

export interface CoordinatorsConference {
  meeting: MeetingRow;
  child: ChildSummary;
  waiting: string[];
}

/** The conferences this coordinator runs, for children whose records they may see. */
export function coordinatorsConferences(
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
      await auditChildRecord(tx, actor, childId, { action: 'conference.list', outcome: 'allowed' }, source);
    }
    return list;
  });
}

/** Across the council: offers, acceptances, refusals, conferences held, plans agreed, reviews. */
export function familyMeetingCounts(
  database: Database,
  actor: Actor,
  source: RequestSource,
): Promise<FamilyMeetingCounts & { children: number }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const offers = await allOffers(tx, actor.tenantId);
    const conferences = await allConferences(tx, actor.tenantId);
    // About no one child: the council's counts.
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'family_meeting.counts',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      source,
    });
    return {
      ...countFamilyMeetings(offers, conferences),
      children: new Set([...offers, ...conferences].map((row) => row.childPersonId)).size,
    };
  });
}

/**
 * The child's meetings as events in the child's chronology. A chronology source is not told who
 * is reading (family members may read the chronology), so it leaves out strategy discussions and
 * professionals' meetings and says only the kind of meeting and its date, nothing of its content.
 */
export async function meetingChronologyEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  return (await meetingsOfChild(tx, tenantId, childId))
    .filter((meeting) => !professionalsOnly.includes(meeting.kind))
    .map((meeting) => ({
      occurredAt: meeting.heldOn,
      type: 'meeting',
      title: `${meetingKindNames[meeting.kind]}${meeting.stage === 'agreed' ? ': family plan agreed' : ''}`,
      details: null,
      byline: meeting.coordinatorName ? `Coordinated by ${meeting.coordinatorName}` : null,
      href: meetingPaths.meeting.href({ childId, meetingId: meeting.id }),
    }));
}
