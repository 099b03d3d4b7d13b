import { defineAuditActions, type AuditActionsOf } from '../../platform/audit/catalogue.js';

/**
 * What the meetings feature records. Forms that only show a child's details record the
 * platform's `child_record.view`; entries about one meeting have the meeting as their subject.
 */
export const meetingAuditActions = defineAuditActions({
  'meeting.list': 'Looked at the child’s meetings',
  'meeting.view': 'Opened a meeting',
  'meeting.change': 'Opened a meeting to change it',
  'meeting.plan': 'Planned a meeting',
  'meeting.invite': 'Invited someone to a meeting',
  'meeting.attendance': 'Recorded a preparation visit or who came to a meeting',
  'meeting.record': 'Recorded what happened at a meeting',
  'meeting.decision': 'Recorded a decision of a meeting',
  'meeting.action': 'Recorded an action of a meeting',
  'meeting.invitation_withdrawn': 'Withdrew an invitation to a meeting',
  'meeting.action_to_plan': 'Added a meeting’s action to the child’s plan',
  'meeting.offer': 'Recorded an offer of a family group decision-making meeting',
  'meeting.offer_answer': 'Recorded the family’s answer to an offer of a family group decision-making meeting',
  'conference.preparation': 'Recorded the preparation of a family group conference',
  'conference.information': 'Recorded the information stage of a family group conference',
  'conference.private_family_time': 'Recorded private family time at a family group conference',
  'conference.agreement': 'Recorded the agreement of a family group conference',
  'conference.list': 'Looked at the conferences they coordinate',
  'family_meeting.counts': 'Looked at the counts of family group decision-making',
});

declare module '../../platform/audit/catalogue.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AuditActionCatalogue extends AuditActionsOf<typeof meetingAuditActions> {}
}
