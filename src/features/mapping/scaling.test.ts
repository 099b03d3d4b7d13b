import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderScalingChart } from './scaling-chart.js';
import {
  isValidScore,
  scalingOccasions,
  scalingSeries,
  scoresOfPerson,
  trendOf,
  trendSentences,
  type ScalingScore,
} from './scaling.js';

const score = (
  scoredOn: string,
  scorerKind: ScalingScore['scorerKind'],
  scorerName: string,
  value: number,
): ScalingScore => ({ scoredOn, scorerKind, scorerName, scorerPersonId: null, score: value, reason: 'because' });

const history: ScalingScore[] = [
  score('2026-06-10', 'family', 'Sarah', 4),
  score('2026-06-10', 'family', 'Dan', 3),
  score('2026-06-10', 'child', 'Mia', 5),
  score('2026-06-10', 'professional', 'Alex', 3),
  score('2026-06-10', 'network', 'Nan', 4),
  score('2026-10-20', 'professional', 'Alex', 6),
  score('2026-10-20', 'family', 'Sarah', 7),
  score('2026-10-20', 'family', 'Dan', 6),
  score('2026-10-20', 'child', 'Mia', 8),
  score('2026-10-20', 'network', 'Nan', 7),
];

test('a score is a whole number from 0 to 10', () => {
  for (const good of [0, 5, 10]) assert.equal(isValidScore(good), true);
  for (const bad of [-1, 11, 5.5, '5', null, Number.NaN]) assert.equal(isValidScore(bad), false);
});

test('scores are grouped by occasion, oldest first, with each group’s average', () => {
  const occasions = scalingOccasions([...history].reverse());
  assert.deepEqual(
    occasions.map((occasion) => occasion.scoredOn),
    ['2026-06-10', '2026-10-20'],
  );
  assert.deepEqual(occasions[0]!.byGroup, { child: 5, family: 3.5, network: 4, professional: 3 });
  assert.deepEqual(
    occasions[0]!.scores.map((entry) => entry.scorerName),
    ['Mia', 'Dan', 'Sarah', 'Nan', 'Alex'],
    'the child first, then family, network and professionals',
  );
});

test('each group is a line through its averages, and a group that never scored has none', () => {
  const series = scalingSeries(history.filter((entry) => entry.scorerKind !== 'network'));
  assert.deepEqual(
    series.map((line) => line.group),
    ['child', 'family', 'professional'],
  );
  assert.deepEqual(series[1]!.points, [
    { scoredOn: '2026-06-10', score: 3.5 },
    { scoredOn: '2026-10-20', score: 6.5 },
  ]);
});

test('a trend is a change of a whole point or more from the first score to the latest', () => {
  assert.equal(trendOf([{ score: 3 }]), 'one_score');
  assert.equal(trendOf([{ score: 3 }, { score: 4 }]), 'rising');
  assert.equal(trendOf([{ score: 6 }, { score: 2 }, { score: 5 }]), 'falling');
  assert.equal(trendOf([{ score: 4 }, { score: 8 }, { score: 4.5 }]), 'steady');
  assert.deepEqual(trendSentences(scalingSeries(history)).slice(0, 2), [
    'The child: 5 then 8 (rising) over 2 occasions.',
    'Family: 3.5 then 6.5 (rising) over 2 occasions.',
  ]);
});

test('one person’s scores over time, by their record or by name', () => {
  assert.deepEqual(
    scoresOfPerson(history, { personId: null, name: 'sarah' }).map((entry) => entry.score),
    [4, 7],
  );
});

test('the chart draws a line per group with distinct markers, and escapes names', () => {
  const svg = renderScalingChart(scalingSeries(history), 'Mia <script>');
  assert.match(svg, /^<svg [^>]*role="img"/);
  assert.match(svg, /<title id="scaling-title">Scaling for Mia &lt;script&gt; over time<\/title>/);
  assert.equal((svg.match(/<polyline /g) ?? []).length, 4);
  assert.match(svg, /app-scaling-chart__line--family/);
  assert.match(svg, /stroke-dasharray="8 4"/, 'family is dashed, not only a colour');
  assert.match(svg, /<desc id="scaling-desc">The child: 5 then 8 \(rising\)/);
  assert.doesNotMatch(svg, /<script>/);
  const empty = renderScalingChart([], 'Leo');
  assert.match(empty, /No scores recorded yet/);
  const single = renderScalingChart(scalingSeries([score('2026-06-10', 'child', 'Leo', 6)]), 'Leo');
  assert.equal((single.match(/<polyline /g) ?? []).length, 0, 'one occasion is a point, not a line');
  assert.match(single, /<circle /);
});
