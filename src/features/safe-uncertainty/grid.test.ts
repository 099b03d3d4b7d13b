import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  GOAL,
  axesOf,
  gridPositions,
  inOrder,
  isDueForRevisit,
  isGridPosition,
  movementBetween,
  positionExplanations,
  positionNames,
  positionOf,
} from './grid.js';

describe('the safe uncertainty grid', () => {
  test('four positions, each with a plain-English name and a one-line explanation', () => {
    assert.deepEqual([...gridPositions].sort(), [
      'safe_certainty',
      'safe_uncertainty',
      'unsafe_certainty',
      'unsafe_uncertainty',
    ]);
    assert.equal(positionNames.safe_uncertainty, 'Safe uncertainty (where we aim to be)');
    assert.equal(positionNames.safe_certainty, 'Safe and certain');
    assert.equal(positionNames.unsafe_uncertainty, 'Unsafe uncertainty');
    assert.equal(positionNames.unsafe_certainty, 'Unsafe certainty');
    for (const position of gridPositions) {
      const explanation = positionExplanations[position];
      assert.ok(explanation.length > 40 && explanation.length < 220, `${position}: one line`);
      assert.doesNotMatch(explanation, /\n/);
    }
  });

  test('the goal is safe uncertainty; each position is one safety and one certainty', () => {
    assert.equal(GOAL, 'safe_uncertainty');
    for (const position of gridPositions) {
      const { safety, certainty } = axesOf[position];
      assert.equal(positionOf(safety, certainty), position);
    }
  });

  test('only the four known values are grid positions', () => {
    assert.ok(isGridPosition('unsafe_certainty'));
    for (const value of ['safe', 'SAFE_UNCERTAINTY', '', null, 3, 'safe_uncertainty ']) {
      assert.equal(isGridPosition(value), false, String(value));
    }
  });

  test('movement is judged against the goal', () => {
    assert.equal(movementBetween(null, 'unsafe_uncertainty'), 'first');
    assert.equal(movementBetween('unsafe_uncertainty', 'unsafe_uncertainty'), 'same');
    assert.equal(movementBetween('unsafe_uncertainty', 'safe_uncertainty'), 'reached_goal');
    assert.equal(movementBetween('unsafe_certainty', 'unsafe_uncertainty'), 'towards_goal');
    assert.equal(movementBetween('unsafe_certainty', 'safe_certainty'), 'towards_goal');
    assert.equal(movementBetween('safe_uncertainty', 'safe_certainty'), 'away_from_goal');
    assert.equal(movementBetween('unsafe_uncertainty', 'unsafe_certainty'), 'away_from_goal');
    assert.equal(movementBetween('safe_certainty', 'unsafe_uncertainty'), 'across');
  });

  test('positions are put in date order, and two on one day keep the order they were recorded in', () => {
    const at = (iso: string) => new Date(iso);
    const ordered = inOrder([
      { position: 'safe_uncertainty' as const, assessedOn: '2026-06-10', recordedAt: at('2026-06-10T09:00:00Z') },
      { position: 'unsafe_certainty' as const, assessedOn: '2025-09-15', recordedAt: at('2026-01-01T09:00:00Z') },
      { position: 'unsafe_uncertainty' as const, assessedOn: '2026-06-10', recordedAt: at('2026-06-10T08:00:00Z') },
    ]);
    assert.deepEqual(
      ordered.map((entry) => entry.position),
      ['unsafe_certainty', 'unsafe_uncertainty', 'safe_uncertainty'],
    );
  });
});

describe('questions due to revisit', () => {
  test('due once the revisit date has come and nothing has been found', () => {
    assert.equal(isDueForRevisit({ revisitOn: '2026-12-01', finding: null }, '2026-12-02'), true);
    assert.equal(isDueForRevisit({ revisitOn: '2026-12-02', finding: null }, '2026-12-02'), true, 'due on the day');
    assert.equal(isDueForRevisit({ revisitOn: '2026-12-03', finding: null }, '2026-12-02'), false);
  });

  test('never due once something has been found', () => {
    assert.equal(
      isDueForRevisit({ revisitOn: '2020-01-01', finding: 'Auntie Jess will be there' }, '2026-12-02'),
      false,
    );
  });
});
