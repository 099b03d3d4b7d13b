import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isoDate,
  londonDateAndTime,
  londonInstant,
  parseVisit,
  typedNames,
  visitLines,
  visitToForm,
  visitValuesFrom,
  type VisitFormValues,
} from './visit-form.js';
import { describePreference } from './participation.js';
import { itemsOf, parseDirectWork } from './direct-work.js';
import { arrangeChronology } from './chronology.js';
import { MARK_END, MARK_START, searchTerms, snippetParts } from './search.js';
import { gatherOwnWords } from './service.js';

const now = new Date('2026-06-15T12:00:00Z'); // 1pm in London (summer time)
const network = new Map([['11111111-1111-4111-8111-111111111111', 'Sarah Thompson (Mum)']]);
const context = { network, childName: 'Mia', now, isCorrection: false };

const typed = (changes: Partial<VisitFormValues> = {}): VisitFormValues => ({
  ...visitValuesFrom(
    {
      kind: 'home_visit',
      'happened-Day': '14',
      'happened-Month': '6',
      'happened-Year': '2026',
      happenedTime: '10:30',
      childSeen: 'yes',
      seenAlone: 'no',
      seenHeardFelt: 'Mia showed me her drawings.',
      networkPeople: ['11111111-1111-4111-8111-111111111111', 'not-in-the-network'],
      othersThere: 'Gwen\nGwen, Coach Sam',
    },
    (value) => (typeof value === 'string' ? value : ''),
  ),
  ...changes,
});

test('a complete visit becomes the visit, with who was there from the network and typed', () => {
  const parsed = parseVisit(typed(), context);
  assert.ok(parsed.ok);
  assert.equal(parsed.visit.happenedAt, '2026-06-14T09:30:00.000Z', '10:30 in London in June is 09:30 UTC');
  assert.deepEqual(parsed.visit.whoWasThere, [
    { personId: '11111111-1111-4111-8111-111111111111', name: 'Sarah Thompson (Mum)' },
    { personId: null, name: 'Gwen' },
    { personId: null, name: 'Coach Sam' },
  ]);
  assert.equal(parsed.visit.seenAlone, false);
  assert.equal(parsed.visit.childsWords, null, 'blank text is kept as nothing, not as an empty string');
});

test('a visit in the future is refused: a later day, or later today', () => {
  const tomorrow = parseVisit(typed({ 'happened-Day': '16' }), context);
  assert.ok(!tomorrow.ok);
  assert.equal(tomorrow.errors.happened, 'The date and time of the visit must be now or in the past');
  const laterToday = parseVisit(typed({ 'happened-Day': '15', happenedTime: '15:00' }), context);
  assert.ok(!laterToday.ok);
  const earlierToday = parseVisit(typed({ 'happened-Day': '15', happenedTime: '12:59' }), context);
  assert.ok(earlierToday.ok, '12:59 in London is before 1pm');
});

test('seen alone without being seen, and not seen without a reason, say which answers to change', () => {
  const parsed = parseVisit(typed({ childSeen: 'no', seenAlone: 'yes' }), context);
  assert.ok(!parsed.ok);
  assert.match(parsed.errors.seenAlone!, /did not see Mia, so you cannot have seen them alone/);
  assert.equal(parsed.errors.notSeenReason, 'Say why you did not see Mia');
  const seenNoAnswer = parseVisit(typed({ seenAlone: '' }), context);
  assert.ok(!seenNoAnswer.ok);
  assert.equal(seenNoAnswer.errors.seenAlone, 'Select whether you saw Mia on their own');
  const notSeen = parseVisit(typed({ childSeen: 'no', seenAlone: '', notSeenReason: 'Mia was at Nan’s' }), context);
  assert.ok(notSeen.ok);
  assert.equal(notSeen.visit.seenAlone, null);
});

test('the kind, the date and time, and next steps each say what is wrong', () => {
  const parsed = parseVisit(
    typed({
      kind: 'visit',
      'happened-Day': '31',
      'happened-Month': '2',
      happenedTime: '25:00',
      nextSteps: [{ who: '', what: 'Call school', day: '', month: '', year: '' }],
    }),
    context,
  );
  assert.ok(!parsed.ok);
  assert.equal(parsed.errors.kind, 'Select how you were in touch');
  assert.match(parsed.errors.happened!, /must be a real date/);
  assert.match(parsed.errors.happenedTime!, /hours and minutes/);
  assert.equal(parsed.errors.nextSteps, 'Next step 1: say who will do it');
  const empty = parseVisit(typed({ 'happened-Day': '', 'happened-Month': '', 'happened-Year': '' }), context);
  assert.ok(!empty.ok);
  assert.equal(empty.errors.happened, 'Enter the date of the visit');
});

test('a correction needs a reason; long text over the limit is refused by name', () => {
  const parsed = parseVisit(typed({ worries: 'x'.repeat(20_001) }), { ...context, isCorrection: true });
  assert.ok(!parsed.ok);
  assert.equal(parsed.errors.reason, 'Say why you are correcting this visit');
  assert.equal(parsed.errors.worries, 'What you are worried about must be 20,000 characters or fewer');
});

test('a visit goes back into the form exactly, so a correction starts from what was saved', () => {
  const parsed = parseVisit(
    typed({ nextSteps: [{ who: 'Sarah', what: 'Book the dentist', day: '1', month: '7', year: '2026' }] }),
    context,
  );
  assert.ok(parsed.ok);
  const again = parseVisit(visitToForm(parsed.visit), context);
  assert.ok(again.ok);
  assert.deepEqual(again.visit, parsed.visit);
});

