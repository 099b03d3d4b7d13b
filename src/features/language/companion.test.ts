import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBalance } from './balance.js';
import { parseCliArguments, formatReport, lineAndColumn } from './cli.js';
import { checkLanguage } from './companion.js';
import { builtInGlossary, councilGlossary, glossaryEntrySchema, glossarySchema } from './glossary.js';
import { quotedSpans, tokenise } from './matcher.js';
import { syllables } from './readability.js';

const ids = (text: string, audience: 'professional' | 'family' | 'child' = 'professional') =>
  checkLanguage(text, { audience })
    .findings.filter((finding) => finding.kind === 'label-or-blame')
    .map((finding) => finding.entryId);

test('the built-in glossary ships all 80 entries as data, each valid and with its own id', () => {
  const glossary = builtInGlossary();
  assert.equal(glossary.length, 80);
  assert.equal(new Set(glossary.map((entry) => entry.id)).size, 80);
  assert.ok(glossarySchema.safeParse(glossary).success);
  assert.ok(glossary.every((entry) => entry.alternatives.length > 0 && entry.why.length > 10));
});

test('offsets point at exactly the words, even after emoji and accented letters', () => {
  const text = 'Zoë 😊 said Nan is kind. Mum failed to engage with the course.';
  const [finding] = checkLanguage(text, { audience: 'professional' }).findings;
  assert.equal(finding?.entryId, 'G42');
  assert.equal(text.slice(finding.start, finding.end), 'failed to engage');
});

test('sense guards: the same word is flagged in one sense and left alone in another', () => {
  assert.deepEqual(ids('Leo has contact with Dad on Saturdays.'), ['G01']);
  assert.deepEqual(ids('Update the contact details and the contact number.'), []);
  assert.deepEqual(ids('Her placement is going well.'), ['G03']);
  assert.deepEqual(ids('The placement of the bruise was noted.'), []);
  assert.deepEqual(ids('He starts a work placement on Monday.'), []);
  assert.deepEqual(ids('Leo was placed with foster carers.'), ['G04']);
  assert.deepEqual(ids('Mum placed the plate on the table.'), []);
  assert.deepEqual(ids('He went back to the unit.'), ['G10']);
  assert.deepEqual(ids('The baby was in the neonatal unit.'), []);
  assert.deepEqual(ids('The case was closed.'), ['G58']);
  assert.deepEqual(ids('In case of fire, leave by the back door.'), []);
  assert.deepEqual(ids('It was a challenging week.'), []);
  assert.deepEqual(ids('Dad has had respite from the pain.'), []);
});

test('acronyms match only as whole words in capitals', () => {
  assert.deepEqual(ids('The LAC review is on Monday.'), ['G07']);
  assert.deepEqual(ids('There is a lack of sleep; her lace is broken.'), []);
  assert.deepEqual(ids('The lac review is on Monday.'), [], 'lower case is not the acronym');
});

test('the child’s own words in quotes are kept exactly as said', () => {
  assert.deepEqual(ids('Mia said "I hate contact" and laughed.'), []);
  assert.deepEqual(ids('Mia said “the unit is boring”.'), []);
  assert.deepEqual(ids("Mia said 'I was placed with strangers' and cried."), []);
  assert.deepEqual(ids("Mia's placement is stable."), ['G03'], 'an apostrophe is not a quotation mark');
  assert.deepEqual(quotedSpans('a "b c" d'), [[2, 7]]);
});

test('a negation that reverses a judgement is left alone', () => {
  assert.deepEqual(ids('The house was chaotic.'), ['G50']);
  assert.deepEqual(ids('The house was not chaotic.'), []);
  assert.deepEqual(ids('Dad was never aggressive.'), []);
  assert.deepEqual(ids('Mum did not engage.'), ['G42'], 'negation that is the phrase itself still counts');
});

test('audiences: family- and child-facing words only where they matter', () => {
  assert.deepEqual(ids('The IRO will chair the CIN meeting.'), []);
  assert.deepEqual(ids('The IRO will chair the CIN meeting.', 'family'), ['G74', 'G74']);
  assert.deepEqual(ids('Your siblings will visit.', 'child'), ['G11']);
  assert.deepEqual(ids('Your siblings will visit.', 'professional'), []);
});

