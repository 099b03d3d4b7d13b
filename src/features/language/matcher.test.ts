import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkLanguage } from './companion.js';
import { builtInGlossary, type Audience, type GlossaryEntry } from './glossary.js';
import { compileGlossary, findGlossaryMatches, quotedSpans, tokenise } from './matcher.js';

/** [entry, words] for each glossary suggestion. */
const found = (text: string, audience: Audience = 'professional') =>
  findGlossaryMatches(text, builtInGlossary(), audience).map((match) => [
    match.entry.id,
    text.slice(match.start, match.end),
  ]);
const ids = (text: string, audience: Audience = 'professional') => found(text, audience).map(([id]) => id);
/** Each text, in the professional audience, gets no finding (the message names the text). */
const flagsNothingIn = (texts: string[]) => {
  for (const text of texts) assert.deepEqual(ids(text), [], text);
};

describe('guards: the same word in another sense is left alone', () => {
  test('contact: details, number, lens, eye, physical, point of, making contact with a service', () => {
    assert.deepEqual(found('Leo has contact with Dad on Saturdays.'), [['G01', 'contact with Dad']]);
    assert.deepEqual(found('After contact, Mia was tired.'), [['G01', 'contact']], 'context words are not pointed at');
    flagsNothingIn([
      'Please update the contact details and the contact number.',
      'Mum has her contact address and a contact form.',
      'Mia has new contact lenses.',
      'He made good eye contact with his mum.',
      'There was no physical contact with Dad.',
      'The school is the point of contact.',
      'The duty worker made contact with Mum.',
      'Please contact me, or contact the office.',
      'I have had no contact from the school.',
      'Contact was made with the GP on Monday.',
      'There is no contact between the two families.',
    ]);
  });

  test('placement and placed: of the bruise, work placement, an object placed on something, orders and ranks', () => {
    assert.deepEqual(found('Her placement is going well.'), [['G03', 'placement']]);
    assert.deepEqual(found('Leo was placed with foster carers.'), [['G04', 'placed with']]);
    flagsNothingIn([
      'The nurse noted the placement of the bruise.',
      'The placement of a small mark on his arm was drawn.',
      'He starts a work placement on Monday.',
      'Her student placement ends in May.',
      'She sat a placement test.',
      'Mum placed the cup on the table.',
      'The baby was placed in her cot.',
      'Mum placed the plates in the sink.',
      'An order was placed with the supplier.',
      'Nan is well placed to help.',
      'Jake was placed first.',
      'Responsibility was placed with the school.',
    ]);
  });

  test('looked after, unit, case, respite, sanction', () => {
    assert.deepEqual(ids('All looked after children are invited.'), ['G06']);
    assert.deepEqual(ids('Nan looked after the dog.'), []);
    assert.deepEqual(ids('She looked after children as a childminder.'), []);
    assert.deepEqual(ids('He went back to the unit.'), ['G10']);
    flagsNothingIn([
      'The baby was on the neonatal unit.',
      'She drinks ten units of alcohol.',
      'The kitchen unit is broken.',
    ]);
    assert.deepEqual(ids('The case was closed.'), ['G58']);
    flagsNothingIn([
      'In case of fire, ring 999.',
      'Dad has a court case.',
      'Her phone case is pink.',
      'If that is the case, we will wait.',
    ]);
    assert.deepEqual(ids('Dylan goes to respite carers.'), ['G09']);
    assert.deepEqual(ids('The tablets gave him respite from the pain.'), []);
    assert.deepEqual(ids('He was given a sanction for swearing.'), ['G25']);
    assert.deepEqual(ids('Her benefits were sanctioned in May.'), []);
    assert.deepEqual(ids('The manager sanctioned the funding.'), []);
  });

  test('judgements about tasks, times, animals and illness are not judgements about a person', () => {
    assert.deepEqual(ids('Tyrone is very challenging at home.'), ['G34']);
    flagsNothingIn([
      'It was a challenging week.',
      'Jay finds reading challenging.',
      'Maths has been challenging this term.',
      'Aunt Sue is challenging the decision.',
      'The match kicked off at three.',
    ]);
    assert.deepEqual(ids('Dad was aggressive on the phone.'), ['G38']);
    flagsNothingIn([
      'The neighbours’ dog is aggressive.',
      'Nan’s cancer was aggressive.',
      'Mum found the meeting intimidating.',
    ]);
  });

  test('engagement, compliance, insight, reach, presenting and attending in their ordinary senses', () => {
    assert.deepEqual(ids('Mum failed to engage with the course.'), ['G42']);
    assert.deepEqual(ids('Mum did not engage in the argument.'), []);
    assert.deepEqual(ids('Dad has been non-compliant with the plan.'), ['G43']);
    assert.deepEqual(ids('The car seat is fully compliant with safety standards.'), []);
    assert.deepEqual(ids('The visit gave me some insight into mornings.'), []);
    assert.deepEqual(ids('The top cupboard is hard to reach.'), []);
    assert.deepEqual(ids('Mum presented the certificate to Kai.'), []);
    assert.deepEqual(ids('The DNA test came back.'), []);
    assert.deepEqual(ids('Dad did not attend his own hospital appointment.'), []);
    assert.deepEqual(ids('Mum’s phone kept dropping out.'), []);
    assert.deepEqual(ids('I wrote to Mum concerning the meeting.'), []);
    assert.deepEqual(ids('We talked about his gender transition.', 'family'), []);
    assert.deepEqual(ids('Kayla is a young carer.', 'child'), []);
    assert.deepEqual(ids('Kyle thinks it was his fault he came into care.'), [], 'the child’s own belief, reported');
  });
});

