/**
 * Plans made with each family, for the synthetic council.
 *
 * Most children have a plan a few weeks after their record opens: a child in need plan for
 * most, a child protection plan or a plan for a child in care for some, early help for a few;
 * some step up or down to a second plan, which replaces the first. A plan starts from the
 * latest mapping when there is one (its safety goal and next step), gains goals and actions
 * with the family, is agreed at a meeting and shared with them, and is reviewed every few
 * months: each person scores each goal from 0 to 10, and the plan changes after each review
 * with the reason for the change. Family members say whether they agree, in their own words.
 * Each version of the plan is kept in record_versions and every step is audited, as the
 * service does. A plan's actions are marked done as the months go by; some are overdue and
 * some reviews are late, so the caseload's "overdue" shows for a realistic share.
 */
import {
  dateInWords,
  nextActionDueOn,
  type PlanAction,
  type PlanContent,
  type PlanGoal,
} from '../src/features/plans/plan-rules.js';
import type { AgreementResponse, PlanKind } from '../src/features/plans/schema.js';
import { planKindNames } from '../src/features/plans/validation.js';
import { isoDay, seedFrom, uuidAt, type Random } from './synthetic-council.js';
import {
  about,
  between,
  chance,
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
import type { SyntheticMapping } from './synthetic-mappings.js';

export interface SyntheticReview {
  id: string;
  planId: string;
  heldOn: string;
  whoCame: string;
  scores: { goalId: string; personName: string; score: number }[];
  whatHasChanged: string | null;
  whatHasBeenAchieved: string | null;
  decisions: string | null;
  nextReviewBy: string | null;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

export interface SyntheticAgreement {
  id: string;
  planId: string;
  planVersion: number;
  personId: string;
  personName: string;
  response: AgreementResponse;
  inTheirWords: string | null;
  recordedBy: string;
  recordedByLabel: string;
  recordedAt: string;
}

export interface SyntheticPlan {
  id: string;
  childPersonId: string;
  kind: PlanKind;
  title: string;
  startsOn: string;
  reviewBy: string | null;
  support: string | null;
  goals: PlanGoal[];
  actions: PlanAction[];
  fromMappingId: string | null;
  /** The family group conference whose plan this became (written once the meeting is). */
  sourceMeetingId: string | null;
  status: 'draft' | 'agreed';
  agreedOn: string | null;
  agreedVersion: number | null;
  sharedWithFamily: boolean;
  nextActionDueOn: string | null;
  version: number;
  createdBy: string;
  createdByLabel: string;
  createdAt: string;
  updatedAt: string;
  reviews: SyntheticReview[];
  agreements: SyntheticAgreement[];
}

const MAX_PLANS = 8;
const MAX_ITEMS = 512;
const MAX_REVIEWS = 96;
const MAX_AGREEMENTS = 96;

// ---- Words ------------------------------------------------------------------------------------

const goalBank: readonly { family: string; professional: string | null }[] = [
  {
    family: 'The children get to school on time every day, with a grown-up they trust.',
    professional: 'School attendance above 95%, with a morning routine that holds.',
  },
  {
    family: 'Arguments are sorted out away from the children, and we ring someone in the network if it gets loud.',
    professional: 'The children are not around conflict between the adults.',
  },
  {
    family: '{child} has a sober adult with them every evening and every weekend.',
    professional: 'A safe adult cares for the children whenever a parent has been drinking.',
  },
  {
    family: 'Mum gets help with her mood and tells Nan when she is having a hard week.',
    professional: 'Mum is supported by her GP and the talking therapy service.',
  },
  { family: 'We have a warm, dry home and the money worries are under control.', professional: null },
  { family: '{child} sees Dad every other weekend, and it goes well.', professional: 'Safe, regular time with Dad.' },
  { family: '{child} goes to football and the homework club every week.', professional: null },
  {
    family: '{child} has someone to talk to at school and at home when they are worried.',
    professional: 'A trusted adult in school and in the family network.',
  },
  { family: '{child}’s teeth are sorted and the health appointments are kept.', professional: null },
];
const actionBank: Record<'family' | 'network' | 'professional', readonly string[]> = {
  family: [
    'Make a morning routine chart with {child} and put it on the fridge',
    'Ring Nan or Auntie when things start to get loud',
    'Go to the Tuesday parenting group at the family centre',
    'Book the dentist and take {child}',
    'Fill in the housing form with the support worker',
    'See the GP about sleep and mood',
    'Keep the bedtime routine on school nights',
  ],
  network: [
    'Have the children for tea on Wednesdays',
    'Walk {child} to school on Mondays and Fridays',
    'Be on the phone rota for weekends',
    'Take {child} to football on Saturdays',
    'Pop round on Sunday afternoons',
  ],
  professional: [
    'Share attendance with Mum every fortnight',
    'Refer the family to money advice',
    'Arrange a network meeting with the wider family',
    'Do direct work with {child} about their worries and wishes',
    'Chase the speech and language referral',
    'Visit every two weeks and see {child} on their own',
  ],
};
const supports = [
  'Visits from the social worker every two weeks, the family support worker on Thursdays, and money advice from Citizens Advice.',
  'The family centre’s parenting group, a school mentor for {child}, and help from the wider family every week.',
  'Help with housing and money, the talking therapy service for Mum, and the homework club for {child}.',
  'A family support worker twice a week and the network’s weekend rota.',
];
const changes = [
  'Mornings are calmer and {child} has been on time most days.',
  'There have been no arguments in front of the children since the last review.',
  'Nan is now having the children on Tuesdays and Thursdays.',
  'Mum has started the talking therapy and says it is helping.',
  'The family have moved to a warmer flat.',
  'Dad has kept every contact weekend.',
];
const achievements = [
  '{child}’s attendance is up to 96%.',
  'The dental treatment is finished.',
  'The weekend rota has held for three months.',
  'The parenting group is finished and Dad got his certificate.',
  'The debts are on a payment plan.',
];
const decisions = [
  'Carry on with the plan; add a weekend check-in by Auntie.',
  'The network will meet again before the summer holidays.',
  'Visits can move to every three weeks.',
  'Keep the plan as it is and review again in three months.',
  'Add help with the move to secondary school.',
];
const reasonsForChange = [
  'agreed at the review so the plan keeps up with what the family need now',
  'the family asked for this at the review',
  'the school holidays are coming and the rota needs to cover them',
  'the first actions are done and the family chose the next steps',
  'what is done is taken out, so the plan shows what is still to do',
];
const agreeWords = [
  'I agree, as long as Nan can still have the kids on Tuesdays.',
  'I agree but I would like the visits to be after school.',
  'It is a fair plan. I want it written in simpler words.',
];
const disagreeWords = [
  'I don’t think I need to do the parenting group again.',
  'I don’t agree with the part about contact; it should be every week.',
];

const firstReviewAfter: Record<PlanKind, number> = {
  child_in_need: 90,
  child_protection: 90,
  child_in_care: 28,
  early_help: 90,
  family_plan: 90,
};
const reviewEvery: Record<PlanKind, number> = {
  child_in_need: 90,
  child_protection: 180,
  child_in_care: 120,
  early_help: 90,
  family_plan: 120,
};

/** What a plan's scores start from and rise towards, per goal. */
const scoreAt = (random: Random, review: number) => Math.max(0, Math.min(10, 3 + review + between(random, -1, 2)));

// ---- Building one plan --------------------------------------------------------------------------

/** The plan as the service keeps it: the row, its versions, and the audit entries. */
class PlanInProgress {
  readonly row: SyntheticPlan;
  readonly kept: KeptVersion[] = [];
  lastAt: number;

  constructor(
    private readonly context: ChildContext,
    row: SyntheticPlan,
    at: number,
  ) {
    this.row = row;
    this.lastAt = at;
  }

  content(): PlanContent {
    const { row } = this;
    return {
      title: row.title,
      kind: row.kind,
      startsOn: row.startsOn,
      reviewBy: row.reviewBy,
      support: row.support,
      goals: row.goals,
      actions: row.actions,
    };
  }

  /** A new version with this content, kept and audited as the service does. */
  save(
    at: number,
    by: StaffMember,
    change: Partial<PlanContent>,
    audit: {
      action: string;
      details: Record<string, string | number | boolean | null>;
      reason: string | null;
      /** changePlan names the version it made; starting a plan or adopting a family plan does not. */
      versioned?: boolean;
    },
  ) {
    const { row } = this;
    Object.assign(row, change);
    row.nextActionDueOn = nextActionDueOn(row.actions);
    if (this.kept.length > 0) row.version += 1;
    row.updatedAt = isoTime(at);
    this.lastAt = at;
    this.kept.push({
      recordType: 'plan',
      recordId: row.id,
      version: row.version,
      recordedAt: isoTime(at),
      recordedBy: by.user.id,
      recordedByLabel: by.label,
      reason: audit.reason,
      content: this.content() as unknown as Record<string, unknown>,
    });
    this.context.audit({
      at,
      userIndex: by.index,
      action: audit.action,
      subjectType: 'plan',
      subjectId: row.id,
      details: audit.versioned === false ? audit.details : { ...audit.details, version: row.version },
      reason: audit.reason,
    });
  }

  /** Agreed at a meeting, from this version; audited unless a conference's adoption did it. */
  agree(at: number, by: StaffMember, shared: boolean, audited = true) {
    const { row } = this;
    row.status = 'agreed';
    row.agreedOn = isoDay(Math.floor(at / 86_400_000));
    row.agreedVersion = row.version;
    row.sharedWithFamily ||= shared;
    row.updatedAt = isoTime(at);
    this.lastAt = at;
    if (!audited) return;
    this.context.audit({
      at,
      userIndex: by.index,
      action: 'plan.agree',
      subjectType: 'plan',
      subjectId: row.id,
      details: { version: row.version, sharedWithFamily: shared },
      reason: null,
    });
  }
}

/** The people who take part in a plan: those who own actions, score goals and say if they agree. */
function planPeople(context: ChildContext) {
  const family = context.parents.length > 0 ? context.parents : context.family.slice(0, 2);
  const wider = context.family.filter((someone) => !family.includes(someone));
  return { family, wider, network: context.network, professionals: context.professionals };
}

function makeAction(
  random: Random,
  context: ChildContext,
  id: string,
  dueDay: number,
  goalId: string | null,
): PlanAction {
  const people = planPeople(context);
  const roll = random();
  const owner: Someone | null =
    roll < 0.4 && people.family.length > 0
      ? pick(random, people.family)
      : roll < 0.55 && people.wider.length > 0
        ? pick(random, people.wider)
        : roll < 0.7 && people.network.length > 0
          ? pick(random, people.network)
          : null;
  const circle = owner ? (owner.circle === 'professional' ? 'professional' : owner.circle) : 'professional';
  return {
    id,
    whatWillHappen: about(pick(random, actionBank[circle]), context.childName),
    goalId,
    ownerPersonId: owner?.person.id ?? null,
    ownerName: owner?.name ?? context.practitioner.user.fullName,
    ownerCircle: circle,
    dueOn: isoDay(dueDay),
    status: 'not_started',
    fromNextStepId: null,
    fromMeeting: null,
  };
}

function makeGoal(random: Random, context: ChildContext, id: string, used: Set<number>): PlanGoal {
  const choices = goalBank.map((_, index) => index).filter((index) => !used.has(index));
  const index = pick(random, choices.length > 0 ? choices : goalBank.map((_, i) => i));
  used.add(index);
  const goal = goalBank[index]!;
  return {
    id,
    goalInFamilyWords: about(goal.family, context.childName),
    professionalWording: goal.professional,
    worries: [],
    fromSafetyGoalId: null,
  };
}

/** Whether each action is done by `day`: most that were due are, a few are still going. */
function progressed(random: Random, actions: readonly PlanAction[], day: number): PlanAction[] {
  return actions.map((action) => {
    if (action.status === 'done') return action;
    const due = action.dueOn <= isoDay(day);
    const status = due
      ? chance(random, 0.95)
        ? 'done'
        : 'in_progress'
      : chance(random, 0.3)
        ? 'in_progress'
        : action.status;
    return status === action.status ? action : { ...action, status };
  });
}

export interface PlanIds {
  plan: () => string;
  item: () => string;
  review: () => string;
  agreement: () => string;
}

export function planIds(context: ChildContext): PlanIds {
  const key = (kind: number) => seedFrom(context.plan.idKey, kind);
  const counters = { plan: 0, item: 0, review: 0, agreement: 0 };
  const planKey = key(51);
  const itemKey = key(52);
  const reviewKey = key(53);
  const agreementKey = key(54);
  return {
    plan: () => uuidAt(planKey, strideId(context.childIndex, MAX_PLANS, counters.plan++)),
    item: () => uuidAt(itemKey, strideId(context.childIndex, MAX_ITEMS, counters.item++)),
    review: () => uuidAt(reviewKey, strideId(context.childIndex, MAX_REVIEWS, counters.review++)),
    agreement: () => uuidAt(agreementKey, strideId(context.childIndex, MAX_AGREEMENTS, counters.agreement++)),
  };
}

/** Family members say whether they agree with this version, in their words when they have some. */
function recordAgreements(
  random: Random,
  context: ChildContext,
  plan: PlanInProgress,
  ids: PlanIds,
  day: number,
  howMany: number,
) {
  const { family, wider } = planPeople(context);
  for (const someone of several(random, [...family, ...wider.slice(0, 2)], howMany)) {
    const roll = random();
    const response: AgreementResponse = roll < 0.72 ? 'agree' : roll < 0.93 ? 'agree_with_comments' : 'do_not_agree';
    const at = Math.max(plan.lastAt + 60_000, workingTime(random, day));
    const agreement: SyntheticAgreement = {
      id: ids.agreement(),
      planId: plan.row.id,
      planVersion: plan.row.version,
      personId: someone.person.id,
      personName: someone.name,
      response,
      inTheirWords:
        response === 'agree'
          ? chance(random, 0.3)
            ? 'Yes, this is what we talked about.'
            : null
          : pick(random, response === 'do_not_agree' ? disagreeWords : agreeWords),
      recordedBy: context.practitioner.user.id,
      recordedByLabel: context.practitioner.label,
      recordedAt: isoTime(at),
    };
    plan.row.agreements.push(agreement);
    plan.lastAt = at;
    context.audit({
      at,
      userIndex: context.practitioner.index,
      action: 'plan.agreement',
      subjectType: 'plan',
      subjectId: plan.row.id,
      details: { response, version: plan.row.version },
      reason: null,
    });
  }
}

/**
 * Reviews from `firstReview` until `until`: each scored, then the plan brought up to date with
 * the reason. The last review due may be late (left for the caseload to show as overdue).
 */
function reviewPlan(
  random: Random,
  context: ChildContext,
  plan: PlanInProgress,
  ids: PlanIds,
  until: number,
  current: boolean,
) {
  const { practitioner } = context;
  const people = planPeople(context);
  const row = plan.row;
  let due = row.reviewBy ? Math.floor(Date.parse(row.reviewBy) / 86_400_000) : null;
  let count = 0;
  while (due !== null && row.reviews.length < MAX_REVIEWS - 1) {
    const held = Math.max(Math.floor(plan.lastAt / 86_400_000) + 1, due + between(random, -5, 10));
    if (held > until) break;
    // Now and then the last review is late: the caseload shows it as overdue.
    if (current && context.lastDay - held < 40 && chance(random, 0.15)) break;
    const at = workingTime(random, held);
    const next = held + reviewEvery[row.kind] + between(random, -7, 7);
    const scorers = [...several(random, people.family, 2), practitioner.user.fullName].map((someone) =>
      typeof someone === 'string' ? someone : someone.name,
    );
    const review: SyntheticReview = {
      id: ids.review(),
      planId: row.id,
      heldOn: isoDay(held),
      whoCame: [
        ...people.family.slice(0, 2).map((someone) => `${someone.relationship} (${someone.name})`),
        ...several(random, people.wider, 1).map((someone) => `${someone.relationship} (${someone.name})`),
        `${practitioner.user.fullName} (social worker)`,
        ...several(random, people.professionals, 1).map((someone) => `${someone.name} (${someone.relationship})`),
      ].join(', '),
      scores: row.goals.flatMap((goal) =>
        scorers.map((personName) => ({ goalId: goal.id, personName, score: scoreAt(random, count) })),
      ),
      whatHasChanged: about(pick(random, changes), context.childName),
      whatHasBeenAchieved: chance(random, 0.8) ? about(pick(random, achievements), context.childName) : null,
      decisions: pick(random, decisions),
      nextReviewBy: isoDay(next),
      recordedBy: practitioner.user.id,
      recordedByLabel: practitioner.label,
      recordedAt: isoTime(at),
    };
    row.reviews.push(review);
    row.reviewBy = review.nextReviewBy;
    plan.lastAt = at;
    context.audit({
      at,
      userIndex: practitioner.index,
      action: 'plan.review',
      subjectType: 'plan',
      subjectId: row.id,
      details: { heldOn: review.heldOn },
      reason: null,
    });
    // The plan after the review: what is done is marked, actions done at an earlier review are
    // taken out, and new actions agreed, with the reason.
    const doneBefore = new Set(row.actions.filter((action) => action.status === 'done').map((action) => action.id));
    const tidy = doneBefore.size > 0 && chance(random, 0.6);
    const actions = progressed(random, row.actions, held).filter((action) => !tidy || !doneBefore.has(action.id));
    const added = between(random, 0, 2);
    for (let index = 0; index < added && actions.length < 8; index += 1) {
      actions.push(
        makeAction(random, context, ids.item(), held + between(random, 14, 100), pick(random, row.goals).id),
      );
    }
    const expectations = added > 0 || tidy;
    plan.save(
      at + 20 * 60_000,
      practitioner,
      { actions },
      {
        action: 'plan.change',
        details: { what: expectations ? 'plan_replaced' : 'action_changed' },
        reason: expectations ? `Agreed at the review on ${review.heldOn}: ${pick(random, reasonsForChange)}` : null,
      },
    );
    if (chance(random, 0.25)) recordAgreements(random, context, plan, ids, held, 1);
    count += 1;
    due = next;
  }
}

/** The family marks what is done between reviews; most current plans were updated lately. */
function updateStatuses(random: Random, context: ChildContext, plan: PlanInProgress, until: number) {
  const from = Math.max(Math.floor(plan.lastAt / 86_400_000) + 7, until - 30);
  if (from > until || !chance(random, 0.8)) return;
  const day = between(random, from, until);
  const actions = progressed(random, plan.row.actions, day);
  if (actions.every((action, index) => action === plan.row.actions[index])) return;
  plan.save(
    workingTime(random, day),
    context.practitioner,
    { actions },
    { action: 'plan.change', details: { what: 'action_changed' }, reason: null },
  );
}

/** A plan that is over: everything marked done and no review to come, with why. */
function finishPlan(context: ChildContext, plan: PlanInProgress, day: number, reason: string) {
  plan.save(
    Math.max(plan.lastAt + 60_000, workingTime(context.random(59 + day), day)),
    context.practitioner,
    {
      reviewBy: null,
      actions: plan.row.actions.map((action) => (action.status === 'done' ? action : { ...action, status: 'done' })),
    },
    { action: 'plan.change', details: { what: 'details_changed' }, reason },
  );
}

function newPlanRow(
  context: ChildContext,
  id: string,
  kind: PlanKind,
  title: string,
  start: number,
  by: StaffMember,
  at: number,
): SyntheticPlan {
  return {
    id,
    childPersonId: context.childId,
    kind,
    title,
    startsOn: isoDay(start),
    reviewBy: isoDay(start + firstReviewAfter[kind]),
    support: null,
    goals: [],
    actions: [],
    fromMappingId: null,
    sourceMeetingId: null,
    status: 'draft',
    agreedOn: null,
    agreedVersion: null,
    sharedWithFamily: false,
    nextActionDueOn: null,
    version: 1,
    createdBy: by.user.id,
    createdByLabel: by.label,
    createdAt: isoTime(at),
    updatedAt: isoTime(at),
    reviews: [],
    agreements: [],
  };
}

/** One plan of the child's pathway, from its start until `end` (the next plan, or the record's close). */
function onePlan(
  random: Random,
  context: ChildContext,
  ids: PlanIds,
  mappings: readonly SyntheticMapping[],
  kind: PlanKind,
  start: number,
  end: number,
  replacedBy: PlanKind | null,
): { plan: SyntheticPlan; kept: KeptVersion[] } {
  const { practitioner, childName } = context;
  const at = workingTime(random, start);
  const mapping = [...mappings].reverse().find((candidate) => candidate.heldOn <= isoDay(start)) ?? null;
  const row = newPlanRow(context, ids.plan(), kind, `${planKindNames[kind]} for ${childName}`, start, practitioner, at);
  row.support = chance(random, 0.85) ? about(pick(random, supports), childName) : null;
  const plan = new PlanInProgress(context, row, at);
  const usedGoals = new Set<number>();
  // Started from the mapping's safety goal and next step, as "start from the latest mapping" does.
  const safetyGoal = mapping?.entries.find((entry) => entry.section === 'safety_goal');
  const nextStep = mapping?.entries.find((entry) => entry.section === 'next_step');
  const goals: PlanGoal[] = safetyGoal
    ? [
        {
          id: ids.item(),
          goalInFamilyWords: safetyGoal.statement,
          professionalWording: null,
          worries: [],
          fromSafetyGoalId: safetyGoal.id,
        },
      ]
    : [makeGoal(random, context, ids.item(), usedGoals)];
  const actions: PlanAction[] = nextStep
    ? [
        {
          id: ids.item(),
          whatWillHappen: nextStep.statement,
          goalId: null,
          ownerPersonId: null,
          ownerName: nextStep.stepOwnerName ?? 'Not yet decided',
          ownerCircle: 'professional',
          dueOn: nextStep.stepDueOn ?? row.startsOn,
          status: 'not_started',
          fromNextStepId: nextStep.id,
          fromMeeting: null,
        },
      ]
    : [];
  row.fromMappingId = mapping?.id ?? null;
  plan.save(
    at,
    practitioner,
    { goals, actions },
    {
      action: 'plan.start',
      details: { fromMapping: mapping !== null, goals: goals.length, actions: actions.length },
      reason: null,
      versioned: false,
    },
  );
  // With the family: more goals, each answering a worry from the mapping, and who does what by when.
  const draftDay = start + between(random, 1, 6);
  const worries = (mapping?.entries ?? []).filter((entry) =>
    ['past_harm', 'danger_statement', 'complicating_factor'].includes(entry.section),
  );
  const moreGoals = [...goals];
  for (let count = between(random, 2, 4) - goals.length; count > 0; count -= 1) {
    moreGoals.push(makeGoal(random, context, ids.item(), usedGoals));
  }
  const linked = moreGoals.map((goal, index) =>
    index < worries.length && chance(random, 0.7)
      ? { ...goal, worries: [{ id: worries[index]!.id, statement: worries[index]!.statement }] }
      : goal,
  );
  const moreActions = [...actions];
  for (let count = between(random, 3, 6) - actions.length; count > 0; count -= 1) {
    moreActions.push(
      makeAction(random, context, ids.item(), draftDay + between(random, 14, 90), pick(random, linked).id),
    );
  }
  plan.save(
    Math.max(plan.lastAt + 60_000, workingTime(random, draftDay)),
    practitioner,
    { goals: linked, actions: moreActions },
    { action: 'plan.change', details: { what: 'plan_replaced' }, reason: null },
  );
  const agreeDay = draftDay + between(random, 2, 12);
  if (agreeDay <= Math.min(end, context.lastDay)) {
    plan.agree(Math.max(plan.lastAt + 60_000, workingTime(random, agreeDay)), practitioner, chance(random, 0.75));
    recordAgreements(random, context, plan, ids, agreeDay, between(random, 1, 3));
    const until = Math.min(end, context.lastDay);
    const current = end >= context.lastDay && !context.closed;
    reviewPlan(random, context, plan, ids, until, current);
    if (current) updateStatuses(random, context, plan, context.lastDay);
    else {
      finishPlan(
        context,
        plan,
        Math.min(end, context.lastDay),
        replacedBy
          ? `Replaced by the ${planKindNames[replacedBy].toLowerCase()} from ${isoDay(end)}`
          : `The plan is finished: ${childName}’s record closed on ${isoDay(end)}`,
      );
    }
  }
  return { plan: row, kept: plan.kept };
}

const pathways: readonly { weight: number; kinds: PlanKind[] }[] = [
  { weight: 40, kinds: ['child_in_need'] },
  { weight: 6, kinds: ['child_in_need', 'child_protection'] },
  { weight: 12, kinds: ['child_protection', 'child_in_need'] },
  { weight: 10, kinds: ['child_protection'] },
  { weight: 12, kinds: ['child_in_care'] },
  { weight: 6, kinds: ['early_help'] },
  { weight: 4, kinds: ['early_help', 'child_in_need'] },
  { weight: 10, kinds: [] },
];

export function generatePlans(
  context: ChildContext,
  mappings: readonly SyntheticMapping[],
  ids: PlanIds = planIds(context),
): { plans: SyntheticPlan[]; versions: KeptVersion[] } {
  const random = context.random(51);
  const total = pathways.reduce((sum, pathway) => sum + pathway.weight, 0);
  let roll = random() * total;
  const pathway = pathways.find((candidate) => (roll -= candidate.weight) < 0) ?? pathways[0]!;
  const plans: SyntheticPlan[] = [];
  const versions: KeptVersion[] = [];
  let start = context.opened + between(random, 21, 70);
  const recordEnd = context.lastDay + (context.closed ? 0 : 1);
  for (const [index, kind] of pathway.kinds.entries()) {
    if (start > context.lastDay - 3) break;
    const nextKind = pathway.kinds[index + 1] ?? null;
    // A second plan follows after six months to a year and a half, if the record is open that long.
    const nextStart = nextKind ? start + between(random, 180, 540) : Number.POSITIVE_INFINITY;
    const end = nextStart <= context.lastDay - 3 ? nextStart : recordEnd;
    const made = onePlan(random, context, ids, mappings, kind, start, end, end === nextStart ? nextKind : null);
    plans.push(made.plan);
    versions.push(...made.kept);
    if (end !== nextStart) break;
    start = nextStart;
  }
  return { plans, versions };
}

/**
 * The family's plan from a family group conference, as adoptFamilyPlan makes it: a new family
 * plan (agreed and shared with the family) or, from a review conference, a new agreed version of
 * the plan the first conference made. The meeting is its source.
 */
export function adoptFamilyPlan(
  context: ChildContext,
  ids: PlanIds,
  existing: { row: SyntheticPlan; kept: KeptVersion[] } | null,
  agreed: {
    meetingId: string;
    at: number;
    agreedOn: number;
    reviewBy: string;
    goalsInFamilyWords: string[];
    actions: { whatWillHappen: string; ownerName: string; dueOn: string }[];
    support: string | null;
    reason: string;
  },
): { row: SyntheticPlan; kept: KeptVersion[] } {
  const { coordinator } = context;
  const goals: PlanGoal[] = agreed.goalsInFamilyWords.map((words) => ({
    id: ids.item(),
    goalInFamilyWords: words.slice(0, 2000),
    professionalWording: null,
    worries: [],
    fromSafetyGoalId: null,
  }));
  const actions: PlanAction[] = agreed.actions.map((action) => ({
    id: ids.item(),
    whatWillHappen: action.whatWillHappen,
    goalId: null,
    ownerPersonId: null,
    ownerName: action.ownerName,
    ownerCircle: 'family',
    dueOn: action.dueOn,
    status: 'not_started',
    fromNextStepId: null,
    fromMeeting: null,
  }));
  const row =
    existing?.row ??
    newPlanRow(
      context,
      ids.plan(),
      'family_plan',
      `Family plan from the family group conference on ${dateInWords(isoDay(agreed.agreedOn))}`,
      agreed.agreedOn,
      coordinator,
      agreed.at,
    );
  const plan = new PlanInProgress(context, row, agreed.at);
  if (existing) plan.kept.push(...existing.kept);
  row.sourceMeetingId = agreed.meetingId;
  const stillToDo = existing ? row.actions.filter((action) => action.status !== 'done') : [];
  plan.save(
    agreed.at,
    coordinator,
    {
      kind: 'family_plan',
      reviewBy: agreed.reviewBy,
      support: agreed.support,
      goals,
      actions: [...stillToDo, ...actions],
    },
    {
      action: existing ? 'plan.change' : 'plan.start',
      details: { fromMeeting: agreed.meetingId, goals: goals.length, actions: stillToDo.length + actions.length },
      reason: agreed.reason,
      versioned: false,
    },
  );
  plan.agree(agreed.at, coordinator, true, false);
  return { row, kept: plan.kept };
}

/** After a family plan is agreed, the family marks their actions done as the weeks go by. */
export function followFamilyPlan(
  context: ChildContext,
  made: { row: SyntheticPlan; kept: KeptVersion[] },
  until: number,
) {
  const plan = new PlanInProgress(context, made.row, Date.parse(made.row.updatedAt));
  plan.kept.push(...made.kept);
  const random = context.random(58 + made.row.version);
  updateStatuses(random, context, plan, until);
  made.kept.splice(0, made.kept.length, ...plan.kept);
}