test('plain English for family and child writing: long sentences, passive voice, unexplained initials', () => {
  const long = Array.from({ length: 30 }, (_, index) => `word${index}`).join(' ');
  const check = checkLanguage(`${long}. Mum was told about it by the school. The TAC meets today.`, {
    audience: 'family',
  });
  const kinds = check.findings.filter((finding) => finding.kind === 'plain-english').map((finding) => finding.entryId);
  assert.ok(kinds.includes('long-sentence'));
  assert.ok(kinds.includes('passive'));
  assert.ok(kinds.includes('acronym'));
  const explained = checkLanguage('The Team Around the Child (TAC) meets today. The TAC is kind.', {
    audience: 'family',
  });
  assert.ok(!explained.findings.some((finding) => finding.entryId === 'acronym'), 'explained in brackets first');
  const professional = checkLanguage(`${long}. Mum was told.`, { audience: 'professional' });
  assert.equal(professional.findings.length, 0, 'professional notes get no plain-English hints');
});

test('reading age: short plain sentences score low, long formal ones high, with the target shown', () => {
  const easy = checkLanguage('We like you. You are safe here. Nan will come on Sunday.', {
    audience: 'child',
  }).readability;
  const hard = checkLanguage(
    'Subsequently, the multidisciplinary professional network ascertained that the intervention necessitated considerable reorganisation of arrangements.',
    { audience: 'family' },
  ).readability;
  assert.ok(easy.readingAge! <= 9, `easy ${easy.readingAge}`);
  assert.equal(easy.target, 9);
  assert.equal(easy.withinTarget, true);
  assert.ok(hard.readingAge! > 15, `hard ${hard.readingAge}`);
  assert.equal(hard.withinTarget, false);
  assert.equal(checkLanguage('', { audience: 'family' }).readability.readingAge, null);
  assert.deepEqual(['cat', 'table', 'behaviour', 'placement', 'organisation'].map(syllables), [1, 2, 3, 2, 5]);
});

test('balance: counts each side and notes what is missing, never a score', () => {
  const balance = checkBalance(
    { strengths: ['Nan visits weekly', 'nil'], worries: ['Missed school'], childsView: [] },
    'Mia',
  );
  assert.deepEqual([balance.strengths, balance.worries, balance.childsView], [1, 1, 0]);
  assert.deepEqual(balance.notes, ['Mia’s own view is not recorded yet: what do they say?']);
  assert.deepEqual(checkBalance({ strengths: [], worries: ['a'], childsView: ['b'] }).notes, [
    'No strengths recorded yet: what is working well?',
  ]);
});

test('councils can add, change and switch off entries; their entries are checked like the built-in ones', () => {
  const switchedOff = councilGlossary([{ ...builtInGlossary().find((entry) => entry.id === 'G03')!, enabled: false }]);
  assert.deepEqual(
    checkLanguage('Her placement is going well.', { audience: 'professional', glossary: switchedOff }).findings,
    [],
  );
  const added = councilGlossary([
    {
      id: 'C1',
      term: 'cared for',
      category: 'care_system',
      severity: 'suggest',
      patterns: ['looked after'],
      why: 'This council says cared for.',
      alternatives: ['cared for'],
    },
  ]);
  assert.deepEqual(
    checkLanguage('Jay is looked after by the council.', { audience: 'professional', glossary: added }).findings.map(
      (finding) => finding.entryId,
    ),
    ['C1'],
  );
  assert.equal(glossaryEntrySchema.safeParse({ id: 'bad id', term: '', patterns: [] }).success, false);
  assert.throws(() =>
    councilGlossary([
      {
        id: 'C1',
        term: 'x',
        category: 'care_system',
        severity: 'flag',
        patterns: ['<script>'],
        why: 'why it matters',
        alternatives: ['y'],
      },
    ]),
  );
});

test('the command line: arguments, report with line and column, and JSON like the API', () => {
  assert.deepEqual(parseCliArguments(['note.txt']), { file: 'note.txt', audience: 'professional', json: false });
  assert.deepEqual(parseCliArguments(['--audience', 'child', 'note.txt', '--json']), {
    file: 'note.txt',
    audience: 'child',
    json: true,
  });
  assert.ok('error' in parseCliArguments(['--audience', 'martian', 'note.txt']));
  assert.ok('error' in parseCliArguments([]));
  assert.deepEqual(lineAndColumn('one\ntwo three', 8), { line: 2, column: 5 });
  const text = 'First line.\nMum failed to engage.';
  const report = formatReport(text, checkLanguage(text, { audience: 'professional' }));
  assert.match(report, /^2:5 {2}"failed to engage" {2}→/);
  assert.match(report, /Reading age about/);
});

test('tokens keep hyphens and apostrophes inside words', () => {
  assert.deepEqual(
    tokenise('Mia’s attention-seeking, DNA’d').map((token) => token.text),
    ["Mia's", 'attention-seeking', "DNA'd"],
  );
});
