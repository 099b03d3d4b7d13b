import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { insertParticipationPreference } from '../voice/queries.js';
import { familyForConference, type Caller } from './meetings-fixtures.js';

const kith = testAppPerFile();

const page = (caller: Caller, url: string) => kith.app.inject({ url, headers: { cookie: caller.headers.cookie! } });
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

/** Opens a form, fills in what is given over what the page already holds, and posts it. */
async function submit(caller: Caller, url: string, answers: Record<string, string | string[]>) {
  const form = await page(caller, url);
  assert.equal(form.statusCode, 200, `${url}: ${form.body.slice(0, 200)}`);
  const values = { ...formValuesIn(form.body), ...answers };
  return kith.app.inject({ method: 'POST', url, headers: { cookie: caller.headers.cookie! }, payload: values });
}

const date = (prefix: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${prefix}-Day`]: day!, [`${prefix}-Month`]: month!, [`${prefix}-Year`]: year! };
};

test('a conference is planned and run through its four stages on the pages, into the child’s plan', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner, coordinator, mum, nan, manager } = family;
  const base = `/children/${childId}/meetings`;

  const section = await page(practitioner, base);
  assert.equal(section.statusCode, 200);
  assert.match(section.body, /Plan a meeting/);

  // A meeting without a date: a clear message, nothing saved, what was typed shown again.
  const noDate = await submit(practitioner, `${base}/new`, {
    kind: 'family_group_conference',
    place: 'Riverside Community Centre',
    coordinatorUserId: coordinator.userId,
  });
  assert.equal(noDate.statusCode, 400);
  assert.match(noDate.body, /There is a problem/);
  assert.match(noDate.body, /href="#heldOn-Day">Enter the date of the meeting/);
  assert.match(noDate.body, /value="Riverside Community Centre"/);
  assert.doesNotMatch((await page(practitioner, base)).body, /Family group conference,/);

  const planned = await submit(practitioner, `${base}/new`, {
    kind: 'family_group_conference',
    place: 'Riverside Community Centre',
    coordinatorUserId: coordinator.userId,
    startsAt: '10:00',
    endsAt: '14:00',
    ...date('heldOn', '2026-11-10'),
  });
  assert.equal(planned.statusCode, 303, planned.body.slice(0, 500));
  const meeting = planned.headers.location as string;

  // The agreement cannot come before the information stage.
  const early = await submit(coordinator, `${meeting}/stages/agreement`, {
    meetsBottomLines: 'yes',
    planAccepted: 'yes',
    whatWasAgreed: 'Typed before its time',
    whoWillTellChild: 'Nan',
    ...date('reviewOn', '2027-01-20'),
  });
  assert.equal(early.statusCode, 400);
  assert.match(early.body, /Record the information stage before the agreement/);
  assert.match(early.body, /Typed before its time/);

  const prepared = await submit(coordinator, `${meeting}/stages/preparation`, {
    whyReferred: 'Worries about arguments at home',
    childPreparation: 'Robin will draw his three houses and Nan will bring them',
    venue: 'Riverside Community Centre',
    ...date('referredOn', '2026-10-01'),
    ...date('familyAgreedOn', '2026-10-03'),
  });
  assert.equal(prepared.statusCode, 303, prepared.body.slice(0, 800));
  const invitedMum = await submit(coordinator, `${meeting}/invitees`, { personId: family.mumId });
  assert.equal(invitedMum.statusCode, 303, /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(invitedMum.body)?.[0]);
  const hostile = await submit(coordinator, `${meeting}/invitees`, {
    name: '<script>alert("x")</script>',
    circle: 'network',
  });
  assert.equal(hostile.statusCode, 303);
  const shown = await page(coordinator, meeting);
  assert.doesNotMatch(shown.body, /<script>alert/);
  assert.match(shown.body, /&lt;script&gt;alert/);
  const typedIn = await submit(coordinator, `${meeting}/invitees`, {
    name: 'Alex Nurse',
    relationship: 'school nurse',
    circle: 'professional',
  });
  assert.equal(typedIn.statusCode, 303);
  const informed = await submit(coordinator, `${meeting}/stages/information`, {
    worries: 'Shouting late at night that frightens Robin',
    strengths: 'Nan sees Robin every day',
    bottomLines: 'Robin sleeps somewhere calm every night\nRobin goes to school every day',
  });
  assert.equal(informed.statusCode, 303, informed.body.slice(0, 800));
  const privateTime = await submit(coordinator, `${meeting}/stages/private-family-time`, {
    startedAt: '11:00',
    endedAt: '12:15',
    familyPlan: 'Robin stays with Nan on school nights until things are calm.',
  });
  assert.equal(privateTime.statusCode, 303);

  const unmet = await submit(coordinator, `${meeting}/stages/agreement`, {
    meetsBottomLines: 'no',
    planAccepted: 'yes',
    whatWasAgreed: 'The family’s plan',
    whoWillTellChild: 'Nan',
    ...date('reviewOn', '2027-01-20'),
  });
  assert.equal(unmet.statusCode, 400);
  assert.match(unmet.body, /Say why the plan is accepted when it does not meet every bottom line/);
  assert.match(unmet.body, /value="no" checked/);

  const agreed = await submit(coordinator, `${meeting}/stages/agreement`, {
    meetsBottomLines: 'yes',
    planAccepted: 'yes',
    whatWasAgreed: 'The family’s plan',
    whoWillTellChild: 'Nan',
    ...date('reviewOn', '2027-01-20'),
  });
  assert.equal(agreed.statusCode, 303);
  const notes = await submit(coordinator, `${meeting}/what-happened`, {
    whatWasShared: 'Everyone heard the worries',
    professionalNotes: 'The police check is still outstanding',
  });
  assert.equal(notes.statusCode, 303);

  const done = await page(coordinator, meeting);
  assert.match(done.body, /The family plan is now Robin’s plan/);
  assert.match(done.body, /Plan agreed/);
  const planHref = /href="(\/children\/[^"]+\/plans\/[^"]+)"/.exec(done.body)![1]!;
  const plan = await page(practitioner, planHref);
  assert.equal(plan.statusCode, 200);
  assert.match(plan.body, /Robin stays with Nan on school nights/);

  // The calendar invitation and the letter.
  const ics = await page(mum, `${meeting}/invitation.ics`);
  assert.equal(ics.statusCode, 200);
  assert.match(ics.headers['content-type'] as string, /text\/calendar/);
  assert.match(ics.body, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics.body, /DTSTART:20261110T100000Z\r\n/);
  assert.doesNotMatch(ics.body, /Robin|police|Shouting/);
  const letter = await page(mum, `${meeting}/letter`);
  assert.equal(letter.statusCode, 200);
  assert.match(letter.body, /You are invited to a family group conference/);
  assert.match(letter.body, /Alex Nurse \(school nurse\)/);

  // Mum is invited: she sees the shared parts, never the professionals' notes. Nan is not.
  const asMum = await page(mum, meeting);
  assert.equal(asMum.statusCode, 200);
  assert.match(asMum.body, /Everyone heard the worries/);
  assert.doesNotMatch(asMum.body, /police check/);
  assert.doesNotMatch(asMum.body, /Record a decision/);
  assert.equal((await page(nan, meeting)).statusCode, 404);

  // The coordinator's list, and the counts for managers.
  const list = await page(coordinator, '/conferences');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Plan agreed/);
  assert.match(list.body, /Robin Test/);
  const counts = await page(manager, '/family-meetings/counts');
  assert.equal(counts.statusCode, 200);
  assert.match(counts.body, /Family plans agreed<\/th>\s*<td[^>]*>1</);
  assert.ok(csrfOf((await page(practitioner, `${base}/new`)).body));
});

test('offers and the family’s answers are recorded on the pages; a no needs their reason', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner } = family;
  const base = `/children/${childId}/meetings`;
  const offered = await submit(practitioner, `${base}/offers/new`, {
    beforeDecision: 'Going to court',
    ...date('offeredOn', '2026-09-01'),
  });
  assert.equal(offered.statusCode, 303);
  const section = await page(practitioner, base);
  const answerHref = /href="([^"]+\/offers\/[0-9a-f-]{36})"/.exec(section.body)![1]!;
  const noReason = await submit(practitioner, answerHref, {
    response: 'declined',
    ...date('respondedOn', '2026-09-04'),
  });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Enter the family’s reason for saying no/);
  const declined = await submit(practitioner, answerHref, {
    response: 'declined',
    familyReason: 'We already have a plan with Nan',
    ...date('respondedOn', '2026-09-04'),
  });
  assert.equal(declined.statusCode, 303);
  assert.match(
    (await page(practitioner, base)).body,
    /Declined on 4 September 2026: “We already have a plan with Nan”/,
  );
  assert.equal((await page(family.stranger, base)).statusCode, 404);
});

test('the child’s stated way of taking part is shown where a meeting is planned, and kept on the meeting', async () => {
  const family = await familyForConference(kith);
  const { childId, practitioner, council } = family;
  const base = `/children/${childId}/meetings`;
  assert.match((await page(practitioner, `${base}/new`)).body, /Robin has not yet said how they want to take part/);
  await withTenant(kith.database.orm, council.id, (tx) =>
    insertParticipationPreference(
      tx,
      council.id,
      childId,
      { way: 'send_words_or_drawing', inTheirWords: 'I will draw my house', saidOn: '2026-10-02' },
      { userId: null, label: 'Test' },
    ),
  );
  const form = await page(practitioner, `${base}/new`);
  assert.match(
    form.body,
    /How Robin said they want to take part in meetings: Send their words or a drawing, in their words: “I will draw my house” \(said on 2 October 2026\)/,
  );
  const planned = await submit(practitioner, `${base}/new`, {
    kind: 'child_in_need_review',
    place: 'Robin’s school',
    ...date('heldOn', '2026-11-20'),
  });
  assert.equal(planned.statusCode, 303);
  const meeting = await page(practitioner, planned.headers.location as string);
  assert.match(meeting.body, /Send their words or a drawing, in their words: “I will draw my house”/);
});
