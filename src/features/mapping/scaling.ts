/**
 * Scaling over time, with no I/O: each person present gives a 0 to 10 judgement with their
 * reason; the child's, the family's, the network's and the professionals' scores are shown side
 * by side for each occasion, as a line each over time, and as a plain trend in words.
 */
import type { ViewKind } from './schema.js';

export interface ScalingScore {
  scoredOn: string;
  scorerKind: ViewKind;
  scorerName: string;
  scorerPersonId: string | null;
  score: number;
  reason: string;
}

export const scoreGroups: readonly ViewKind[] = ['child', 'family', 'network', 'professional'];
export const scoreGroupNames: Record<ViewKind, string> = {
  child: 'The child',
  family: 'Family',
  network: 'Network',
  professional: 'Professionals',
};

export const isValidScore = (score: unknown): score is number =>
  typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= 10;

const average = (values: readonly number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;

export interface ScalingOccasion<Score extends ScalingScore = ScalingScore> {
  scoredOn: string;
  /** Each group's average that day (null when nobody in the group scored). */
  byGroup: Record<ViewKind, number | null>;
  scores: Score[];
}

/** Scores grouped by the day they were given, oldest first; within a day, by group then name. */
export function scalingOccasions<Score extends ScalingScore>(scores: readonly Score[]): ScalingOccasion<Score>[] {
  const byDay = new Map<string, Score[]>();
  for (const score of scores) byDay.set(score.scoredOn, [...(byDay.get(score.scoredOn) ?? []), score]);
  return [...byDay.entries()]
    .sort(([first], [second]) => first.localeCompare(second))
    .map(([scoredOn, dayScores]) => ({
      scoredOn,
      byGroup: Object.fromEntries(
        scoreGroups.map((group) => [
          group,
          average(dayScores.filter((score) => score.scorerKind === group).map((score) => score.score)),
        ]),
      ) as Record<ViewKind, number | null>,
      scores: [...dayScores].sort(
        (first, second) =>
          scoreGroups.indexOf(first.scorerKind) - scoreGroups.indexOf(second.scorerKind) ||
          first.scorerName.localeCompare(second.scorerName),
      ),
    }));
}

export interface ScalingSeries {
  group: ViewKind;
  name: string;
  points: { scoredOn: string; score: number }[];
}

/** One line per group that has scored, through its average on each occasion. */
export function scalingSeries(scores: readonly ScalingScore[]): ScalingSeries[] {
  const occasions = scalingOccasions(scores);
  return scoreGroups
    .map((group) => ({
      group,
      name: scoreGroupNames[group],
      points: occasions.flatMap((occasion) =>
        occasion.byGroup[group] === null ? [] : [{ scoredOn: occasion.scoredOn, score: occasion.byGroup[group] }],
      ),
    }))
    .filter((series) => series.points.length > 0);
}

export type Trend = 'rising' | 'falling' | 'steady' | 'one_score';

/** From the first score to the latest: a change of a whole point or more is a trend. */
export function trendOf(points: readonly { score: number }[]): Trend {
  if (points.length < 2) return 'one_score';
  const change = points[points.length - 1]!.score - points[0]!.score;
  if (change >= 1) return 'rising';
  if (change <= -1) return 'falling';
  return 'steady';
}

/** "Family: 3 to 6, rising" for each group, in words. */
export function trendSentences(series: readonly ScalingSeries[]): string[] {
  return series.map((line) => {
    const first = line.points[0]!;
    const last = line.points[line.points.length - 1]!;
    const trend = trendOf(line.points);
    if (trend === 'one_score') return `${line.name}: ${formatScore(first.score)} so far, one occasion.`;
    const words = { rising: 'rising', falling: 'falling', steady: 'about the same' }[trend];
    return `${line.name}: ${formatScore(first.score)} then ${formatScore(last.score)} (${words}) over ${line.points.length} occasions.`;
  });
}

export const formatScore = (score: number) => (Number.isInteger(score) ? String(score) : score.toFixed(1));

/** One person's scores over time, for "how has Sarah's view moved?" */
export function scoresOfPerson(scores: readonly ScalingScore[], who: { personId: string | null; name: string }) {
  return scores
    .filter((score) =>
      who.personId ? score.scorerPersonId === who.personId : score.scorerName.toLowerCase() === who.name.toLowerCase(),
    )
    .sort((first, second) => first.scoredOn.localeCompare(second.scoredOn));
}
