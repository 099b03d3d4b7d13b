/**
 * Meetings about the child, for the synthetic council.
 *
 * For a share of children the meetings are recorded in Kith: the strategy discussion and
 * child protection conference that start a child protection plan, a review meeting of the
 * plan's kind for each plan review, now and then a network or professionals' meeting, and the
 * next review, planned with its invitations out. Each meeting invites people from the child's
 * own world (the child too, when they want to come), records who came, how the child took
 * part, what was shared, the decisions with their reasons and the actions.
 *
 * Some families are offered a family group conference; most accept. A conference moves through
 * its four stages with its coordinator (independent of the case), and the plan the family make
 * in private family time becomes the child's family plan (synthetic-plans.ts adoptFamilyPlan);
 * some are reviewed at a second conference, which makes a new version of that plan. Every
 * change is kept in record_versions and audited, as the meetings service does.
 */
import type { Conference, MeetingAction, MeetingDecision } from '../src/features/meetings/conference.js';
import { dateInWords as planDateInWords } from '../src/features/plans/plan-rules.js';
import type {
  Attendance,
  ConferenceStage,
  InviteeCircle,
  MeetingKind,
  OfferResponse,
} from '../src/features/meetings/schema.js';
import { participationWayNames } from '../src/features/voice/participation.js';
import { isoDay, seedFrom, uuidAt, type Random } from './synthetic-council.js';
import {
  about,
  between,
  chance,
  DAY_MS,
  isoTime,
  pick,
  several,
  strideId,
  workingTime,
  type ChildContext,
  type KeptVersion,
  type Someone,
  type StaffMember,
} from './synthetic-context.js';
import { adoptFamilyPlan, followFamilyPlan, type PlanIds, type SyntheticPlan } from './synthetic-plans.js';
import type { SyntheticPreference } from './synthetic-words.js';

export interface SyntheticInvitee {
  id: string;
  meetingId: string;
  personId: string | null;
  name: string;
  relationship: string | null;
  circle: InviteeCircle;
  attendance: Attendance;
  preparationVisitOn: string | null;
  preparationNotes: string | null;
  addedAt: string;
}

export interface SyntheticMeeting {
  id: string;
  childPersonId: string;
  kind: MeetingKind;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  purpose: string | null;
  childPreference: string | null;
  howChildTookPart: string | null;
  whatWasShared: string | null;
  professionalNotes: string | null;
  decisions: MeetingDecision[];
  actions: MeetingAction[];
  stage: ConferenceStage | null;
  coordinatorUserId: string | null;
  coordinatorName: string | null;
  conference: Conference;
  reviewOfMeetingId: string | null;
  offerId: string | null;
  planId: string | null;
  version: number;
  createdBy: string;
  createdByLabel: string;
  createdAt: string;
  updatedAt: string;
  invitees: SyntheticInvitee[];
}

