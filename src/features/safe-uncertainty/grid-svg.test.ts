import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellOf, placePoints, renderGridSvg } from './grid-svg.js';
import type { DatedPosition } from './grid.js';

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const journey: DatedPosition[] = [
  { position: 'unsafe_uncertainty', assessedOn: '2025-09-15', recordedAt: at('2025-09-15') },
  { position: 'unsafe_uncertainty', assessedOn: '2026-01-20', recordedAt: at('2026-01-20') },
  { position: 'safe_uncertainty', assessedOn: '2026-06-10', recordedAt: at('2026-06-10') },
];

test('safe above, unsafe below; certain left, uncertain right', () => {
  assert.ok(cellOf('safe_certainty').y < cellOf('unsafe_certainty').y);
  assert.ok(cellOf('safe_certainty').x < cellOf('safe_uncertainty').x);
  assert.deepEqual(cellOf('unsafe_uncertainty'), { x: cellOf('safe_uncertainty').x, y: cellOf('unsafe_certainty').y });
});

test('points are numbered in date order, the latest is current, and none sits on another', () => {
  const points = placePoints([...journey].reverse());
  assert.deepEqual(
    points.map((point) => [point.number, point.assessedOn, point.isCurrent]),
    [
      [1, '2025-09-15', false],
      [2, '2026-01-20', false],
      [3, '2026-06-10', true],
    ],
  );
  const spots = new Set(points.map((point) => `${point.x},${point.y}`));
  assert.equal(spots.size, points.length);
  for (const point of points) {
    const cell = cellOf(point.position);
    assert.ok(point.x > cell.x && point.y > cell.y, 'each point is drawn inside its own part of the grid');
  }
});

test('the picture names itself, describes every point in words, escapes the name, and marks now', () => {
  const svg = renderGridSvg(journey, {
    childName: 'Mia <b>',
    describe: (point) => `${point.assessedOn} ${point.position}`,
  });
  assert.match(svg, /role="img" aria-labelledby="su-grid-title su-grid-desc"/);
  assert.match(svg, /<title id="su-grid-title">Where the work with Mia &lt;b&gt; stands/);
  assert.match(svg, /3 positions recorded, oldest first: 1, 2025-09-15 unsafe_uncertainty; 2, 2026-01-20/);
  assert.match(svg, /Now: Safe uncertainty\.<\/desc>/);
  assert.equal((svg.match(/class="app-grid__step"/g) ?? []).length, 2, 'two steps join three points');
  assert.equal((svg.match(/>Now</g) ?? []).length, 1);
  assert.match(svg, /Where we aim to be/);
});

test('with nothing recorded, the grid is drawn empty and says so', () => {
  const svg = renderGridSvg([], { childName: 'Mia', describe: () => '' });
  assert.match(svg, /No position has been recorded yet\./);
  assert.doesNotMatch(svg, /app-grid__point/);
});
