/** Every path of the meetings feature, written once: the route pattern and the link come from one definition. */
import { path } from '../../platform/http/path.js';

/** The four stages' forms, by the part of the conference each records. */
export const stageSlugs = {
  preparation: 'preparation',
  information: 'information',
  privateFamilyTime: 'private-family-time',
  agreement: 'agreement',
} as const;

export const meetingPaths = {
  section: path('/children/:childId/meetings'),
  newMeeting: path('/children/:childId/meetings/new'),
  newOffer: path('/children/:childId/meetings/offers/new'),
  offer: path('/children/:childId/meetings/offers/:offerId'),
  meeting: path('/children/:childId/meetings/:meetingId'),
  invitees: path('/children/:childId/meetings/:meetingId/invitees'),
  invitee: path('/children/:childId/meetings/:meetingId/invitees/:inviteeId'),
  withdrawInvitation: path('/children/:childId/meetings/:meetingId/invitees/:inviteeId/withdraw'),
  whatHappened: path('/children/:childId/meetings/:meetingId/what-happened'),
  decisions: path('/children/:childId/meetings/:meetingId/decisions'),
  actions: path('/children/:childId/meetings/:meetingId/actions'),
  actionToPlan: path('/children/:childId/meetings/:meetingId/actions/:actionId/add-to-plan'),
  stage: path('/children/:childId/meetings/:meetingId/stages/:stage'),
  invitation: path('/children/:childId/meetings/:meetingId/invitation.ics'),
  letter: path('/children/:childId/meetings/:meetingId/letter'),
  conferences: path('/conferences'),
  counts: path('/family-meetings/counts'),
  api: {
    meetings: path('/api/v1/children/:childId/meetings'),
    meeting: path('/api/v1/children/:childId/meetings/:meetingId'),
    invitees: path('/api/v1/children/:childId/meetings/:meetingId/invitees'),
    withdrawal: path('/api/v1/children/:childId/meetings/:meetingId/invitees/:inviteeId/withdrawal'),
    decisions: path('/api/v1/children/:childId/meetings/:meetingId/decisions'),
    actions: path('/api/v1/children/:childId/meetings/:meetingId/actions'),
    actionToPlan: path('/api/v1/children/:childId/meetings/:meetingId/actions/:actionId/plan'),
    /** One endpoint for each stage of a conference, each with its own fields. */
    stages: {
      preparation: path('/api/v1/children/:childId/meetings/:meetingId/stages/preparation'),
      information: path('/api/v1/children/:childId/meetings/:meetingId/stages/information'),
      privateFamilyTime: path('/api/v1/children/:childId/meetings/:meetingId/stages/private-family-time'),
      agreement: path('/api/v1/children/:childId/meetings/:meetingId/stages/agreement'),
    },
    offers: path('/api/v1/children/:childId/family-meeting-offers'),
    offer: path('/api/v1/children/:childId/family-meeting-offers/:offerId'),
    conferences: path('/api/v1/conferences'),
    counts: path('/api/v1/family-meetings/counts'),
  },
} as const;