export interface SyntheticOffer {
  id: string;
  childPersonId: string;
  offeredOn: string;
  beforeDecision: string;
  response: OfferResponse;
  respondedOn: string | null;
  familyReason: string | null;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

const MAX_MEETINGS = 48;
const MAX_INVITEES = 1024;
const MAX_ITEMS = 512;
const MAX_OFFERS = 4;
/** The share of children whose meetings are recorded in Kith. */
const MEETINGS_SHARE = 0.6;
const FAMILY_CONFERENCE_SHARE = 0.12;

// ---- Words --------------------------------------------------------------------------------------

const places = [
  'Northfield Family Centre, meeting room 2',
  'At school, in the meeting room',
  'The Civic Centre, room 4',
  'Online, by video call',
  'At home',
  'The children’s centre on Station Road',
];
const times: readonly [string, string][] = [
  ['09:30', '11:00'],
  ['10:00', '11:30'],
  ['13:30', '15:00'],
  ['15:45', '17:00'],
];
const shared: Record<MeetingKind, readonly string[]> = {
  network_meeting: [
    'Everyone said what they can do to help. Nan will have the children on Tuesdays; the neighbours will be on the phone rota at weekends.',
    'The family explained the safety plan in their own words and everyone agreed their part in it.',
  ],
  family_group_conference: ['The family shared their plan and the professionals said what support they can give.'],
  child_in_need_review: [
    'Things are calmer at home. School said attendance is up and {child} is enjoying football again.',
    'Mum said the mornings are still hard but the routine chart is helping. The health visitor said the appointments have been kept.',
  ],
  child_protection_conference: [
    'The worries about the arguments at home were shared in plain words. The family told the conference what is going well and what help they want.',
    'The police and school shared what happened in the summer. The family said they want to work with everyone to keep {child} safe.',
  ],
  child_protection_review: [
    'There have been no incidents since the last review. The network rota has held and {child} says they feel safe.',
    'The family have kept to the plan. One weekend was hard and Mum rang Nan, as the plan says.',
  ],
  child_in_care_review: [
    '{child} is settled with their carers and doing well at school. Time with Mum is going well.',
    '{child} said they like their bedroom and want to keep seeing their brother every week.',
  ],
  strategy_discussion: [
    'The school and the police shared what they know. Everyone agreed to visit together today and to speak with {child} at school.',
  ],
  professionals_meeting: [
    'The professionals agreed who visits when, so the family are not seeing three workers in one week.',
  ],
};
const notes = [
  'The family were open and engaged. Follow up with Dad, who was quieter than usual.',
  'Mum seemed tired; check in about her appointment with the GP at the next visit.',
  'A good meeting. The network is growing.',
  'Nan is carrying a lot; ask about support for her at the next visit.',
];
const decisionBank: readonly { decision: string; reason: string }[] = [
  {
    decision: 'Carry on with the plan as it is',
    reason: 'It is working: things are calmer and everyone is doing their part',
  },
  { decision: 'Visits move to every three weeks', reason: 'The family are managing well and asked for more space' },
  {
    decision: 'Hold a network meeting before the school holidays',
    reason: 'The rota needs to cover the weeks without school',
  },
  { decision: 'Refer Mum to the talking therapy service', reason: 'Mum asked for help with her mood' },
  {
    decision: 'Step down to a child in need plan',
    reason: 'The worries that led to the plan have not happened for six months',
  },
  { decision: 'Continue the child protection plan', reason: 'The changes are recent and need to hold for longer' },
  { decision: 'Offer a family group conference', reason: 'The wider family want to be part of the plan' },
];
const actionBank = [
  'Share attendance with Mum every fortnight',
  'Arrange the dental appointment',
  'Set up the weekend phone rota',
  'Send the family the plan in plain words',
  'Book the next review',
  'Ask the housing officer about the damp',
  'Talk with {child} about the meeting and what was decided',
];
const beforeDecisions = [
  'before a child protection conference',
  'before going to court',
  'before deciding whether the children need to come into care',
  'to plan support with the wider family',
];
const declineReasons = [
  'We want to sort it out ourselves first.',
  'Dad’s side of the family don’t speak to us, so it would not work.',
  'Not now. Maybe after the baby is born.',
];
const familyPlans = [
  'Nan will have the children every Tuesday and Thursday after school. Auntie will ring every evening. If Mum is having a hard week she will tell Nan, and the children will stay at Nan’s. Uncle will take {child} to football on Saturdays.',
  'The family will make sure a sober adult is always with the children. Grandad will stay over at weekends. Mum will go to her appointments and Auntie will drive her. {child} can ring Nan any time.',
  'The children will go to school every day: Nan walks them on Mondays and Fridays, Mum on the other days. The family will meet every month to check the plan is working.',
];

// ---- Helpers ------------------------------------------------------------------------------------

const inWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateInWords = (day: number) => inWords.format(new Date(day * DAY_MS));

/** How the child last said they want to take part, as the service writes it on the meeting. */
function preferenceOn(preferences: readonly SyntheticPreference[], day: string): string | null {
  const latest = preferences.filter((preference) => preference.saidOn <= day).at(-1);
  if (!latest) return null;
  const words = latest.inTheirWords ? `, in their words: “${latest.inTheirWords}”` : '';
  return `${participationWayNames[latest.way]}${words} (said on ${dateInWords(Math.floor(Date.parse(latest.saidOn) / DAY_MS))})`;
}

function snapshot(meeting: SyntheticMeeting, withInvitees: boolean): Record<string, unknown> {
  // What the service keeps: every field but the times and the version number, with the invitees.
  const content: Partial<SyntheticMeeting> = { ...meeting };
  delete content.createdAt;
  delete content.updatedAt;
  delete content.version;
  delete content.invitees;
  const { invitees } = meeting;
  return {
    ...content,
    invitees: (withInvitees ? invitees : []).map((invitee) => ({
      id: invitee.id,
      personId: invitee.personId,
      name: invitee.name,
      relationship: invitee.relationship,
      circle: invitee.circle,
      attendance: invitee.attendance,
      preparationVisitOn: invitee.preparationVisitOn,
      preparationNotes: invitee.preparationNotes,
    })),
  };
}

class MeetingsInProgress {
  readonly meetings: SyntheticMeeting[] = [];
  readonly offers: SyntheticOffer[] = [];
  readonly kept: KeptVersion[] = [];
  private readonly meetingKey: number;
  private readonly inviteeKey: number;
  private readonly itemKey: number;
  private readonly offerKey: number;
  private invitees = 0;
  private items = 0;

