import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assessmentFactorCodes, closureReasonCodes, primaryNeedCodes } from './codes.js';
import {
  assessmentDueOn,
  endsBeforeStart,
  initialConferenceDueOn,
  nextReviewConferenceDue,
  openOn,
  overlappingEpisode,
  refusedStep,
  stepBetween,
  type EpisodeSpan,
} from './rules.js';

const england = { nation: 'england', closureDays: [] } as const;
const span = (id: string, kind: EpisodeSpan['kind'], startsOn: string, endsOn: string | null): EpisodeSpan => ({
  id,
  kind,
  startsOn,
  endsOn,
});

describe('episode dates', () => {
  test('an end before the start is refused; the same day is a one-day episode', () => {
    assert.equal(endsBeforeStart('2026-03-03', '2026-03-02'), true);
    assert.equal(endsBeforeStart('2026-03-03', '2026-03-03'), false);
    assert.equal(endsBeforeStart('2026-03-03', null), false);
  });

  test('no two episodes of the same kind at once; other kinds may run beside', () => {
    const existing = [
      span('a', 'family_help', '2025-01-10', '2025-06-30'),
      span('b', 'child_protection', '2026-03-03', null),
    ];
    assert.equal(overlappingEpisode(existing, { kind: 'family_help', startsOn: '2025-06-30', endsOn: null })?.id, 'a');
    assert.equal(
      overlappingEpisode(existing, { kind: 'family_help', startsOn: '2025-07-01', endsOn: null }),
      undefined,
    );
    assert.equal(
      overlappingEpisode(existing, { kind: 'family_help', startsOn: '2024-01-01', endsOn: '2025-01-09' }),
      undefined,
    );
    assert.equal(overlappingEpisode(existing, { kind: 'family_help', startsOn: '2024-01-01', endsOn: null })?.id, 'a');
    assert.equal(
      overlappingEpisode(existing, { kind: 'child_protection', startsOn: '2027-01-01', endsOn: null })?.id,
      'b',
    );
    assert.equal(
      overlappingEpisode(existing, { id: 'b', kind: 'child_protection', startsOn: '2026-03-03', endsOn: null }),
      undefined,
    );
    assert.equal(
      overlappingEpisode(existing, { kind: 'child_in_care', startsOn: '2026-04-01', endsOn: null }),
      undefined,
    );
  });

  test('open on a day: started by then and not ended before it', () => {
    const episodes = [
      span('a', 'family_help', '2025-01-10', '2025-06-30'),
      span('b', 'child_protection', '2026-03-03', null),
    ];
    assert.deepEqual(
      openOn(episodes, '2025-06-30').map((e) => e.id),
      ['a'],
    );
    assert.deepEqual(
      openOn(episodes, '2026-03-02').map((e) => e.id),
      [],
    );
    assert.deepEqual(
      openOn(episodes, '2027-01-01').map((e) => e.id),
      ['b'],
    );
  });
});

describe('step up and step down', () => {
  test('up to more statutory help, down to less, moving on from care', () => {
    assert.equal(stepBetween('family_help', 'child_protection'), 'step_up');
    assert.equal(stepBetween('child_protection', 'child_in_care'), 'step_up');
    assert.equal(stepBetween('child_protection', 'family_help'), 'step_down');
    assert.equal(stepBetween('child_in_care', 'family_help'), 'step_down');
    assert.equal(stepBetween('child_in_care', 'care_leaver'), 'moving_on');
    assert.equal(stepBetween('family_help', 'family_help'), null);
  });

  test('a care leaver comes only from care, and a step goes somewhere else', () => {
    assert.equal(refusedStep('family_help', 'care_leaver'), 'Only a child in care can step to care leaver');
    assert.equal(refusedStep('child_in_care', 'care_leaver'), null);
    assert.equal(refusedStep('family_help', 'family_help'), 'Choose a different kind of help to step up or down to');
    assert.equal(refusedStep('family_help', 'child_protection'), null);
  });
});

describe('timescales', () => {
  test('an assessment is due 45 working days after the referral (bank holidays and weekends do not count)', () => {
    // Friday 5 December 2025: Christmas Day, Boxing Day and New Year’s Day fall within.
    assert.equal(assessmentDueOn('2025-12-05', england), '2026-02-11');
    // Monday 2 March 2026: Good Friday, Easter Monday and the early May bank holiday fall within.
    assert.equal(assessmentDueOn('2026-03-02', england), '2026-05-07');
  });

  test('an initial conference is due 15 working days after the strategy discussion', () => {
    assert.equal(initialConferenceDueOn('2026-03-02', england), '2026-03-23');
  });

  test('the first review within 3 months of the initial conference, then every 6 months', () => {
    assert.equal(nextReviewConferenceDue(null, []), null);
    assert.equal(nextReviewConferenceDue('2026-03-03', []), '2026-06-03');
    assert.equal(nextReviewConferenceDue('2026-03-03', ['2026-05-28']), '2026-11-28');
    assert.equal(nextReviewConferenceDue('2026-03-03', ['2026-11-20', '2026-05-28']), '2027-05-20');
    // Reviews from an earlier plan do not count.
    assert.equal(nextReviewConferenceDue('2026-03-03', ['2025-01-10']), '2026-06-03');
  });
});

describe('the national codes', () => {
  test('primary need N0 to N9, reason for closure RC1 to RC9, factors with their numbers', () => {
    assert.deepEqual(Object.keys(primaryNeedCodes).sort(), [
      'N0',
      'N1',
      'N2',
      'N3',
      'N4',
      'N5',
      'N6',
      'N7',
      'N8',
      'N9',
    ]);
    assert.deepEqual(Object.keys(closureReasonCodes), ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9']);
    for (const code of Object.keys(assessmentFactorCodes)) assert.match(code, /^([1-9]|1[0-9]|2[0-4])[A-F]?$/);
  });
});
