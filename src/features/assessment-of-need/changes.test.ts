import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareWords, whatChanged } from './changes.js';
import { emptyContent } from './sections.js';

const rebuild = (words: ReturnType<typeof compareWords>, keep: 'added' | 'removed') =>
  words
    .filter((word) => word.change === 'same' || word.change === keep)
    .map((word) => word.text)
    .join('');

test('word by word: the pieces give back both texts exactly', () => {
  const before = 'Mia is late to school about twice a week.';
  const after = 'Mia is now late to school only now and then.';
  const words = compareWords(before, after);
  assert.equal(rebuild(words, 'removed'), before);
  assert.equal(rebuild(words, 'added'), after);
  assert.deepEqual(words[0], { text: 'Mia is ', change: 'same' });
  assert.ok(words.some((word) => word.change === 'added' && word.text.includes('now')));
});

test('an empty text on either side is all added or all taken out', () => {
  assert.deepEqual(compareWords('', 'New words'), [{ text: 'New words', change: 'added' }]);
  assert.deepEqual(compareWords('Old words', ''), [{ text: 'Old words', change: 'removed' }]);
});

test('what changed between versions: only the fields that differ, in form order, with their kind', () => {
  const before = {
    ...emptyContent(),
    developmentStrengths: 'Reads well',
    analysis: 'Old analysis',
    recommendation: 'Review',
  };
  const after = {
    ...before,
    developmentStrengths: 'Reads well  ',
    parentingNeeds: 'Arguments at night',
    analysis: 'New analysis',
    recommendation: '',
  };
  const changes = whatChanged(before, after);
  assert.deepEqual(
    changes.map((change) => [change.field, change.section, change.kind]),
    [
      ['parentingNeeds', 'parenting', 'added'],
      ['analysis', 'analysis', 'changed'],
      ['recommendation', 'analysis', 'removed'],
    ],
  );
  assert.equal(changes[1]!.before, 'Old analysis');
  assert.equal(changes[1]!.after, 'New analysis');
  assert.deepEqual(whatChanged(before, before), []);
});

test('very long rewrites are compared whole rather than word by word', () => {
  const long = (word: string) => Array.from({ length: 2500 }, (_, index) => `${word}${index}`).join(' ');
  const words = compareWords(long('a'), long('b'));
  assert.deepEqual(
    words.map((word) => word.change),
    ['removed', 'added'],
  );
});
