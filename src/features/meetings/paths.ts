const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;
const meeting = (childId: string, meetingId: string) => `${child(childId)}/meetings/${encodeURIComponent(meetingId)}`;

/** The four stages' forms, by the part of the conference each records. */
export const stageSlugs = {
  preparation: 'preparation',
  information: 'information',
  privateFamilyTime: 'private-family-time',
  agreement: 'agreement',
} as const;

export const meetingsPaths = {
  sectionPattern: '/children/:childId/meetings',
  section: (childId: string) => `${child(childId)}/meetings`,
  newMeetingPattern: '/children/:childId/meetings/new',
  newMeeting: (childId: string) => `${child(childId)}/meetings/new`,
  newOfferPattern: '/children/:childId/meetings/offers/new',
  newOffer: (childId: string) => `${child(childId)}/meetings/offers/new`,
  offerPattern: '/children/:childId/meetings/offers/:offerId',
  offer: (childId: string, offerId: string) => `${child(childId)}/meetings/offers/${encodeURIComponent(offerId)}`,
  meetingPattern: '/children/:childId/meetings/:meetingId',
  meeting,
  inviteePattern: '/children/:childId/meetings/:meetingId/invitees',
  invitees: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/invitees`,
  oneInviteePattern: '/children/:childId/meetings/:meetingId/invitees/:inviteeId',
  invitee: (childId: string, meetingId: string, inviteeId: string) =>
    `${meeting(childId, meetingId)}/invitees/${encodeURIComponent(inviteeId)}`,
  withdrawInvitationPattern: '/children/:childId/meetings/:meetingId/invitees/:inviteeId/withdraw',
  withdrawInvitation: (childId: string, meetingId: string, inviteeId: string) =>
    `${meeting(childId, meetingId)}/invitees/${encodeURIComponent(inviteeId)}/withdraw`,
  whatHappenedPattern: '/children/:childId/meetings/:meetingId/what-happened',
  whatHappened: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/what-happened`,
  decisionsPattern: '/children/:childId/meetings/:meetingId/decisions',
  decisions: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/decisions`,
  actionsPattern: '/children/:childId/meetings/:meetingId/actions',
  actions: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/actions`,
  actionToPlanPattern: '/children/:childId/meetings/:meetingId/actions/:actionId/add-to-plan',
  actionToPlan: (childId: string, meetingId: string, actionId: string) =>
    `${meeting(childId, meetingId)}/actions/${encodeURIComponent(actionId)}/add-to-plan`,
  stagePattern: '/children/:childId/meetings/:meetingId/stages/:stage',
  stage: (childId: string, meetingId: string, stage: string) => `${meeting(childId, meetingId)}/stages/${stage}`,
  invitationPattern: '/children/:childId/meetings/:meetingId/invitation.ics',
  invitation: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/invitation.ics`,
  letterPattern: '/children/:childId/meetings/:meetingId/letter',
  letter: (childId: string, meetingId: string) => `${meeting(childId, meetingId)}/letter`,
  conferences: '/conferences',
  counts: '/family-meetings/counts',
  api: {
    meetings: '/api/v1/children/:childId/meetings',
    meeting: '/api/v1/children/:childId/meetings/:meetingId',
    invitees: '/api/v1/children/:childId/meetings/:meetingId/invitees',
    withdrawal: '/api/v1/children/:childId/meetings/:meetingId/invitees/:inviteeId/withdrawal',
    decisions: '/api/v1/children/:childId/meetings/:meetingId/decisions',
    actions: '/api/v1/children/:childId/meetings/:meetingId/actions',
    actionToPlan: '/api/v1/children/:childId/meetings/:meetingId/actions/:actionId/plan',
    /** One endpoint for each stage of a conference, each with its own fields. */
    stage: (slug: string) => `/api/v1/children/:childId/meetings/:meetingId/stages/${slug}`,
    offers: '/api/v1/children/:childId/family-meeting-offers',
    offer: '/api/v1/children/:childId/family-meeting-offers/:offerId',
    conferences: '/api/v1/conferences',
    counts: '/api/v1/family-meetings/counts',
  },
} as const;
