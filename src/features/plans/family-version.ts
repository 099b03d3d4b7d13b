/**
 * The family version and the child's version of a plan, as sentences: pure, so the page, the
 * PDF and the language check all read exactly the same words.
 */
import { dateInWords, statusInWords, type PlanAction, type PlanContent, type PlanDifference } from './plan-rules.js';

export interface FamilyAction {
  id: string;
  /** "Nan: walk Mia to school on Mondays, by 10 January 2027." */
  sentence: string;
  who: string;
  what: string;
  byWhen: string;
  status: string;
  isDone: boolean;
}

export interface FamilyGoal {
  id: string;
  goalInFamilyWords: string;
  professionalWording: string | null;
  worries: string[];
  actions: FamilyAction[];
}

export interface FamilyVersion {
  title: string;
  intro: string;
  goals: FamilyGoal[];
  /** Actions not tied to one goal. */
  otherActions: FamilyAction[];
  support: string | null;
  nextReview: string | null;
  achieved: { on: string; text: string }[];
  changes: { differences: PlanDifference[]; reasons: { on: string; reason: string }[]; agreedOn: string } | null;
}

const familyAction = (action: PlanAction): FamilyAction => ({
  id: action.id,
  sentence: `${action.ownerName}: ${action.whatWillHappen}, by ${dateInWords(action.dueOn)}.`,
  who: action.ownerName,
  what: action.whatWillHappen,
  byWhen: dateInWords(action.dueOn),
  status: statusInWords(action.status),
  isDone: action.status === 'done',
});

export function familyVersionOf(
  content: PlanContent,
  childName: string,
  extras: {
    achieved: { heldOn: string; text: string | null }[];
    changesSinceAgreed: {
      agreedOn: string;
      differences: PlanDifference[];
      changes: { recordedAt: Date; reason: string | null }[];
    } | null;
  },
): FamilyVersion {
  const goalIds = new Set(content.goals.map((goal) => goal.id));
  return {
    title: content.title,
    intro: `This is the plan for ${childName}. It says what we all want to see, who will do what, and by when.`,
    goals: content.goals.map((goal) => ({
      id: goal.id,
      goalInFamilyWords: goal.goalInFamilyWords,
      professionalWording: goal.professionalWording,
      worries: goal.worries.map((worry) => worry.statement),
      actions: content.actions.filter((action) => action.goalId === goal.id).map(familyAction),
    })),
    otherActions: content.actions
      .filter((action) => action.goalId === null || !goalIds.has(action.goalId))
      .map(familyAction),
    support: content.support,
    nextReview: content.reviewBy ? dateInWords(content.reviewBy) : null,
    achieved: extras.achieved
      .filter((entry): entry is { heldOn: string; text: string } => entry.text !== null)
      .map((entry) => ({ on: dateInWords(entry.heldOn), text: entry.text })),
    changes: extras.changesSinceAgreed
      ? {
          agreedOn: dateInWords(extras.changesSinceAgreed.agreedOn),
          differences: extras.changesSinceAgreed.differences,
          reasons: extras.changesSinceAgreed.changes
            .filter((change): change is { recordedAt: Date; reason: string } => change.reason !== null)
            .map((change) => ({
              on: dateInWords(change.recordedAt.toISOString().slice(0, 10)),
              reason: change.reason,
            })),
        }
      : null,
  };
}

/** The family version as plain text, in reading order: what the language companion checks and the PDF prints. */
export function familyVersionText(version: FamilyVersion): string {
  const lines = [version.intro];
  for (const goal of version.goals) {
    lines.push(goal.goalInFamilyWords);
    for (const action of goal.actions) lines.push(action.sentence);
  }
  for (const action of version.otherActions) lines.push(action.sentence);
  if (version.support) lines.push(version.support);
  for (const entry of version.achieved) lines.push(entry.text);
  for (const reason of version.changes?.reasons ?? []) lines.push(reason.reason);
  return lines.map((line) => (/[.!?]$/.test(line.trim()) ? line.trim() : `${line.trim()}.`)).join('\n');
}

/** Whole years between a date of birth and today, or null when not known. */
export function ageInYears(dateOfBirth: string | null, today: string): number | null {
  if (!dateOfBirth) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let age = ty! - by!;
  if (tm! < bm! || (tm === bm && td! < bd!)) age -= 1;
  return age >= 0 ? age : null;
}

export interface ChildVersionPart {
  /** Which picture goes with it: drawn in the template, each with its own words. */
  picture: 'home' | 'people' | 'calendar' | 'star' | 'heart';
  heading: string;
  sentences: string[];
}

/**
 * The plan for the child: short sentences, one idea each. Younger children (under 8) get the
 * fewest words; older children also hear who does what by when.
 */
export function childVersionOf(
  content: PlanContent,
  childName: string,
  age: number | null,
  achieved: string[],
): ChildVersionPart[] {
  const young = age !== null && age < 8;
  const helpers = [...new Set(content.actions.map((action) => action.ownerName))];
  const parts: ChildVersionPart[] = [
    {
      picture: 'heart',
      heading: `This is your plan, ${childName}`,
      sentences: young
        ? ['The grown-ups who care about you made this plan.', 'It is about keeping you safe and happy.']
        : [
            'The people who care about you made this plan together.',
            'It says what will happen to help you feel safe and happy.',
          ],
    },
    {
      picture: 'home',
      heading: young ? 'What we want' : 'What we are working on',
      sentences: content.goals.map((goal) => goal.goalInFamilyWords),
    },
    {
      picture: 'people',
      heading: young ? 'Who is helping' : 'Who is helping, and how',
      sentences: young
        ? helpers.map((name) => `${name} is helping.`)
        : content.actions
            .filter((action) => action.status !== 'done')
            .map((action) => `${action.ownerName}: ${endSentence(action.whatWillHappen)}`),
    },
  ];
  if (achieved.length > 0) {
    parts.push({ picture: 'star', heading: 'Things that have gone well', sentences: achieved });
  }
  if (content.reviewBy) {
    parts.push({
      picture: 'calendar',
      heading: 'When we will talk again',
      sentences: [`We will all meet again by ${dateInWords(content.reviewBy)}.`, 'You can tell us what you think.'],
    });
  }
  return parts.filter((part) => part.sentences.length > 0);
}

function endSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