test('dates and UK times: real dates only, and both sides of the clock change', () => {
  assert.equal(isoDate('29', '2', '2024'), '2024-02-29');
  assert.equal(isoDate('29', '2', '2025'), null);
  assert.equal(isoDate('', '', ''), '');
  assert.equal(isoDate('1', '1', '25'), null);
  assert.equal(londonInstant('2026-01-10', '09:00').toISOString(), '2026-01-10T09:00:00.000Z');
  assert.equal(londonInstant('2026-07-10', '09:00').toISOString(), '2026-07-10T08:00:00.000Z');
  assert.deepEqual(londonDateAndTime(new Date('2026-07-10T23:30:00Z')), { date: '2026-07-11', time: '00:30' });
  assert.deepEqual(typedNames(' Gwen ,\n\ngwen\nSam'), ['Gwen', 'Sam']);
});

test('a visit’s lines each keep their source, for carrying into the mapping', () => {
  const parsed = parseVisit(
    typed({ workingWell: '- Mum walks Mia to school\n- Nan has her on Fridays', worries: 'Late nights' }),
    context,
  );
  assert.ok(parsed.ok);
  const lines = visitLines('v1', 2, parsed.visit);
  assert.deepEqual(
    lines.map((line) => [line.field, line.text]),
    [
      ['seenHeardFelt', 'Mia showed me her drawings.'],
      ['workingWell', 'Mum walks Mia to school'],
      ['workingWell', 'Nan has her on Fridays'],
      ['worries', 'Late nights'],
    ],
  );
  assert.deepEqual(lines[1]!.source, {
    type: 'visit',
    visitId: 'v1',
    version: 2,
    happenedAt: '2026-06-14T09:30:00.000Z',
    lineNumber: 2,
  });
});

test('the child’s words from visits and on their own are gathered oldest first; visits without words are left out', () => {
  const parsed = parseVisit(typed({ childsWords: 'I love my Nan' }), context);
  const silent = parseVisit(typed(), context);
  assert.ok(parsed.ok && silent.ok);
  const entries = gatherOwnWords(
    [
      { id: 'v1', recordedByLabel: 'Alex', content: parsed.visit },
      { id: 'v2', recordedByLabel: 'Alex', content: silent.visit },
    ],
    [
      { id: 'q1', words: 'Football!', heardBy: 'Coach Sam', heardOn: '2026-06-01', setting: null },
      { id: 'q2', words: 'Later words', heardBy: 'Gwen', heardOn: '2026-06-15', setting: 'Park' },
    ],
  );
  assert.deepEqual(
    entries.map((entry) => entry.words),
    ['Football!', 'I love my Nan', 'Later words'],
  );
  assert.equal(entries[1]!.setting, 'Home visit');
});

test('the participation preference reads as one plain sentence', () => {
  assert.equal(describePreference('Mia', null), 'Mia has not said yet how they would like to take part in meetings');
  assert.equal(
    describePreference('Mia', {
      way: 'through_an_advocate',
      wayText: 'Through an advocate',
      inTheirWords: null,
      saidOn: '2026-06-01',
      recordedByLabel: 'Alex',
    }),
    'Mia would like to take part through an advocate',
  );
});

test('direct work: one thing on each line, a real past date, who did it, and at least one thing said', () => {
  assert.deepEqual(itemsOf('  Football \n\n Ava\n'), ['Football', 'Ava']);
  const values = {
    doneWith: 'Alex',
    'doneOn-Day': '1',
    'doneOn-Month': '6',
    'doneOn-Year': '2026',
    wishes: 'A dog',
    feelings: '',
  };
  const parsed = parseDirectWork('wishes_and_feelings', values, '2026-06-15', isoDate);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.record.childsWords, { wishes: ['A dog'], feelings: [] });
  const nothing = parseDirectWork('wishes_and_feelings', { ...values, wishes: '' }, '2026-06-15', isoDate);
  assert.ok(!nothing.ok);
  assert.equal(nothing.errors.wishes, 'Enter at least one thing in their wishes, or another part');
  const future = parseDirectWork(
    'wizard',
    { ...values, wouldChangeWithMagic: 'x', 'doneOn-Day': '16' },
    '2026-06-15',
    isoDate,
  );
  assert.ok(!future.ok);
  assert.equal(future.errors.doneOn, 'The date you did this together must be today or in the past');
});

test('the chronology is newest first (dates and date-times together) and keeps only the chosen types', () => {
  const event = (occurredAt: string, type: string, title: string) => ({
    occurredAt,
    type,
    title,
    details: null,
    byline: null,
    href: null,
  });
  const events = [
    event('2025-01-05', 'school', 'B'),
    event('2025-03-01T09:00:00.000Z', 'visit', 'C'),
    event('2025-01-05', 'school', 'A'),
    event('2024-12-25', 'family_life', 'D'),
  ];
  assert.deepEqual(
    arrangeChronology(events, []).map((e) => e.title),
    ['C', 'A', 'B', 'D'],
  );
  assert.deepEqual(
    arrangeChronology(events, ['school', 'family_life']).map((e) => e.title),
    ['A', 'B', 'D'],
  );
});

test('search snippets become plain and marked parts for the template to escape; terms are tidied', () => {
  assert.deepEqual(snippetParts(`Mia said ${MARK_START}football${MARK_END} <b>is</b> ${MARK_START}best${MARK_END}`), [
    { text: 'Mia said ', marked: false },
    { text: 'football', marked: true },
    { text: ' <b>is</b> ', marked: false },
    { text: 'best', marked: true },
  ]);
  assert.deepEqual(snippetParts(''), []);
  assert.equal(searchTerms('  nan\u0002 pat  '), 'nan  pat');
  assert.equal(searchTerms('   '), null);
  assert.equal(searchTerms(['a']), null);
  assert.equal(searchTerms('x'.repeat(300))?.length, 200);
});
