/**
 * The rules of meetings and of a family group conference, with no I/O. A conference moves
 * through four stages: preparation (the family agrees, the coordinator and family choose whom
 * to invite, each is visited), information (what professionals share: worries, strengths,
 * bottom lines, resources; the family's questions answered), private family time (only its
 * start and end, and the family's plan in their own words), and agreement (does the plan meet
 * the bottom lines, what was agreed or changed and why, who tells the child, the review date).
 * Each stage can be recorded only once the stages before it are; the agreement that accepts a
 * plan not meeting a bottom line needs a reason.
 */
import type { ConferenceStage, MeetingKind } from './schema.js';

export interface MeetingDecision {
  id: string;
  decision: string;
  reason: string;
}

export interface MeetingAction {
  id: string;
  whatWillHappen: string;
  ownerName: string;
  dueOn: string;
  /** Whether it should become an action of the child's plan when the plan is agreed. */
  forThePlan: boolean;
}

export interface ConferencePreparation {
  referredOn: string;
  whyReferred: string;
  /** When the family said yes to a conference; without it nothing else happens. */
  familyAgreedOn: string;
  childPreparation: string | null;
  advocate: string | null;
  language: string | null;
  interpreter: string | null;
  accessNeeds: string | null;
  venue: string | null;
  food: string | null;
  childcare: string | null;
}

export interface ConferenceInformation {
  worries: string;
  strengths: string;
  /** What any plan must make sure of; each is checked at the agreement. */
  bottomLines: string[];
  resources: string | null;
  questionsAndAnswers: string | null;
}

export interface PrivateFamilyTime {
  /** HH:MM, local time. */
  startedAt: string;
  endedAt: string;
  /** The family's plan as they brought it back, in their own words. */
  familyPlan: string;
}

export interface ConferenceAgreement {
  meetsBottomLines: boolean;
  /** Why the plan is accepted although a bottom line is not met; required then. */
  unmetBottomLinesReason: string | null;
  planAccepted: boolean;
  whatWasAgreed: string;
  changesAndWhy: string | null;
  resourcesCommitted: string | null;
  whoWillTellChild: string;
  reviewOn: string;
}

export interface Conference {
  preparation?: ConferencePreparation;
  information?: ConferenceInformation;
  privateFamilyTime?: PrivateFamilyTime;
  agreement?: ConferenceAgreement;
}

export const meetingKindNames: Record<MeetingKind, string> = {
  network_meeting: 'Network meeting',
  family_group_conference: 'Family group conference',
  child_in_need_review: 'Child in need review',
  child_protection_conference: 'Child protection conference',
  child_protection_review: 'Child protection review',
  child_in_care_review: 'Child in care review',
  strategy_discussion: 'Strategy discussion',
  professionals_meeting: 'Professionals’ meeting',
};

/** What each kind of meeting is for, in words a family member can read. */
export const meetingKindPurposes: Record<MeetingKind, string> = {
  network_meeting: 'the people who care about the child meet to talk about how they can help keep them safe and well',
  family_group_conference:
    'the family and the people close to them make their own plan for the child, with help and information from professionals',
  child_in_need_review: 'everyone looks at how the plan to support the child is going and what needs to happen next',
  child_protection_conference:
    'the family and professionals talk about worries for the child’s safety and agree what needs to happen',
  child_protection_review: 'the family and professionals look at how the plan to keep the child safe is going',
  child_in_care_review: 'everyone looks at how the child is doing in their home and agrees what needs to happen next',
  strategy_discussion: 'professionals talk together about a worry for the child’s safety and decide what to do next',
  professionals_meeting: 'the professionals working with the family meet to plan how they work together',
};

/** Meetings the family is not part of: the letter and the family's view are not offered. */
export const professionalsOnly: readonly MeetingKind[] = ['strategy_discussion', 'professionals_meeting'];

export const stageNames: Record<ConferenceStage, string> = {
  preparation: 'Preparation',
  information: 'Information',
  private_family_time: 'Private family time',
  agreement: 'Agreement',
  agreed: 'Plan agreed',
};

export type StagePart = 'preparation' | 'information' | 'privateFamilyTime' | 'agreement';
export const stageOfPart: Record<StagePart, ConferenceStage> = {
  preparation: 'preparation',
  information: 'information',
  privateFamilyTime: 'private_family_time',
  agreement: 'agreement',
};

export interface StageProblem {
  field: string;
  message: string;
}

/**
 * Whether this part of a conference may be recorded now: each stage needs the ones before it.
 * Returns the problem to show, or null. An agreed conference is finished: its review is a new
 * conference.
 */
