/**
 * The rules of a plan, with no I/O: what a version of a plan holds, which changes need a
 * reason once the plan is agreed (no moving goalposts), what changed between two versions
 * (for the family's side-by-side view), what is overdue, and progress over reviews.
 */
import { ukDate } from '../../platform/views/clock.js';

export const actionStatuses = ['not_started', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const ownerCircles = ['family', 'network', 'professional'] as const;
export type OwnerCircle = (typeof ownerCircles)[number];

export interface PlanGoal {
  id: string;
  /** The goal as the family put it. */
  goalInFamilyWords: string;
  /** The professional wording beside it, when one is needed. */
  professionalWording: string | null;
  /** The worries (mapping entries) this goal answers, with their words as they were linked. */
  worries: { id: string; statement: string }[];
  /** The mapping's safety goal it was started from. */
  fromSafetyGoalId: string | null;
}

export interface PlanAction {
  id: string;
  whatWillHappen: string;
  goalId: string | null;
  ownerPersonId: string | null;
  ownerName: string;
  ownerCircle: OwnerCircle;
  dueOn: string;
  status: ActionStatus;
  fromNextStepId: string | null;
  /** The meeting action it came from, when it did (kept through every change of the action). */
  fromMeeting: PlanActionSource | null;
}

/** Where a plan action came from: an action recorded at a meeting. */
export interface PlanActionSource {
  meetingId: string;
  /** The meeting's own id for the action, so it can become a plan action only once. */
  actionId: string;
  /** The kind of meeting, in words, lower case: "network meeting", "child in need review". */
  meetingName: string;
  heldOn: string;
}

/** One version of a plan: everything the family is asked to agree to. */
export interface PlanContent {
  title: string;
  kind: string;
  startsOn: string;
  reviewBy: string | null;
  support: string | null;
  goals: PlanGoal[];
  actions: PlanAction[];
}

export interface ReviewScore {
  goalId: string;
  personName: string;
  score: number;
}

// ---- No moving goalposts ---------------------------------------------------------------------

const goalExpectation = (goal: PlanGoal) =>
  JSON.stringify([goal.goalInFamilyWords, goal.professionalWording, goal.worries.map((worry) => worry.id).sort()]);
const actionExpectation = (action: PlanAction) =>
  JSON.stringify([action.whatWillHappen, action.ownerName, action.ownerPersonId, action.dueOn, action.goalId]);

/**
 * Whether a change to an agreed plan changes what is expected of anyone: a goal added, removed
 * or reworded, an action's expectation, owner or due date, the plan's start or support. Such a
 * change needs a reason. Marking an action done, or in progress, does not.
 */
export function changesExpectations(before: PlanContent, after: PlanContent): boolean {
  // The next review date is not on the list: it is when everyone meets, set at each review.
  if (before.startsOn !== after.startsOn) return true;
  if ((before.support ?? '') !== (after.support ?? '') || before.title !== after.title) return true;
  const same = <T extends { id: string }>(a: T[], b: T[], key: (item: T) => string) =>
    a.length === b.length &&
    a.every((item) => {
      const other = b.find((candidate) => candidate.id === item.id);
      return other !== undefined && key(other) === key(item);
    });
  return !same(before.goals, after.goals, goalExpectation) || !same(before.actions, after.actions, actionExpectation);
}

/** The reason a change needs, or null when it needs none: only agreed plans hold people to their word. */
export function reasonProblem(
  status: 'draft' | 'agreed',
  before: PlanContent,
  after: PlanContent,
  reason: string,
): string | null {
  if (status !== 'agreed' || reason.trim() !== '') return null;
  return changesExpectations(before, after)
    ? 'Enter why this is changing: the plan has been agreed, so the family needs to know why'
    : null;
}

// ---- What changed, side by side ------------------------------------------------------------

export interface DifferenceRow {
  field: string;
  before: string;
  after: string;
}

export interface PlanDifference {
  subject: 'plan' | 'goal' | 'action';
  /** What the family would call it: the goal or action in their words. */
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** What a reader sees first: "Changed: Nan walks Mia to school". */
  heading: string;
  rows: DifferenceRow[];
}

const changeWords = { added: 'Added', removed: 'Taken out', changed: 'Changed' } as const;
const headed = (difference: Omit<PlanDifference, 'heading'>): PlanDifference => ({
  ...difference,
  heading: `${changeWords[difference.change]}: ${difference.name}`,
});

const statusWords: Record<ActionStatus, string> = {
  not_started: 'Not started yet',
  in_progress: 'Started',
  done: 'Done',
};

export function statusInWords(status: ActionStatus): string {
  return statusWords[status];
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as the family reads it: 3 March 2027. */
export function dateInWords(isoDate: string | null): string {
  if (!isoDate) return 'Not set';
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return dayMonthYear.format(date);
}

const goalFields = (goal: PlanGoal): [string, string][] => [
  ['The goal in the family’s words', goal.goalInFamilyWords],
  ['The professional wording', goal.professionalWording ?? ''],
  ['The worries it answers', goal.worries.map((worry) => worry.statement).join('; ')],
];
const actionFields = (action: PlanAction): [string, string][] => [
  ['What will happen', action.whatWillHappen],
  ['Who will do it', action.ownerName],
  ['By when', dateInWords(action.dueOn)],
  ['Where it has got to', statusInWords(action.status)],
];
const planFields = (plan: PlanContent): [string, string][] => [
  ['Name of the plan', plan.title],
  ['Starts', dateInWords(plan.startsOn)],
  ['Support the family will get', plan.support ?? ''],
];

function rowsBetween(before: [string, string][], after: [string, string][]): DifferenceRow[] {
  return before.flatMap(([field, was], index) => {
    const now = after[index]![1];
    return was === now ? [] : [{ field, before: was, after: now }];
  });
}

function itemDifferences<T extends { id: string }>(
  subject: 'goal' | 'action',
  before: T[],
  after: T[],
  fields: (item: T) => [string, string][],
  name: (item: T) => string,
): PlanDifference[] {
  const differences: PlanDifference[] = [];
  for (const was of before) {
    const now = after.find((item) => item.id === was.id);
    if (!now) {
      differences.push(
        headed({
          subject,
          name: name(was),
          change: 'removed',
          rows: fields(was)
            .filter(([, value]) => value !== '')
            .map(([field, value]) => ({ field, before: value, after: '' })),
        }),
      );
      continue;
    }
    const rows = rowsBetween(fields(was), fields(now));
    if (rows.length > 0) differences.push(headed({ subject, name: name(now), change: 'changed', rows }));
  }
  for (const now of after) {
    if (before.some((item) => item.id === now.id)) continue;
    differences.push(
      headed({
        subject,
        name: name(now),
        change: 'added',
        rows: fields(now)
          .filter(([, value]) => value !== '')
          .map(([field, value]) => ({ field, before: '', after: value })),
      }),
    );
  }
  return differences;
}

/** Everything that differs between two versions of a plan, in the plan's order, in plain words. */
export function planDifferences(before: PlanContent, after: PlanContent): PlanDifference[] {
  const planRows = rowsBetween(planFields(before), planFields(after));
  return [
    ...(planRows.length > 0 ? [headed({ subject: 'plan', name: 'The plan', change: 'changed', rows: planRows })] : []),
    ...itemDifferences('goal', before.goals, after.goals, goalFields, (goal) => goal.goalInFamilyWords),
    ...itemDifferences('action', before.actions, after.actions, actionFields, (action) => action.whatWillHappen),
  ];
}

// ---- Overdue ------------------------------------------------------------------------------

/** The earliest due date of an action not yet done: kept on the plan so lists can find overdue work. */
export function nextActionDueOn(actions: readonly PlanAction[]): string | null {
  const open = actions.filter((action) => action.status !== 'done').map((action) => action.dueOn);
  return open.length === 0 ? null : open.sort()[0]!;
}

export function overdueActions(actions: readonly PlanAction[], today: string): PlanAction[] {
  return actions.filter((action) => action.status !== 'done' && action.dueOn < today);
}

export function reviewIsOverdue(reviewBy: string | null, today: string): boolean {
  return reviewBy !== null && reviewBy < today;
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function todayInUk(now: Date = new Date()): string {
  return ukDate(now);
}

// ---- Reviews and progress ---------------------------------------------------------------

/** A review cannot be held before the plan starts. */
export function reviewDateProblem(heldOn: string, planStartsOn: string): string | null {
  return heldOn < planStartsOn
    ? `The review must be on or after the day the plan started (${dateInWords(planStartsOn)})`
    : null;
}

export interface GoalProgressPoint {
  heldOn: string;
  scores: { personName: string; score: number }[];
  /** The average of everyone's scores, to one decimal place. */
  average: number | null;
}

export interface GoalProgress {
  goalId: string;
  goalInFamilyWords: string;
  points: GoalProgressPoint[];
}

/** Each goal's scores at each review, oldest review first. */
export function progressByGoal(
  goals: readonly PlanGoal[],
  reviews: readonly { heldOn: string; scores: readonly ReviewScore[] }[],
): GoalProgress[] {
  const ordered = [...reviews].sort((a, b) => a.heldOn.localeCompare(b.heldOn));
  return goals.map((goal) => ({
    goalId: goal.id,
    goalInFamilyWords: goal.goalInFamilyWords,
    points: ordered.map((review) => {
      const scores = review.scores
        .filter((score) => score.goalId === goal.id)
        .map(({ personName, score }) => ({ personName, score }));
      const average =
        scores.length === 0
          ? null
          : Math.round((scores.reduce((sum, score) => sum + score.score, 0) / scores.length) * 10) / 10;
      return { heldOn: review.heldOn, scores, average };
    }),
  }));
}

/** What is overdue on a child's plans, in words for a list: nothing when nothing is. */
export function overdueWorkInWords(work: { overdueActions: number; reviewsOverdue: number } | undefined): string[] {
  if (!work) return [];
  return [
    ...(work.overdueActions > 0
      ? [`${work.overdueActions} plan ${work.overdueActions === 1 ? 'action' : 'actions'} overdue`]
      : []),
    ...(work.reviewsOverdue > 0 ? ['Plan review overdue'] : []),
  ];
}

/** The plan without this goal; its actions stay, for the whole plan. A message when it is already gone. */
export function withoutGoal(content: PlanContent, goalId: string): PlanContent | string {
  if (!content.goals.some((goal) => goal.id === goalId)) return 'This goal is no longer in the plan';
  return {
    ...content,
    goals: content.goals.filter((goal) => goal.id !== goalId),
    actions: content.actions.map((action) => (action.goalId === goalId ? { ...action, goalId: null } : action)),
  };
}

export function withoutAction(content: PlanContent, actionId: string): PlanContent | string {
  if (!content.actions.some((action) => action.id === actionId)) return 'This action is no longer in the plan';
  return { ...content, actions: content.actions.filter((action) => action.id !== actionId) };
}

// ---- Actions from a meeting -----------------------------------------------------------------

/** "From the network meeting on 3 February 2027": how a plan action's source is shown. */
export function sourceInWords(source: PlanActionSource): string {
  return `From the ${source.meetingName} on ${dateInWords(source.heldOn)}`;
}

/**
 * The reason kept with the plan's new version when a meeting's action is added to it: an agreed
 * plan's expectations change only with a reason, and where the action came from is that reason.
 */
export function reasonForActionFromMeeting(source: PlanActionSource): string {
  return `Added from the ${source.meetingName} on ${dateInWords(source.heldOn)}`;
}

/** The plan action that carries this meeting action, if any plan holds one. */
export function planActionFromMeeting<P extends { id: string; actions: readonly PlanAction[] }>(
  plans: readonly P[],
  meetingId: string,
  actionId: string,
): { plan: P; action: PlanAction } | null {
  for (const plan of plans) {
    const action = plan.actions.find(
      (candidate) => candidate.fromMeeting?.meetingId === meetingId && candidate.fromMeeting.actionId === actionId,
    );
    if (action) return { plan, action };
  }
  return null;
}

const comparable = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Who a meeting action's owner is in the child's network, when the name typed at the meeting is
 * exactly one person's full name or the name they are known by ("Nan Pat"); null otherwise
 * (several people of that name, or someone not in the network, such as "the social worker").
 */
export function ownerNamed<O extends { name: string; fullName: string; knownAs: string | null }>(
  ownerName: string,
  owners: readonly O[],
): O | null {
  const wanted = comparable(ownerName);
  if (!wanted) return null;
  const matches = owners.filter(
    (owner) =>
      comparable(owner.fullName) === wanted ||
      comparable(owner.name) === wanted ||
      (owner.knownAs !== null && comparable(owner.knownAs) === wanted),
  );
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * Whether two plans say the same, whatever order their fields come in (the database gives a
 * plan's stored parts back with their keys in its own order): an unchanged save is no change.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, field]) => field !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([key, field]) => [key, canonical(field)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
