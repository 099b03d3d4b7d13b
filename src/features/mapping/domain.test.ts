import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareMappings,
  dangerStatementText,
  isPlural,
  mappingBalance,
  mappingMessages,
  questionOf,
  safetyGoalText,
  validateEntry,
} from './domain.js';

const sarah = { viewOfKind: 'family', viewOfName: 'Sarah Thompson' };

test('a danger statement needs who is worried, what could happen and the adult behaviour', () => {
  const missing = validateEntry('danger_statement', { ...sarah, couldHappen: 'Mia could be hurt' });
  assert.equal(missing.valid, false);
  if (missing.valid) return;
  assert.deepEqual(
    missing.issues.map((issue) => [issue.field, issue.message]),
    [
      ['worriedWho', mappingMessages.worriedWho],
      ['becauseOf', mappingMessages.becauseOf],
    ],
  );
  const blankWho = validateEntry('danger_statement', {
    ...sarah,
    worriedWho: '   ',
    couldHappen: 'Mia could be hurt',
    becauseOf: 'Dan shouts when he has been drinking',
  });
  assert.equal(blankWho.valid, false, 'spaces are not someone');
});

test('a danger statement reads as one sentence built from its parts', () => {
  const result = validateEntry('danger_statement', {
    ...sarah,
    worriedWho: 'Sarah and the school',
    couldHappen: 'Mia could be hurt or frightened.',
    becauseOf: 'Dan shouts and throws things when he has been drinking',
    inCircumstances: 'When he comes home late at the weekend',
  });
  assert.equal(result.valid, true);
  if (!result.valid) return;
  assert.equal(
    result.content.statement,
    'Sarah and the school are worried that Mia could be hurt or frightened, because Dan shouts and throws things when he has been drinking, when he comes home late at the weekend.',
  );
  assert.equal(result.content.section, 'danger_statement');
  assert.equal(result.content.inCircumstances, 'When he comes home late at the weekend');
});

test('circumstances read on from the sentence; names keep their capitals', () => {
  assert.equal(
    dangerStatementText({
      worriedWho: 'Alex',
      couldHappen: 'Leo could be frightened',
      becauseOf: 'Dan shouts',
      inCircumstances: 'Late in the evening, when Sarah is at work',
    }),
    'Alex is worried that Leo could be frightened, because Dan shouts, late in the evening, when Sarah is at work.',
  );
});

test('one person is worried; two or a group are worried', () => {
  assert.equal(
    dangerStatementText({ worriedWho: 'The social worker', couldHappen: 'Leo', becauseOf: 'x', inCircumstances: null }),
    'The social worker is worried that Leo, because x.',
  );
  assert.equal(
    dangerStatementText({
      worriedWho: 'We',
      couldHappen: 'The children could be hurt',
      becauseOf: 'When Dan drinks he shouts',
      inCircumstances: null,
    }),
    'We are worried that the children could be hurt, because when Dan drinks he shouts.',
  );
  assert.equal(isPlural('Sarah and Dan'), true);
  assert.equal(isPlural('Grandparents'), true);
  assert.equal(isPlural('We'), true);
  assert.equal(isPlural('Nan'), false);
  assert.equal(isPlural('Ms Carter, Mia’s teacher'), true, 'a comma lists several, so "are" reads better than "is"');
  assert.equal(
    dangerStatementText({
      worriedWho: 'Nan is',
      couldHappen: 'The children could miss school',
      becauseOf: 'Sarah sleeps late after night shifts',
      inCircumstances: null,
    }),
    'Nan is worried that the children could miss school, because Sarah sleeps late after night shifts.',
    'a verb already typed is not doubled',
  );
});

test('a safety goal says who will be doing what, and how everyone will know', () => {
  assert.equal(
    safetyGoalText({
      goalWho: 'Sarah, Nan and Uncle Jay',
      goalWillBeDoing: 'Will make sure an adult who is sober looks after Mia and Leo every weekend',
      goalHowWeWillKnow: 'Mia says so at school and the safety plan diary is filled in',
    }),
    'Sarah, Nan and Uncle Jay will make sure an adult who is sober looks after Mia and Leo every weekend. Everyone will know because Mia says so at school and the safety plan diary is filled in.',
  );
  assert.equal(
    safetyGoalText({
      goalWho: 'Sarah and Dan',
      goalWillBeDoing: 'Keep the weekend rota going',
      goalHowWeWillKnow: null,
    }),
    'Sarah and Dan will keep the weekend rota going.',
  );
  assert.equal(
    safetyGoalText({
      goalWho: 'Dan',
      goalWillBeDoing: 'Take Mia to Nan Pat’s every Saturday',
      goalHowWeWillKnow: null,
    }),
    'Dan will take Mia to Nan Pat’s every Saturday.',
    'the verb is lowered; the names keep their capitals',
  );
  const missing = validateEntry('safety_goal', { ...sarah, goalWho: 'Sarah' });
  assert.equal(missing.valid, false);
  if (!missing.valid)
    assert.deepEqual(
      missing.issues.map((issue) => issue.field),
      ['goalWillBeDoing'],
    );
});