export function stageProblem(
  part: StagePart,
  conference: Conference,
  stage: ConferenceStage,
  invitedFromFamily: number,
): StageProblem | null {
  if (stage === 'agreed') {
    return { field: 'form', message: 'The plan from this conference is agreed. Start a review to change it' };
  }
  if (part === 'preparation') return null;
  if (part === 'agreement' && !conference.information) {
    return {
      field: 'form',
      message:
        'Record the information stage before the agreement: the family makes its plan knowing what professionals shared',
    };
  }
  if (!conference.preparation) {
    return {
      field: 'form',
      message: 'Record the preparation first, with the date the family agreed to the conference',
    };
  }
  if (invitedFromFamily === 0) {
    return {
      field: 'form',
      message: 'Invite at least one person from the family or network before the information stage',
    };
  }
  if (part === 'information') return null;
  if (!conference.information) {
    return {
      field: 'form',
      message:
        part === 'agreement'
          ? 'Record the information stage before the agreement: the family makes its plan knowing what professionals shared'
          : 'Record the information stage before private family time',
    };
  }
  if (part === 'privateFamilyTime') return null;
  if (!conference.privateFamilyTime) {
    return { field: 'form', message: 'Record private family time and the family’s plan before the agreement' };
  }
  return null;
}

/** The stage a conference has reached once this part is recorded. */
export function stageAfter(
  part: StagePart,
  current: ConferenceStage,
  agreement?: ConferenceAgreement,
): ConferenceStage {
  if (part === 'agreement') return agreement?.planAccepted ? 'agreed' : 'agreement';
  const order = ['preparation', 'information', 'private_family_time', 'agreement', 'agreed'] as const;
  const recorded = stageOfPart[part];
  return order.indexOf(recorded) > order.indexOf(current) ? recorded : current;
}

const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** Private family time: only its start and end, and the family's plan. */
export function privateTimeProblems(time: { startedAt: string; endedAt: string; familyPlan: string }): StageProblem[] {
  const problems: StageProblem[] = [];
  if (!isTime(time.startedAt))
    problems.push({ field: 'startedAt', message: 'Enter when private family time started, like 14:30' });
  if (!isTime(time.endedAt))
    problems.push({ field: 'endedAt', message: 'Enter when private family time ended, like 15:45' });
  else if (isTime(time.startedAt) && time.endedAt <= time.startedAt)
    problems.push({ field: 'endedAt', message: 'Private family time must end after it started' });
  if (!time.familyPlan.trim())
    problems.push({ field: 'familyPlan', message: 'Enter the family’s plan as they brought it back, in their words' });
  return problems;
}

/** The agreement: a plan accepted that does not meet every bottom line needs a recorded reason. */
export function agreementProblems(agreement: ConferenceAgreement, heldOn: string): StageProblem[] {
  const problems: StageProblem[] = [];
  if (agreement.planAccepted && !agreement.meetsBottomLines && !agreement.unmetBottomLinesReason?.trim()) {
    problems.push({
      field: 'unmetBottomLinesReason',
      message: 'Say why the plan is accepted when it does not meet every bottom line',
    });
  }
  if (!agreement.whatWasAgreed.trim())
    problems.push({ field: 'whatWasAgreed', message: 'Enter what was agreed, or what needs to change' });
  if (!agreement.whoWillTellChild.trim())
    problems.push({ field: 'whoWillTellChild', message: 'Enter who will tell the child about the plan' });
  if (!agreement.reviewOn)
    problems.push({ field: 'reviewOn', message: 'Enter the date the family plan will be reviewed' });
  else if (agreement.reviewOn <= heldOn)
    problems.push({ field: 'reviewOn', message: 'The review date must be after the conference' });
  return problems;
}

/** A coordinator is independent of the case: never the child's allocated worker. */
export function coordinatorProblem(
  coordinatorUserId: string,
  allocatedUserIds: readonly string[],
): StageProblem | null {
  return allocatedUserIds.includes(coordinatorUserId)
    ? {
        field: 'coordinatorUserId',
        message: 'Choose a coordinator who is independent of the case, not the child’s allocated worker',
      }
    : null;
}

/** What a conference is waiting for, for the coordinator's list, in plain words. */
export function whatIsWaiting(
  stage: ConferenceStage,
  conference: Conference,
  invitees: readonly { circle: string; preparationVisitOn: string | null }[],
): string[] {
  const waiting: string[] = [];
  if (stage === 'agreed') return waiting;
  if (!conference.preparation) waiting.push('The family’s agreement to the conference');
  const family = invitees.filter((invitee) => invitee.circle !== 'professional');
  if (family.length === 0) waiting.push('Choosing whom to invite with the family');
  const notVisited = family.filter((invitee) => !invitee.preparationVisitOn).length;
  if (notVisited > 0) waiting.push(`${notVisited} preparation ${notVisited === 1 ? 'visit' : 'visits'}`);
  if (conference.preparation && !conference.preparation.childPreparation)
    waiting.push('The child’s preparation and how they want to take part');
  if (!conference.information) waiting.push('What professionals will share');
  else if (!conference.privateFamilyTime) waiting.push('Private family time and the family’s plan');
  else waiting.push('The agreement');
  return waiting;
}

