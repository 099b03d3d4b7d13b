import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLanguage, type Finding } from './companion.js';

const summary = (findings: readonly Finding[]) => findings.map((finding) => [finding.entryId, finding.matched]);

test('a finding carries the entry, its kind, exact offsets, the words, why and what to write instead', () => {
  const text = 'Mia 🙂 enjoyed contact with Nan. Mum failed to engage.';
  const { findings } = checkLanguage(text, { audience: 'professional' });
  assert.deepEqual(summary(findings), [
    ['G01', 'contact with Nan'],
    ['G42', 'failed to engage'],
  ]);
  for (const finding of findings) assert.equal(text.slice(finding.start, finding.end), finding.matched);
  const [contact, engage] = findings;
  assert.equal(contact!.kind, 'label-or-blame');
  assert.equal(contact!.severity, 'flag');
  assert.ok(contact!.alternatives.includes('family time'));
  assert.equal(engage!.severity, 'describe');
  assert.match(engage!.why, /what was offered/);
});

test('jargon is a plain-English suggestion; findings come in the order they appear', () => {
  const { findings } = checkLanguage('The IRO will facilitate the meeting. Her placement is stable.', {
    audience: 'family',
  });
  assert.deepEqual(
    findings.map((finding) => [finding.entryId, finding.kind]),
    [
      ['G74', 'plain-english'],
      ['G76', 'plain-english'],
      ['G03', 'label-or-blame'],
    ],
  );
});

test('kind narrows the suggestions to labels and blame, or to plain English', () => {
  const text = 'Mum was told that the IRO thinks the placement is chaotic.';
  const all = checkLanguage(text, { audience: 'family' }).findings.map((finding) => finding.entryId);
  assert.deepEqual(all, ['passive-voice', 'G74', 'G03', 'G50']);
  assert.deepEqual(
    checkLanguage(text, { audience: 'family', kind: 'label-or-blame' }).findings.map((finding) => finding.entryId),
    ['G03', 'G50'],
  );
  assert.deepEqual(
    checkLanguage(text, { audience: 'family', kind: 'plain-english' }).findings.map((finding) => finding.entryId),
    ['passive-voice', 'G74'],
  );
});

test('plain-English suggestions for families and children only; counted for every audience', () => {
  const long = `Mum and Dad ${Array.from({ length: 19 }, () => 'really').join(' ')} love the children.`;
  const family = checkLanguage(long, { audience: 'family' });
  assert.deepEqual(summary(family.findings), [['long-sentence', long]]);
  assert.equal(family.readability.longSentences, 1);
  const professional = checkLanguage(`${long} Mum was told.`, { audience: 'professional' });
  assert.deepEqual(professional.findings, [], 'professional notes get no plain-English suggestions');
  assert.equal(professional.readability.passiveVerbs, 1);
  assert.equal(professional.readability.longSentences, 0, 'a professional note is allowed 25 words');
  const sixteen = 'We will go to the park and the shops and then come home for tea with Nan.';
  assert.equal(checkLanguage(sixteen, { audience: 'child' }).findings[0]?.entryId, 'long-sentence', '15 for children');
  assert.deepEqual(checkLanguage(sixteen, { audience: 'family' }).findings, [], '20 for families');
});

test('long words are suggested for children, once each, and never twice for the same words', () => {
  const text = 'The intervention helps. The intervention is kind. We will communicate with school.';
  const child = checkLanguage(text, { audience: 'child' });
  assert.deepEqual(summary(child.findings), [
    ['G77', 'intervention'],
    ['G77', 'intervention'],
    ['long-word', 'communicate'],
  ]);
  assert.equal(child.readability.longWords, 3);
  assert.deepEqual(
    checkLanguage('We will communicate with school.', { audience: 'family' }).findings,
    [],
    'families are not given long-word hints',
  );
});

test('initials: suggested once, not when a glossary entry already covers them, and not when explained', () => {
  assert.deepEqual(summary(checkLanguage('The FGC met. The FGC agreed.', { audience: 'family' }).findings), [
    ['initials', 'FGC'],
  ]);
  assert.deepEqual(summary(checkLanguage('The CAMHS nurse rang.', { audience: 'family' }).findings), [
    ['G74', 'CAMHS'],
  ]);
  assert.deepEqual(
    checkLanguage('The family group conference (FGC) met. The FGC agreed.', { audience: 'family' }).findings,
    [],
  );
});

test('nothing inside the child’s quoted words, plain English included', () => {
  const text = 'Mia said "I was told by the IRO that the unit is chaotic and I feel like a LAC kid".';
  assert.deepEqual(checkLanguage(text, { audience: 'child' }).findings, []);
});

test('balance is included only when sections are given', () => {
  assert.equal('balance' in checkLanguage('Nan visits.', { audience: 'family' }), false);
  const check = checkLanguage('Nan visits.', {
    audience: 'family',
    balance: { strengths: ['Nan visits'], worries: [], childsView: ['I like Nan'] },
    childName: 'Mia',
  });
  assert.deepEqual(check.balance, {
    strengths: 1,
    worries: 0,
    childsView: 1,
    notes: ['No worries recorded: is there anything anyone is worried about?'],
  });
});

test('the text is never changed and an empty text is fine', () => {
  const text = 'Her placement is stable.';
  const check = checkLanguage(text, { audience: 'child' });
  assert.equal(text, 'Her placement is stable.');
  assert.equal(check.audience, 'child');
  assert.deepEqual(checkLanguage('', { audience: 'family' }).findings, []);
});

test('an alternative written "(instead of ...)" is offered for those words only', () => {
  const [prior, whilst, ensured] = checkLanguage('Prior to the visit, whilst Nan was here, we ensured Mia ate.', {
    audience: 'family',
  }).findings;
  assert.deepEqual(prior!.alternatives, ['before (instead of prior to)']);
  assert.deepEqual(whilst!.alternatives, ['while (instead of whilst)']);
  assert.deepEqual(ensured!.alternatives, ['make sure (instead of ensure)']);
  const [letterbox] = checkLanguage('Letterbox contact is yearly.', { audience: 'professional' }).findings;
  assert.equal(letterbox!.alternatives[0], 'letter exchange (instead of letterbox contact)');
  assert.ok(letterbox!.alternatives.includes('family time'), 'the general alternatives still come after');
  const [supervised] = checkLanguage('Supervised contact is weekly.', { audience: 'professional' }).findings;
  assert.ok(!supervised!.alternatives.some((alternative) => alternative.includes('instead of')));
});

test('"was not brought" is the recommended wording, so it is not suggested as a passive verb', () => {
  assert.deepEqual(checkLanguage('Mia was not brought to the dentist.', { audience: 'family' }).findings, []);
});
