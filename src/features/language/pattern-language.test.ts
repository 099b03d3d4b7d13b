import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePattern, startsWithAWord } from './pattern-language.js';

const slots = (pattern: string) => {
  const parsed = parsePattern(pattern);
  assert.ok(parsed.ok, pattern);
  return parsed.slots;
};

test('words, choices, endings and optional words', () => {
  const [contact, withWord, family] = slots('contact with mum|dad|Nan?');
  assert.deepEqual([...contact!.folded], ['contact']);
  assert.deepEqual([...withWord!.folded], ['with']);
  assert.deepEqual([...family!.folded], ['mum', 'dad']);
  assert.deepEqual([...family!.exact], ['Nan'], 'a capital letter means exactly as written');
  assert.equal(family!.optional, true);
  assert.deepEqual([...slots('abscond(s|ed|ing)')[0]!.folded], ['abscond', 'absconds', 'absconded', 'absconding']);
});

test('a hyphen is a space, and curly apostrophes are straight', () => {
  assert.equal(slots('attention-seeking').length, 2);
  assert.deepEqual([...slots('DNA’d')[0]!.exact], ["DNA'd"]);
});

test('context in [ ], wildcards and possessives', () => {
  const parsed = slots("[at|after] contact * *? *'s");
  assert.deepEqual(
    parsed.map((slot) => [slot.context, slot.anyWord, slot.optional, slot.anyPossessive]),
    [
      [true, false, false, false],
      [false, false, false, false],
      [false, true, false, false],
      [false, true, true, false],
      [false, false, false, true],
    ],
  );
  assert.deepEqual(
    slots('[mother and] baby').map((slot) => slot.context),
    [true, true, false],
    'a [ ] group can hold several words',
  );
});

test('mistakes are explained in plain words', () => {
  const problem = (pattern: string) => {
    const parsed = parsePattern(pattern);
    return parsed.ok ? '' : parsed.problem;
  };
  assert.match(problem(''), /at least one word/);
  assert.match(problem('a||b'), /not a word/);
  assert.match(problem('<b>'), /not a word/);
  assert.match(problem('[a b'), /never closed/);
  assert.match(problem('a] b'), /without a \[/);
  assert.match(problem('[care] plan?'), /must be there/);
});

test('a pattern must start with a word so it can be looked up', () => {
  assert.equal(startsWithAWord(slots('his|her? contact')), true);
  assert.equal(startsWithAWord(slots("*'s contact")), true);
  assert.equal(startsWithAWord(slots('* contact')), false);
  assert.equal(startsWithAWord(slots('his? * contact')), false);
});
