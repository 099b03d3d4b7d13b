import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLanguage } from './companion.js';
import {
  builtInGlossary,
  councilGlossary,
  findingKindOf,
  glossaryCategories,
  glossaryEntrySchema,
  glossarySchema,
  type GlossaryEntry,
} from './glossary.js';
import { parsePattern } from './pattern-language.js';

const entry = (changes: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id: 'C1',
  term: 'looked after',
  category: 'care-system',
  severity: 'suggest',
  patterns: ['looked after'],
  why: 'Our children in care council chose the words cared for.',
  alternatives: ['cared for'],
  ...changes,
});

test('the built-in glossary ships all 80 entries, G01 to G80, each valid with its own id', () => {
  const glossary = builtInGlossary();
  assert.equal(glossary.length, 80);
  assert.deepEqual(
    glossary.map((item) => item.id),
    Array.from({ length: 80 }, (_, index) => `G${String(index + 1).padStart(2, '0')}`),
  );
  assert.ok(glossarySchema.safeParse(glossary).success);
  for (const item of glossary) {
    assert.ok(glossaryCategories.includes(item.category), item.id);
    assert.ok(item.alternatives.length > 0 && item.why.length > 20, item.id);
    for (const pattern of [...item.patterns, ...(item.guards ?? [])]) assert.ok(parsePattern(pattern).ok, pattern);
  }
});

test('every built-in entry is found by the companion in at least one of its own words', () => {
  // Each entry's first pattern, written out plainly, is found when nothing around it changes its sense.
  const examples: Record<string, string> = {
    G01: 'Contact with Dad went well.',
    G31: 'You are back in education.',
    G34: 'He shows challenging behaviour.',
    G41: 'It was his own fault he came into care.',
    G45: 'Dad was obstructive.',
  };
  for (const item of builtInGlossary()) {
    const text =
      examples[item.id] ??
      `Note: ${item.patterns[0]!.replace(/\(([^)|]+)[^)]*\)/g, '$1')
        .replace(/[[\]?]/g, '')
        .replace(/\|\S*/g, '')} today.`;
    const audience = item.audiences?.[0] ?? 'professional';
    const found = checkLanguage(text, { audience }).findings.map((finding) => finding.entryId);
    assert.ok(found.includes(item.id), `${item.id} in “${text}” (${audience}): ${found.join(', ')}`);
  }
});

test('the schema checks council entries like built-in ones, with plain reasons', () => {
  assert.ok(glossaryEntrySchema.safeParse(entry()).success);
  const problems = (changes: Partial<GlossaryEntry>) => {
    const result = glossaryEntrySchema.safeParse(entry(changes));
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };
  assert.match(problems({ id: 'bad id' })[0]!, /capital letter and a number/);
  assert.match(problems({ patterns: ['<script>'] })[0]!, /not a word/);
  assert.match(problems({ patterns: ['* placed'] })[0]!, /must start with a word/);
  assert.match(problems({ patterns: ['[looked after]'] })[0]!, /at least one word that must be there/);
  assert.ok(problems({ alternatives: [] }).length > 0);
  assert.ok(problems({ audiences: [] }).length > 0);
  assert.equal(glossarySchema.safeParse([entry(), entry()]).success, false, 'ids must be unique');
});

test('a council can switch an entry off, change one, and add its own', () => {
  const placementOff = councilGlossary([{ ...builtInGlossary().find((item) => item.id === 'G03')!, enabled: false }]);
  assert.equal(placementOff.length, 79);
  assert.deepEqual(
    checkLanguage('Her placement is going well.', { audience: 'professional', glossary: placementOff }).findings,
    [],
  );
  const withOwn = councilGlossary([entry()]);
  assert.deepEqual(
    checkLanguage('Jay is looked after by the council.', { audience: 'professional', glossary: withOwn }).findings.map(
      (finding) => [finding.entryId, finding.matched],
    ),
    [['C1', 'looked after']],
  );
  const changed = councilGlossary([
    { ...builtInGlossary().find((item) => item.id === 'G09')!, alternatives: ['short break'] },
  ]);
  const [respite] = checkLanguage('A respite weekend.', { audience: 'professional', glossary: changed }).findings;
  assert.deepEqual(respite?.alternatives, ['short break']);
  assert.throws(() => councilGlossary([entry({ patterns: ['a||b'] })]));
});

test('entries saved by the first version are read in today’s shape', () => {
  // A switched-off built-in entry was saved as a full copy in the old shape.
  const [upgraded] = councilGlossary([
    {
      id: 'G58',
      term: 'case',
      category: 'blaming_families',
      severity: 'flag',
      patterns: ['the case'],
      notPrecededBy: ['in'],
      why: 'old words',
      alternatives: ['old'],
      enabled: true,
    },
  ]).filter((item) => item.id === 'G58');
  assert.equal(upgraded?.category, 'care-system');
  assert.deepEqual(upgraded?.patterns, builtInGlossary().find((item) => item.id === 'G58')!.patterns);
  const own = glossaryEntrySchema.parse({ ...entry(), category: 'plain_english', notFollowedBy: ['x'] });
  assert.equal(own.category, 'jargon');
  assert.ok(!('notFollowedBy' in own));
});

test('jargon entries are plain-English suggestions; the rest are about labels and blame', () => {
  assert.equal(findingKindOf({ category: 'jargon' }), 'plain-english');
  for (const category of ['care-system', 'blaming', 'judgement'] as const) {
    assert.equal(findingKindOf({ category }), 'label-or-blame');
  }
});