test('a next step needs someone to do it and a real date', () => {
  const noOwner = validateEntry('next_step', {
    ...sarah,
    statement: 'Ask Nan to join the network',
    stepDueOn: '2027-01-15',
  });
  assert.equal(noOwner.valid, false);
  if (!noOwner.valid)
    assert.deepEqual(
      noOwner.issues.map((issue) => issue.field),
      ['stepOwnerName'],
    );
  const badDate = validateEntry('next_step', {
    ...sarah,
    statement: 'Ask Nan',
    stepOwnerName: 'Alex',
    stepDueOn: '2027-02-30',
  });
  assert.equal(badDate.valid, false);
  if (!badDate.valid) assert.equal(badDate.issues[0]?.message, mappingMessages.stepDueOnReal);
  const good = validateEntry('next_step', {
    ...sarah,
    statement: 'Ask Nan',
    stepOwnerName: 'Alex',
    stepDueOn: '2027-02-28',
  });
  assert.equal(good.valid, true);
});

test('every entry says whose view it is', () => {
  const noView = validateEntry('existing_strength', { statement: 'Sarah walks the children to school every day' });
  assert.equal(noView.valid, false);
  if (!noView.valid) {
    assert.deepEqual(
      noView.issues.map((issue) => issue.field),
      ['viewOfKind', 'viewOfName'],
    );
  }
  const unknownKind = validateEntry('existing_strength', { statement: 'x', viewOfKind: 'manager', viewOfName: 'P' });
  assert.equal(unknownKind.valid, false);
  assert.equal(validateEntry('nonsense', { ...sarah, statement: 'x' }).valid, false);
});

test('moving an entry to another section keeps only what the new section asks for', () => {
  const moved = validateEntry('existing_safety', {
    ...sarah,
    statement: 'Nan has had the children every weekend since June and they come home happy',
    worriedWho: 'left over from a danger statement',
    stepDueOn: '2027-01-01',
  });
  assert.equal(moved.valid, true);
  if (!moved.valid) return;
  assert.equal(moved.content.worriedWho, null);
  assert.equal(moved.content.stepDueOn, null);
  assert.equal(questionOf('existing_safety').heading, 'What’s working well?');
});

test('over-long words are refused with the limit named', () => {
  const result = validateEntry('complicating_factor', { ...sarah, statement: 'x'.repeat(4001) });
  assert.equal(result.valid, false);
  if (!result.valid) assert.match(result.issues[0]!.message, /4000 characters or fewer/);
});

test('balance: worries with no strengths, and no view of the child, get a gentle note', () => {
  const worriesOnly = mappingBalance(
    [{ section: 'danger_statement', statement: 'Mia could be hurt', viewOfKind: 'professional' }],
    0,
    'Mia',
  );
  assert.ok(worriesOnly.notes.some((note) => /No strengths recorded/.test(note)));
  assert.ok(worriesOnly.notes.some((note) => /Mia’s own view/.test(note)));
  assert.ok(worriesOnly.notes.some((note) => /safety goals or next steps/.test(note)));

  const balanced = mappingBalance(
    [
      { section: 'danger_statement', statement: 'Mia could be hurt', viewOfKind: 'professional' },
      { section: 'existing_strength', statement: 'Sarah is warm with the children', viewOfKind: 'family' },
      { section: 'safety_goal', statement: 'Nan will look after them', viewOfKind: 'network' },
    ],
    1,
    'Mia',
  );
  assert.deepEqual(balanced.notes, [], 'the child’s score counts as their view');

  const strengthsOnly = mappingBalance(
    [{ section: 'existing_strength', statement: 'Sarah is warm', viewOfKind: 'child' }],
    0,
  );
  assert.deepEqual(strengthsOnly.notes, ['No worries recorded: is there anything anyone is worried about?']);
  assert.deepEqual(mappingBalance([], 0).notes, [], 'an empty mapping needs no prompts yet');
});

test('comparing two mappings shows what is newly said and what is no longer said, section by section', () => {
  const earlier = [
    { section: 'danger_statement' as const, statement: 'Mia could be hurt' },
    { section: 'existing_strength' as const, statement: 'Sarah is warm' },
  ];
  const later = [
    { section: 'existing_strength' as const, statement: 'sarah is  warm' },
    { section: 'existing_safety' as const, statement: 'Nan has had them every weekend' },
  ];
  const comparison = compareMappings(earlier, later);
  assert.equal(comparison.length, 7);
  const danger = comparison.find((section) => section.section === 'danger_statement')!;
  assert.deepEqual(danger.noLongerSaid, ['Mia could be hurt']);
  const strengths = comparison.find((section) => section.section === 'existing_strength')!;
  assert.deepEqual(strengths.newlySaid, [], 'the same words, differently spaced, are the same');
  assert.deepEqual(comparison.find((section) => section.section === 'existing_safety')!.newlySaid, [
    'Nan has had them every weekend',
  ]);
});