test('acronyms match only as whole words written in capitals', () => {
  assert.deepEqual(ids('Sami is LAC.'), ['G06']);
  assert.deepEqual(ids('The LAC review is on Monday.'), ['G07'], 'the longer match says more');
  assert.deepEqual(ids('There is a lack of sleep; her LACE costume and lace shoes.'), []);
  assert.deepEqual(ids('The lac review is on Monday.'), [], 'lower case is not the acronym');
  assert.deepEqual(ids("Harvey DNA'd and DNA’d again."), ['G47', 'G47']);
});

test('offsets are UTF-16 positions in the original text, even after emoji and accents', () => {
  const text = 'Zoë 😊👨‍👩‍👧 said Nan is kind. Mum failed to engage — then placement 🏠 talk.';
  const matches = findGlossaryMatches(text, builtInGlossary(), 'professional');
  assert.deepEqual(
    matches.map((match) => text.slice(match.start, match.end)),
    ['failed to engage', 'placement'],
  );
  assert.equal(matches[0]!.start, text.indexOf('failed'));
  const curly = 'Mia’s placement';
  assert.deepEqual(
    tokenise(curly).map((token) => [token.text, curly.slice(token.start, token.end)]),
    [
      ["Mia's", 'Mia’s'],
      ['placement', 'placement'],
    ],
  );
});

test('tokens: hyphenated words are joined parts, punctuation breaks a phrase', () => {
  const tokens = tokenise('A well-being plan. Contact: with Mum');
  assert.deepEqual(
    tokens.map((token) => [token.text, token.joined, token.breakBefore]),
    [
      ['A', false, true],
      ['well', false, false],
      ['being', true, false],
      ['plan', false, false],
      ['Contact', false, true],
      ['with', false, true],
      ['Mum', false, false],
    ],
  );
  assert.deepEqual(found('Mum failed. To engage was hard.'), [], 'a phrase does not run across a full stop');
  assert.deepEqual(
    found('Kelly is attention seeking; staff said attention-seeking.').map(([, words]) => words),
    ['attention seeking', 'attention-seeking'],
  );
});

test('the child’s own words in quotes stay as they said them', () => {
  for (const text of [
    'Mia said "I hate contact" and laughed.',
    'Mia said “the unit is boring”.',
    "Mia said 'I was placed with strangers' and cried.",
    'Mia said ‘my placement is fine’.',
  ]) {
    assert.deepEqual(ids(text), [], text);
  }
  assert.deepEqual(ids("Mia's placement is stable, and Mum's too."), ['G03'], 'an apostrophe is not a quotation mark');
  assert.deepEqual(ids('Mia said "no". Her placement is stable.'), ['G03'], 'only the quoted words are kept');
  assert.deepEqual(quotedSpans('a "b c" d'), [[2, 7]]);
  assert.deepEqual(quotedSpans("don't 'go' carers' home"), [[6, 10]]);
  assert.deepEqual(quotedSpans('an "unclosed quote'), []);
});

test('a negation that reverses a judgement is left alone; one that is part of the phrase still counts', () => {
  assert.deepEqual(ids('The house was chaotic.'), ['G50']);
  assert.deepEqual(ids('The house was not chaotic.'), []);
  assert.deepEqual(ids('Dad was never aggressive.'), []);
  assert.deepEqual(ids('Dad wasn’t at all aggressive.'), []);
  assert.deepEqual(ids('There was nothing inappropriate.'), []);
  assert.deepEqual(ids('It was not her fault she came into care.'), []);
  assert.deepEqual(ids('Mum did not engage.'), ['G42']);
  assert.deepEqual(ids('He was not aggressive. He was manipulative.'), ['G36'], 'a negation stops at the full stop');
});

test('audiences: some words matter only in writing families or children read', () => {
  assert.deepEqual(ids('The IRO will chair the CIN meeting.'), []);
  assert.deepEqual(ids('The IRO will chair the CIN meeting.', 'family'), ['G74', 'G74']);
  assert.deepEqual(ids('Your siblings will visit.', 'child'), ['G11']);
  assert.deepEqual(ids('Your siblings will visit.'), []);
  assert.deepEqual(ids('Your foster carers love you.', 'child'), ['G14']);
  assert.deepEqual(ids('Your foster carers love you.', 'family'), []);
});

test('the glossary is a parameter: compiled once per list, and a council’s list is used as given', () => {
  const glossary = builtInGlossary();
  assert.equal(compileGlossary(glossary), compileGlossary(glossary), 'cached by the array');
  const own: GlossaryEntry[] = [
    {
      id: 'C1',
      term: 'kiddo',
      category: 'judgement',
      severity: 'flag',
      patterns: ['kiddo(s)'],
      guards: ['kiddo cafe'],
      why: 'A test word.',
      alternatives: ['[name]'],
    },
  ];
  assert.notEqual(compileGlossary(own), compileGlossary(glossary));
  assert.deepEqual(
    findGlossaryMatches('The kiddos went to Kiddo Cafe. Placement.', own, 'professional').map(
      (match) => match.entry.id,
    ),
    ['C1'],
  );
  const off = [{ ...own[0]!, enabled: false }];
  assert.deepEqual(findGlossaryMatches('kiddo', off, 'professional'), []);
  assert.deepEqual(
    checkLanguage('kiddo', { audience: 'professional', glossary: own }).findings.map((finding) => finding.entryId),
    ['C1'],
  );
});