  constructor(private readonly context: ChildContext) {
    const key = (kind: number) => seedFrom(context.plan.idKey, kind);
    this.meetingKey = key(71);
    this.inviteeKey = key(72);
    this.itemKey = key(73);
    this.offerKey = key(74);
  }

  get full() {
    return this.meetings.length >= MAX_MEETINGS - 2;
  }

  itemId() {
    return uuidAt(this.itemKey, strideId(this.context.childIndex, MAX_ITEMS, this.items++));
  }

  offerId() {
    return uuidAt(this.offerKey, strideId(this.context.childIndex, MAX_OFFERS, this.offers.length));
  }

  plan(
    at: number,
    by: StaffMember,
    fields: Pick<
      SyntheticMeeting,
      'kind' | 'heldOn' | 'startsAt' | 'endsAt' | 'place' | 'purpose' | 'childPreference'
    > &
      Partial<SyntheticMeeting>,
  ): SyntheticMeeting {
    const meeting: SyntheticMeeting = {
      id: uuidAt(this.meetingKey, strideId(this.context.childIndex, MAX_MEETINGS, this.meetings.length)),
      childPersonId: this.context.childId,
      howChildTookPart: null,
      whatWasShared: null,
      professionalNotes: null,
      decisions: [],
      actions: [],
      stage: null,
      coordinatorUserId: null,
      coordinatorName: null,
      conference: {},
      reviewOfMeetingId: null,
      offerId: null,
      planId: null,
      version: 0,
      createdBy: by.user.id,
      createdByLabel: by.label,
      createdAt: isoTime(at),
      updatedAt: isoTime(at),
      invitees: [],
      ...fields,
    };
    this.meetings.push(meeting);
    this.keep(meeting, at, by, 'meeting.plan', { kind: meeting.kind }, false);
    return meeting;
  }

  invite(meeting: SyntheticMeeting, at: number, someone: Omit<SyntheticInvitee, 'id' | 'meetingId' | 'addedAt'>) {
    meeting.invitees.push({
      id: uuidAt(this.inviteeKey, strideId(this.context.childIndex, MAX_INVITEES, this.invitees++)),
      meetingId: meeting.id,
      addedAt: isoTime(at),
      ...someone,
    });
  }

