import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLanguage } from './companion.js';
import { tokenise } from './matcher.js';
import {
  READING_AGE_FORMULA,
  isLongWord,
  passiveVerbs,
  readingAgeTargets,
  sentences,
  syllables,
  unexplainedInitials,
} from './readability.js';

const readability = (text: string, audience: 'professional' | 'family' | 'child' = 'family') =>
  checkLanguage(text, { audience }).readability;

test('syllables, including British spellings and words social care uses a lot', () => {
  const expected: Record<string, number> = {
    cat: 1,
    table: 2,
    centre: 2,
    colour: 2,
    programme: 2,
    behaviour: 3,
    placement: 2,
    engagement: 3,
    organisation: 5,
    families: 3,
    information: 4,
    decisions: 3,
    played: 1,
    wanted: 2,
    houses: 2,
    makes: 1,
    going: 2,
    media: 3,
    lately: 2,
    professional: 4,
    unfortunately: 5,
    safeguarding: 3,
    social: 2,
    whole: 1,
    "Mia's": 2,
  };
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((word) => [word, syllables(word)])), expected);
});

test('sentences: titles, times, quotes and line breaks', () => {
  const text = 'Mr. Smith came at 2.30pm. He said "Hi!" and left.\n- Nan rang\n\nDr Khan? Yes.';
  assert.deepEqual(
    sentences(text, tokenise(text)).map((sentence) => [text.slice(sentence.start, sentence.end), sentence.words]),
    [
      ['Mr. Smith came at 2.30pm.', 5],
      ['He said "Hi!" and left.', 5],
      ['Nan rang', 2],
      ['Dr Khan?', 2],
      ['Yes.', 1],
    ],
  );
});

test('reading age is Flesch-Kincaid grade + 5, worked out from the counts', () => {
  // 6 words, 1 sentence, 14 syllables: 0.39 × 6 + 11.8 × 14/6 − 15.59 = 14.28, + 5 = 19.3.
  const formal = readability('Families need clear information about decisions.');
  assert.deepEqual([formal.words, formal.sentences, formal.syllables, formal.readingAge], [6, 1, 14, 19.3]);
  assert.equal(formal.formula, READING_AGE_FORMULA);
  assert.equal(formal.withinTarget, false);
  // Short plain sentences sit at the floor of 5.
  const plain = readability('We like you. You are safe here. Nan will come on Sunday.', 'child');
  assert.deepEqual([plain.readingAge, plain.target, plain.withinTarget, plain.sentences], [5, 9, true, 3]);
  assert.ok(plain.fleschReadingEase! > 90, 'very easy on Flesch reading ease too');
});

test('targets: 9 for children, 11 for families, none for professional notes; nothing to read gives no age', () => {
  assert.deepEqual(readingAgeTargets, { professional: null, family: 11, child: 9 });
  const professional = readability('Mum failed to engage.', 'professional');
  assert.deepEqual([professional.target, professional.withinTarget], [null, null]);
  const empty = readability('  ');
  assert.deepEqual([empty.readingAge, empty.words, empty.sentences, empty.withinTarget], [null, 0, 0, null]);
});

test('passive verbs: "was told" and "were not given", but not "was tired" or "is settled"', () => {
  const text = 'Mum was told on Monday. The children were not given lunch. Mia was tired and is settled. He was seen.';
  assert.deepEqual(
    passiveVerbs(tokenise(text)).map(([first, last]) => {
      const tokens = tokenise(text);
      return text.slice(tokens[first]!.start, tokens[last]!.end);
    }),
    ['was told', 'were not given', 'was seen'],
  );
});

test('long words: four syllables or more, but not names or words children know', () => {
  const long = (word: string) => isLongWord(tokenise(word)[0]!);
  assert.equal(long('intervention'), true);
  assert.equal(long('unfortunately'), true);
  assert.equal(long('Anastasia'), false, 'a name');
  assert.equal(long('television'), false, 'a word children know');
  assert.equal(long('football'), false);
});

test('initials: the first unexplained use, unless written out in brackets before or straight after', () => {
  const initials = (text: string) => unexplainedInitials(text, tokenise(text)).map((token) => token.text);
  assert.deepEqual(initials('The TAF meets. The TAF is kind. The IRO rang.'), ['TAF', 'IRO']);
  assert.deepEqual(initials('The Team Around the Family (TAF) meets. The TAF is kind.'), []);
  assert.deepEqual(initials('The TAF (Team Around the Family) meets. Then the TAF met.'), []);
  assert.deepEqual(initials('Ask your GP, the NHS or me. She said NO. Year II.'), [], 'familiar initials and shouting');
});
