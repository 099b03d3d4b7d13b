/**
 * Mason's grid of safe uncertainty: whether the child is safe or unsafe, and whether those
 * working with the family are certain or uncertain. The aim is safe uncertainty: the child is
 * safe enough, and everyone stays curious and open to what they do not know yet. Pure: names,
 * plain-English explanations, movement over time and which questions are due to revisit.
 */
import { gridPositions, type GridPosition, type QuestionKind } from './schema.js';

export { gridPositions, type GridPosition };
export type Safety = 'safe' | 'unsafe';
export type Certainty = 'certain' | 'uncertain';

export const GOAL: GridPosition = 'safe_uncertainty';

export const axesOf: Record<GridPosition, { safety: Safety; certainty: Certainty }> = {
  safe_certainty: { safety: 'safe', certainty: 'certain' },
  safe_uncertainty: { safety: 'safe', certainty: 'uncertain' },
  unsafe_uncertainty: { safety: 'unsafe', certainty: 'uncertain' },
  unsafe_certainty: { safety: 'unsafe', certainty: 'certain' },
};

export function positionOf(safety: Safety, certainty: Certainty): GridPosition {
  return `${safety}_${certainty === 'certain' ? 'certainty' : 'uncertainty'}`;
}

export function isGridPosition(value: unknown): value is GridPosition {
  return typeof value === 'string' && (gridPositions as readonly string[]).includes(value);
}

/** What each part of the grid is called on the page. */
export const positionNames: Record<GridPosition, string> = {
  safe_certainty: 'Safe and certain',
  safe_uncertainty: 'Safe uncertainty (where we aim to be)',
  unsafe_uncertainty: 'Unsafe uncertainty',
  unsafe_certainty: 'Unsafe certainty',
};

/** Shorter names, for the picture and for sentences. */
export const shortPositionNames: Record<GridPosition, string> = {
  safe_certainty: 'Safe and certain',
  safe_uncertainty: 'Safe uncertainty',
  unsafe_uncertainty: 'Unsafe uncertainty',
  unsafe_certainty: 'Unsafe certainty',
};

/** One line each, in words a family could read. */
export const positionExplanations: Record<GridPosition, string> = {
  safe_certainty:
    'The child is safe and we feel sure we know why. Feeling too sure can stop us noticing change, so we keep listening to the child and family.',
  safe_uncertainty:
    'The child is safe enough, and we stay curious: we keep learning with the family, open to new ideas and ready to change the plan.',
  unsafe_uncertainty:
    'There are real worries for the child’s safety and important things we do not know yet. We are finding out with the family what is happening and what would help.',
  unsafe_certainty:
    'There are worries for the child’s safety and we feel sure what must happen. Acting quickly can be right, but we keep the family’s view in the picture and stay open to other ways of seeing it.',
};

export const questionKindNames: Record<QuestionKind, string> = {
  question: 'Question',
  hypothesis: 'Hypothesis',
};

export interface DatedPosition {
  position: GridPosition;
  assessedOn: string;
  recordedAt: Date;
}

/** Oldest first: by the date assessed, then by when it was recorded (two on one day keep their order). */
export function inOrder<T extends DatedPosition>(positions: readonly T[]): T[] {
  return [...positions].sort(
    (a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
}

export type Movement = 'first' | 'same' | 'towards_goal' | 'reached_goal' | 'away_from_goal' | 'across';

/**
 * How a position moved from the one before it, judged against the goal (safe uncertainty):
 * one step nearer is "towards", arriving is "reached", leaving it is "away".
 */
export function movementBetween(previous: GridPosition | null, next: GridPosition): Movement {
  if (previous === null) return 'first';
  if (previous === next) return 'same';
  if (next === GOAL) return 'reached_goal';
  if (previous === GOAL) return 'away_from_goal';
  const distance = (position: GridPosition) =>
    (axesOf[position].safety === 'safe' ? 0 : 1) + (axesOf[position].certainty === 'uncertain' ? 0 : 1);
  const before = distance(previous);
  const after = distance(next);
  if (after < before) return 'towards_goal';
  if (after > before) return 'away_from_goal';
  return 'across';
}

export const movementNames: Record<Movement, string> = {
  first: 'First recorded',
  same: 'No change',
  towards_goal: 'Towards safe uncertainty',
  reached_goal: 'Reached safe uncertainty',
  away_from_goal: 'Further from safe uncertainty',
  across: 'Moved across',
};

/**
 * A question is due to revisit once its revisit date has come (today or earlier) and nothing
 * has been found yet. Dates are ISO (YYYY-MM-DD), so they compare as strings.
 */
export function isDueForRevisit(question: { revisitOn: string; finding: string | null }, today: string): boolean {
  return question.finding === null && question.revisitOn <= today;
}

/** Today as an ISO date. */
export function isoToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