/** A bottom line is one line of text; blank lines are dropped. */
export function bottomLinesFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^[-*•]\s*/, '').trim())
    .filter((line) => line.length > 0);
}

export interface MeetingForCounting {
  id: string;
  kind: MeetingKind;
  stage: ConferenceStage | null;
  reviewOfMeetingId: string | null;
  offerId: string | null;
  planId: string | null;
}

export interface FamilyMeetingCounts {
  offered: number;
  accepted: number;
  declined: number;
  awaiting: number;
  held: number;
  planAgreed: number;
  reviewed: number;
}

/**
 * Counts for the children in need census: offers (accepted, declined, awaiting), conferences
 * held (they reached the information stage), plans agreed, and conferences reviewed.
 */
export function countFamilyMeetings(
  offers: readonly { response: 'awaiting' | 'accepted' | 'declined' }[],
  conferences: readonly MeetingForCounting[],
): FamilyMeetingCounts {
  const firsts = conferences.filter(
    (meeting) => meeting.kind === 'family_group_conference' && meeting.reviewOfMeetingId === null,
  );
  const reviewedIds = new Set(
    conferences.filter((meeting) => meeting.reviewOfMeetingId !== null).map((meeting) => meeting.reviewOfMeetingId),
  );
  return {
    offered: offers.length,
    accepted: offers.filter((offer) => offer.response === 'accepted').length,
    declined: offers.filter((offer) => offer.response === 'declined').length,
    awaiting: offers.filter((offer) => offer.response === 'awaiting').length,
    held: firsts.filter((meeting) => meeting.stage !== null && meeting.stage !== 'preparation').length,
    planAgreed: firsts.filter((meeting) => meeting.stage === 'agreed').length,
    reviewed: firsts.filter((meeting) => reviewedIds.has(meeting.id)).length,
  };
}

// ---- Invitations withdrawn ------------------------------------------------------------------

/** An invitation is withdrawn when it records when; the row stays, for the meeting's record. */
export const isWithdrawn = (invitee: { withdrawnAt: Date | null }) => invitee.withdrawnAt !== null;

/** Those still invited (and who came), without invitations that were withdrawn. */
export function stillInvited<I extends { withdrawnAt: Date | null }>(invitees: readonly I[]): I[] {
  return invitees.filter((invitee) => !isWithdrawn(invitee));
}

/**
 * Whether the meeting has taken place: its day has passed, or (for a conference) professionals
 * have shared their information, which happens at the conference itself.
 */
export function meetingHasBeenHeld(meeting: { heldOn: string; stage: ConferenceStage | null }, today: string): boolean {
  return meeting.heldOn < today || (meeting.stage !== null && meeting.stage !== 'preparation');
}

/**
 * Why this invitation cannot be withdrawn, or null when it can: only before the meeting is held,
 * never for someone who came, and only once.
 */
export function withdrawalProblem(
  invitee: { name: string; attendance: string; withdrawnAt: Date | null },
  meeting: { heldOn: string; stage: ConferenceStage | null },
  today: string,
): StageProblem | null {
  if (isWithdrawn(invitee)) {
    return { field: 'form', message: `${invitee.name}’s invitation has already been withdrawn` };
  }
  if (invitee.attendance === 'came') {
    return {
      field: 'form',
      message: `${invitee.name} came to the meeting, so their invitation cannot be withdrawn`,
    };
  }
  if (meetingHasBeenHeld(meeting, today)) {
    return {
      field: 'form',
      message: 'The meeting has been held, so its invitations cannot be withdrawn. Record whether they came instead',
    };
  }
  return null;
}

// ---- Actions that become plan actions -------------------------------------------------------

/** What a meeting's action shows about the child's plan. */
export type ActionPlanState =
  | { state: 'in_plan'; planId: string; planActionId: string; planTitle: string }
  | { state: 'can_add' }
  | { state: 'not_shown' };

/**
 * An action already in one of the child's plans links to it; otherwise someone who may change
 * the child's record may add it. The family sees neither (their plans are shared separately).
 */
export function actionPlanState(
  inPlan: { planId: string; planActionId: string; planTitle: string } | undefined,
  viewer: { familyView: boolean; mayChange: boolean },
): ActionPlanState {
  if (viewer.familyView) return { state: 'not_shown' };
  if (inPlan) return { state: 'in_plan', ...inPlan };
  return viewer.mayChange ? { state: 'can_add' } : { state: 'not_shown' };
}

/** The kind of meeting as it reads inside a sentence: "the network meeting", "the professionals’ meeting". */
export function meetingNameInSentence(kind: MeetingKind): string {
  const name = meetingKindNames[kind];
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}