  /** A new version of the meeting, kept with its invitees and audited under `action`. */
  keep(
    meeting: SyntheticMeeting,
    at: number,
    by: StaffMember,
    action: string,
    details: Record<string, string | number | boolean | null> | null,
    withInvitees = true,
  ) {
    meeting.version += 1;
    meeting.updatedAt = isoTime(at);
    this.kept.push({
      recordType: 'meeting',
      recordId: meeting.id,
      version: meeting.version,
      recordedAt: isoTime(at),
      recordedBy: by.user.id,
      recordedByLabel: by.label,
      reason: null,
      content: snapshot(meeting, withInvitees),
    });
    this.context.audit({
      at,
      userIndex: by.index,
      action,
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: details ?? { version: meeting.version },
      reason: null,
    });
  }
}

function attendanceOf(random: Random, past: boolean): Attendance {
  if (!past) return 'invited';
  const roll = random();
  return roll < 0.82 ? 'came' : roll < 0.94 ? 'could_not_come' : 'did_not_come';
}

/** Who is invited: the child when they want to come, family, network and professionals. */
function inviteFromTheChildsWorld(
  random: Random,
  context: ChildContext,
  progress: MeetingsInProgress,
  meeting: SyntheticMeeting,
  at: number,
  past: boolean,
  preference: string | null,
) {
  const professionalsOnly = meeting.kind === 'strategy_discussion' || meeting.kind === 'professionals_meeting';
  const add = (someone: Someone, circle: InviteeCircle) => {
    progress.invite(meeting, at, {
      personId: someone.person.id,
      name: someone.name,
      relationship: someone.relationship,
      circle,
      attendance: attendanceOf(random, past),
      preparationVisitOn: null,
      preparationNotes: null,
    });
  };
  if (!professionalsOnly) {
    const wantsToCome = preference !== null && /^Come to/.test(preference);
    if (wantsToCome && context.ageOn(Math.floor(Date.parse(meeting.heldOn) / DAY_MS)) >= 8) {
      const child = context.people[0]!;
      progress.invite(meeting, at, {
        personId: child.id,
        name: child.knownAs ? `${child.fullName} (${child.knownAs})` : child.fullName,
        relationship: null,
        circle: 'child',
        attendance: past ? 'came' : 'invited',
        preparationVisitOn: null,
        preparationNotes: null,
      });
    }
    const family = context.parents.length > 0 ? context.parents : context.family.slice(0, 2);
    for (const someone of family.slice(0, 2)) add(someone, 'family');
    for (const someone of several(
      random,
      context.family.filter((one) => !family.includes(one)),
      between(random, 0, 2),
    )) {
      add(someone, 'family');
    }
    if (meeting.kind === 'network_meeting' || chance(random, 0.3)) {
      for (const someone of several(random, context.network, between(random, 1, 3))) add(someone, 'network');
    }
  }
  progress.invite(meeting, at, {
    personId: null,
    name: context.practitioner.user.fullName,
    relationship: 'Social worker',
    circle: 'professional',
    attendance: past ? 'came' : 'invited',
    preparationVisitOn: null,
    preparationNotes: null,
  });
  for (const someone of several(random, context.professionals, between(random, 1, professionalsOnly ? 3 : 2))) {
    add(someone, 'professional');
  }
}

/** A meeting planned a week or three before, and recorded on the day or soon after. */
function ordinaryMeeting(
  random: Random,
  context: ChildContext,
  progress: MeetingsInProgress,
  preferences: readonly SyntheticPreference[],
  kind: MeetingKind,
  held: number,
) {
  // Nothing is planned after a record closes, or for before it opened.
  if (progress.full || held <= context.opened || (context.closed && held > context.lastDay)) return;
  const { practitioner, childName } = context;
  const plannedDay = Math.max(context.opened, held - between(random, 7, 21));
  if (plannedDay > context.lastDay) return;
  const past = held <= context.lastDay;
  const [startsAt, endsAt] = pick(random, times);
  const heldOn = isoDay(held);
  const preference =
    kind === 'strategy_discussion' || kind === 'professionals_meeting' ? null : preferenceOn(preferences, heldOn);
  const plannedAt = workingTime(random, plannedDay);
  const meeting = progress.plan(plannedAt, practitioner, {
    kind,
    heldOn,
    startsAt,
    endsAt,
    place: kind === 'strategy_discussion' ? 'Online, by video call' : pick(random, places),
    purpose: chance(random, 0.4) ? `To review how things are going for ${childName} and agree what happens next` : null,
    childPreference: preference,
  });
  inviteFromTheChildsWorld(random, context, progress, meeting, plannedAt + 15 * 60_000, past, preference);
  if (!past) {
    progress.keep(meeting, plannedAt + 20 * 60_000, practitioner, 'meeting.invite', null);
    return;
  }
  const recorded = workingTime(random, Math.min(context.lastDay, held + between(random, 0, 3)));
  const childCame = meeting.invitees.some((invitee) => invitee.circle === 'child');
  meeting.howChildTookPart = childCame
    ? `${childName} came to the start and told everyone how things are going in their own words.`
    : preference?.startsWith('Send their words')
      ? `${childName} sent a drawing and their words, which we read together at the start.`
      : preference?.startsWith('Through an advocate')
        ? `${childName}’s advocate shared what ${childName} wanted everyone to know.`
        : null;
  meeting.whatWasShared = about(pick(random, shared[kind]), childName);
  meeting.professionalNotes = chance(random, 0.6) ? pick(random, notes) : null;
  meeting.decisions = several(random, decisionBank, between(random, 1, 3)).map((decision) => ({
    id: progress.itemId(),
    ...decision,
  }));
  meeting.actions = several(random, actionBank, between(random, 1, 4)).map((what) => ({
    id: progress.itemId(),
    whatWillHappen: about(what, childName),
    ownerName: chance(random, 0.5)
      ? practitioner.user.fullName
      : (pick(random, [...context.parents, ...context.family])?.name ?? practitioner.user.fullName),
    dueOn: isoDay(held + between(random, 7, 60)),
    forThePlan: false,
  }));
  progress.keep(meeting, Math.max(recorded, plannedAt + 60_000), practitioner, 'meeting.record', null);
}

// ---- Family group conferences ---------------------------------------------------------------------

function familyConference(
  random: Random,
  context: ChildContext,
  progress: MeetingsInProgress,
  ids: PlanIds,
  preferences: readonly SyntheticPreference[],
  offerDay: number,
): { row: SyntheticPlan; kept: KeptVersion[] } | null {
  const { practitioner, coordinator, childName, childId } = context;
  const offerAt = workingTime(random, offerDay);
  const offer: SyntheticOffer = {
    id: progress.offerId(),
    childPersonId: childId,
    offeredOn: isoDay(offerDay),
    beforeDecision: pick(random, beforeDecisions),
    response: 'awaiting',
    respondedOn: null,
    familyReason: null,
    recordedBy: practitioner.user.id,
    recordedByLabel: practitioner.label,
    recordedAt: isoTime(offerAt),
  };
  progress.offers.push(offer);
  const onChild = (at: number, action: string, details: Record<string, string>) => {
    context.audit({
      at,
      userIndex: practitioner.index,
      action,
      subjectType: 'child_record',
      subjectId: childId,
      details,
      reason: null,
    });
  };
  onChild(offerAt, 'meeting.offer', { offerId: offer.id });
  const answered = offerDay + between(random, 3, 14);
  if (answered > context.lastDay) return null;
  offer.response = chance(random, 0.68) ? 'accepted' : 'declined';
  offer.respondedOn = isoDay(answered);
  offer.familyReason = offer.response === 'declined' ? pick(random, declineReasons) : null;
  onChild(workingTime(random, answered), 'meeting.offer_answer', { offerId: offer.id, response: offer.response });
  if (offer.response !== 'accepted') return null;

  let adopted: { row: SyntheticPlan; kept: KeptVersion[] } | null = null;
  let reviewOf: SyntheticMeeting | null = null;
  let planned = answered + between(random, 1, 5);
  for (let round = 0; round < 2 && planned <= context.lastDay && !progress.full; round += 1) {
    const held = round === 0 ? planned + between(random, 28, 56) : planned + between(random, 14, 28);
    const heldOn = isoDay(held);
    const plannedAt = workingTime(random, planned);
    const preference = preferenceOn(preferences, heldOn);
    const venue = pick(random, [
      'Northfield Family Centre, the big room',
      'The community hall on Park Road',
      'Nan’s house',
    ]);
    const meeting = progress.plan(plannedAt, practitioner, {
      kind: 'family_group_conference',
      heldOn,
      startsAt: '10:00',
      endsAt: '14:00',
      place: venue,
      purpose:
        round === 0
          ? `The family make their own plan for ${childName}`
          : `The family review their plan for ${childName}`,
      childPreference: preference,
      stage: 'preparation',
      coordinatorUserId: coordinator.user.id,
      coordinatorName: coordinator.user.fullName,
      offerId: round === 0 ? offer.id : null,
      reviewOfMeetingId: reviewOf?.id ?? null,
    });
    // Preparation: the family agreed; the coordinator visits each person the family chose.
    const prepared = planned + between(random, 3, 10);
    if (prepared > context.lastDay || prepared >= held) break;
    const preparedAt = workingTime(random, prepared);
    const past = held <= context.lastDay;
    const chosen = [
      ...(context.parents.length > 0 ? context.parents : context.family.slice(0, 2)),
      ...several(
        random,
        context.family.filter((one) => !context.parents.includes(one)),
        between(random, 2, 4),
      ),
      ...several(random, context.network, between(random, 1, 3)),
    ];
    for (const someone of chosen) {
      const visit = prepared + between(random, 1, Math.max(1, held - prepared - 1));
      const visited = visit <= context.lastDay && visit < held;
      progress.invite(meeting, preparedAt, {
        personId: someone.person.id,
        name: someone.name,
        relationship: someone.relationship,
        circle: someone.circle === 'professional' ? 'professional' : someone.circle,
        attendance: past ? (chance(random, 0.9) ? 'came' : 'could_not_come') : 'invited',
        preparationVisitOn: visited ? isoDay(visit) : null,
        preparationNotes: visited ? `Visited at home. ${someone.relationship} wants to help and will come.` : null,
      });
    }
    progress.invite(meeting, preparedAt, {
      personId: null,
      name: practitioner.user.fullName,
      relationship: 'Social worker',
      circle: 'professional',
      attendance: past ? 'came' : 'invited',
      preparationVisitOn: null,
      preparationNotes: null,
    });
    const age = context.ageOn(held);
    meeting.conference = {
      preparation: {
        referredOn: round === 0 ? offer.offeredOn : isoDay(planned),
        whyReferred:
          round === 0
            ? `The family were offered a conference ${offer.beforeDecision}, so the wider family can make a plan to keep ${childName} safe and well.`
            : `To review the family’s plan for ${childName} and make any changes it needs.`,
        familyAgreedOn: round === 0 ? offer.respondedOn : isoDay(planned),
        childPreparation:
          age >= 5
            ? `${childName} met the coordinator twice and drew a picture of who they want at the meeting.`
            : null,
        advocate: age >= 10 && chance(random, 0.4) ? 'Sam Okafor, from the children’s advocacy service' : null,
        language: chance(random, 0.1) ? 'Polish' : null,
        interpreter: null,
        accessNeeds: chance(random, 0.15) ? 'Step-free access for Grandad' : null,
        venue,
        food: 'Sandwiches and fruit for lunch; the family asked for a cake',
        childcare: age < 8 ? 'The family centre’s crèche for the younger children' : null,
      },
    };
    progress.keep(meeting, preparedAt + 30 * 60_000, coordinator, 'conference.preparation', null);
    if (!past) break;
    // On the day: information, private family time, and the agreement.
    const dayAt = held * DAY_MS + 10 * 3_600_000;
    meeting.stage = 'information';
    meeting.conference = {
      ...meeting.conference,
      information: {
        worries: `Professionals are worried that ${childName} has heard arguments at home and that the adults are struggling to keep routines going.`,
        strengths: `${childName} is loved by a big family who want to help. Mum has been honest about what is hard. School say ${childName} is doing well.`,
        bottomLines: several(
          random,
          [
            `${childName} is not around arguments between the adults.`,
            `There is always a sober adult looking after ${childName}.`,
            `${childName} goes to school every day.`,
          ],
          between(random, 1, 3),
        ),
        resources: 'The family support worker two mornings a week, and help with travel costs.',
        questionsAndAnswers:
          'The family asked what happens if the plan does not work; the social worker explained the review.',
      },
    };
    progress.keep(meeting, dayAt + 45 * 60_000, coordinator, 'conference.information', null);
    const familyPlan = about(pick(random, familyPlans), childName);
    meeting.stage = 'private_family_time';
    meeting.conference = {
      ...meeting.conference,
      privateFamilyTime: { startedAt: '11:15', endedAt: pick(random, ['12:30', '12:45', '13:05']), familyPlan },
    };
    meeting.actions = several(random, context.family, between(random, 2, 3)).map((someone) => ({
      id: progress.itemId(),
      whatWillHappen: pick(random, [
        'Have the children after school on Tuesdays and Thursdays',
        'Ring every evening to check in',
        'Take the children to school on Mondays and Fridays',
        'Stay over at weekends',
      ]),
      ownerName: someone.name,
      dueOn: isoDay(held + between(random, 14, 60)),
      forThePlan: true,
    }));
    progress.keep(meeting, dayAt + 3 * 3_600_000, coordinator, 'conference.private_family_time', null);
    const accepted = chance(random, 0.92);
    const meets = chance(random, 0.85);
    const reviewDay = held + between(random, 60, 120);
    meeting.conference = {
      ...meeting.conference,
      agreement: {
        meetsBottomLines: meets,
        unmetBottomLinesReason:
          meets || !accepted
            ? null
            : 'The plan covers every day but Sunday; the family will add Sundays at the review.',
        planAccepted: accepted,
        whatWasAgreed: accepted
          ? 'The family’s plan was agreed as they wrote it, with the support professionals offered.'
          : 'The plan needs to say who looks after the children at weekends. The family will meet again next week.',
        changesAndWhy: round === 1 ? 'Sundays added, because the rota had a gap at weekends.' : null,
        resourcesCommitted: 'The family support worker two mornings a week, and bus passes for Nan.',
        whoWillTellChild: `Mum and Nan will tell ${childName} about the plan this evening.`,
        reviewOn: isoDay(reviewDay),
      },
    };
    meeting.stage = accepted ? 'agreed' : 'agreement';
    meeting.howChildTookPart = meeting.invitees.some((invitee) => invitee.circle === 'child')
      ? `${childName} came for the start and said what they want.`
      : `${childName}’s drawing of who they want around them was on the wall all day.`;
    const agreedAt = dayAt + 4 * 3_600_000;
    if (accepted) {
      adopted = adoptFamilyPlan(context, ids, adopted, {
        meetingId: meeting.id,
        at: agreedAt - 60_000,
        agreedOn: held,
        reviewBy: isoDay(reviewDay),
        goalsInFamilyWords: [familyPlan, meeting.conference.agreement!.whatWasAgreed],
        actions: meeting.actions.filter((action) => action.forThePlan),
        support: meeting.conference.agreement!.resourcesCommitted,
        reason:
          round === 1
            ? `Agreed at the review of the family plan on ${planDateInWords(heldOn)}: ${meeting.conference.agreement!.changesAndWhy}`
            : `Agreed at the family group conference on ${planDateInWords(heldOn)}`,
      });
      meeting.planId = adopted.row.id;
    }
    progress.keep(meeting, agreedAt, coordinator, 'conference.agreement', null);
    if (!accepted || !chance(random, 0.45)) break;
    reviewOf = meeting;
    planned = reviewDay - between(random, 14, 28);
  }
  if (adopted) followFamilyPlan(context, adopted, context.lastDay);
  return adopted;
}

// ---- All of a child's meetings ---------------------------------------------------------------------

const reviewKind: Record<SyntheticPlan['kind'], MeetingKind> = {
  child_in_need: 'child_in_need_review',
  child_protection: 'child_protection_review',
  child_in_care: 'child_in_care_review',
  early_help: 'network_meeting',
  family_plan: 'network_meeting',
};

export function generateMeetings(
  context: ChildContext,
  plans: readonly SyntheticPlan[],
  preferences: readonly SyntheticPreference[],
  ids: PlanIds,
): { meetings: SyntheticMeeting[]; offers: SyntheticOffer[]; familyPlans: SyntheticPlan[]; versions: KeptVersion[] } {
  const random = context.random(71);
  const progress = new MeetingsInProgress(context);
  const familyPlans: SyntheticPlan[] = [];
  const planVersions: KeptVersion[] = [];
  const recorded = chance(random, MEETINGS_SHARE);
  if (recorded) {
    if (chance(random, 0.35)) {
      ordinaryMeeting(
        random,
        context,
        progress,
        preferences,
        'network_meeting',
        context.opened + between(random, 30, 120),
      );
    }
    for (const plan of plans) {
      const start = Math.floor(Date.parse(plan.startsOn) / DAY_MS);
      if (plan.kind === 'child_protection') {
        ordinaryMeeting(random, context, progress, preferences, 'strategy_discussion', start - between(random, 8, 14));
        ordinaryMeeting(random, context, progress, preferences, 'child_protection_conference', start);
      }
      for (const review of plan.reviews) {
        ordinaryMeeting(
          random,
          context,
          progress,
          preferences,
          reviewKind[plan.kind],
          Math.floor(Date.parse(review.heldOn) / DAY_MS),
        );
      }
      if (chance(random, 0.15)) {
        ordinaryMeeting(
          random,
          context,
          progress,
          preferences,
          'professionals_meeting',
          start + between(random, 20, 200),
        );
      }
      // The next review, planned with its invitations out.
      const next = plan.reviewBy ? Math.floor(Date.parse(plan.reviewBy) / DAY_MS) : null;
      if (next !== null && next > context.lastDay && plan === plans.at(-1) && !context.closed) {
        ordinaryMeeting(random, context, progress, preferences, reviewKind[plan.kind], next);
      }
    }
  }
  if (chance(random, FAMILY_CONFERENCE_SHARE)) {
    const offerDay = context.opened + between(random, 40, 400);
    if (offerDay <= context.lastDay) {
      const adopted = familyConference(random, context, progress, ids, preferences, offerDay);
      if (adopted) {
        familyPlans.push(adopted.row);
        planVersions.push(...adopted.kept);
      }
    }
  }
  // Ordered by when they were held, as the child's meetings page lists them.
  return {
    meetings: progress.meetings,
    offers: progress.offers,
    familyPlans,
    versions: [...progress.kept, ...planVersions],
  };
}
