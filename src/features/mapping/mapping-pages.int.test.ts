import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { partnerSharedWith } from './mapping-api-fixtures.js';

const kith = testAppPerFile();

const cookieOf = (session: string) => ({ cookie: `kith_session=${session}` });

/** Posts a form as a browser would: the page's own values, with some fields filled in. */
async function submit(session: string, pageUrl: string, changes: Record<string, string | string[]>) {
  const page = await kith.app.inject({ url: pageUrl, headers: cookieOf(session) });
  assert.equal(page.statusCode, 200, `${pageUrl}: ${page.statusCode}`);
  const action = [...page.body.matchAll(/<form method="post" action="([^"]+)"/g)]
    .map((match) => match[1]!.replaceAll('&amp;', '&'))
    .find((candidate) => !candidate.startsWith('/sign-out'));
  assert.ok(action, 'the page has a form');
  const values = { ...formValuesIn(page.body, action.replaceAll('&', '&amp;')), ...changes };
  return kith.app.inject({ method: 'POST', url: action, headers: cookieOf(session), payload: values });
}

async function practitionerWithMapping() {
  const setup = await createCouncilWithChild(kith.database);
  const session = await signIn(kith.app, setup.practitioner.email);
  const started = await submit(session, `/children/${setup.childId}/mapping/new`, {
    title: 'First mapping with the family',
    'heldOn-Day': '10',
    'heldOn-Month': '6',
    'heldOn-Year': '2026',
  });
  assert.equal(started.statusCode, 303, started.body);
  const mappingUrl = String(started.headers.location);
  return { ...setup, session, mappingUrl };
}

test('a mapping is started and filled in through its pages, without JavaScript', async () => {
  const { session, mappingUrl, childId } = await practitionerWithMapping();
  const mapping = await kith.app.inject({ url: mappingUrl, headers: cookieOf(session) });
  assert.match(mapping.body, /What are we worried about\?/);
  assert.match(mapping.body, /What’s working well\?/);
  assert.match(mapping.body, /What needs to happen\?/);

  const danger = await submit(session, `${mappingUrl}/entries/new?section=danger_statement`, {
    worriedWho: 'Sarah and the school',
    couldHappen: 'Robin could be hurt',
    becauseOf: 'Dan shouts and throws things when he has been drinking',
    viewOfKind: 'family',
    viewOfName: 'Sarah',
  });
  assert.equal(danger.statusCode, 303, danger.body);
  const strength = await submit(session, `${mappingUrl}/entries/new?section=existing_strength`, {
    statement: 'Nan’s house is where I feel calm',
    viewOfKind: 'child',
    viewOfName: 'Robin',
  });
  assert.equal(strength.statusCode, 303);
  const score = await submit(session, `${mappingUrl}/scores/new`, {
    scorerKind: 'child',
    scorerName: 'Robin',
    score: '6',
    reason: 'Things are calmer',
  });
  assert.equal(score.statusCode, 303, score.body);

  const after = await kith.app.inject({ url: mappingUrl, headers: cookieOf(session) });
  assert.match(
    after.body,
    /Sarah and the school are worried that Robin could be hurt, because Dan shouts and throws things when he has been drinking\./,
  );
  assert.match(after.body, /Said by Robin \(in their own words\)/);
  assert.match(
    after.body,
    /No safety goals or next steps yet/,
    'the balance note is shown, and saving was not blocked',
  );

  const section = await kith.app.inject({ url: `/children/${childId}/mapping`, headers: cookieOf(session) });
  assert.match(section.body, /First mapping with the family/);
  assert.match(section.body, /<svg class="app-scaling-chart"/);
  assert.match(section.body, /The child: 6 so far, one occasion\./);
});

test('missing parts of a danger statement: an error for each, what was typed stays, nothing is saved', async () => {
  const { session, mappingUrl } = await practitionerWithMapping();
  const refused = await submit(session, `${mappingUrl}/entries/new?section=danger_statement`, {
    couldHappen: 'Robin could be frightened <b>again</b>',
    becauseOf: '',
    viewOfKind: 'family',
    viewOfName: 'Sarah',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<title>Error: /);
  assert.match(refused.body, /href="#worriedWho">Enter who is worried/);
  assert.match(refused.body, /href="#becauseOf">Enter which adult behaviour the worry comes from/);
  assert.match(
    refused.body,
    /Robin could be frightened &lt;b&gt;again&lt;\/b&gt;<\/textarea>/,
    'typed text kept, escaped',
  );
  const mapping = await kith.app.inject({ url: mappingUrl, headers: cookieOf(session) });
  assert.doesNotMatch(mapping.body, /frightened/);

  const noScore = await submit(session, `${mappingUrl}/scores/new`, {
    scorerKind: 'family',
    scorerName: 'Sarah',
    reason: 'Better than before',
  });
  assert.equal(noScore.statusCode, 400);
  assert.match(noScore.body, /Select a score from 0 to 10/);
  assert.match(noScore.body, /Better than before<\/textarea>/);
  const outOfRange = await submit(session, `${mappingUrl}/scores/new`, {
    scorerKind: 'family',
    scorerName: 'Sarah',
    score: '11',
    reason: 'Better than before',
  });
  assert.equal(outOfRange.statusCode, 400);
  assert.match(outOfRange.body, /Select a score from 0 to 10/);
});

test('moving an entry asks for what its new section needs; a stale move shows both versions and keeps the typed text', async () => {
  const { session, mappingUrl } = await practitionerWithMapping();
  await submit(session, `${mappingUrl}/entries/new?section=existing_strength`, {
    statement: 'Nan has had Robin every weekend since June',
    viewOfKind: 'network',
    viewOfName: 'Nan',
  });
  const mapping = await kith.app.inject({ url: mappingUrl, headers: cookieOf(session) });
  const entryUrl = /href="([^"]+\/entries\/[0-9a-f-]{36})"/.exec(mapping.body)?.[1];
  assert.ok(entryUrl);

  // Two people open the same entry; the first moves it; the second's save is refused.
  const first = await kith.app.inject({ url: entryUrl, headers: cookieOf(session) });
  const secondValues = formValuesIn(first.body, entryUrl);
  const moved = await kith.app.inject({
    method: 'POST',
    url: entryUrl,
    headers: cookieOf(session),
    payload: { ...formValuesIn(first.body, entryUrl), section: 'existing_safety', reason: 'Shown over months' },
  });
  assert.equal(moved.statusCode, 303);
  assert.match(String(moved.headers.location), /notice=moved/);
  const stale = await kith.app.inject({
    method: 'POST',
    url: entryUrl,
    headers: cookieOf(session),
    payload: { ...secondValues, statement: 'Nan has Robin at weekends and after school on Fridays' },
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /Someone else changed this while you were working on it/);
  assert.match(stale.body, /Safety already shown · said by Nan/, 'their version is shown');
  assert.match(stale.body, /after school on Fridays<\/textarea>/, 'your text is still in the form');

  const toDanger = await kith.app.inject({
    method: 'POST',
    url: entryUrl,
    headers: cookieOf(session),
    payload: { ...formValuesIn(stale.body, entryUrl), section: 'danger_statement' },
  });
  assert.equal(toDanger.statusCode, 400);
  assert.match(toDanger.body, /Enter who is worried/, 'the danger statement’s parts are asked for');

  const history = await kith.app.inject({ url: `${entryUrl}/history`, headers: cookieOf(session) });
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /Version 2/);
  assert.match(history.body, /Shown over months/);
  assert.match(history.body, /Strengths/);
});

test('someone who may only read sees the mapping without the links to change it; the change pages refuse them', async () => {
  const { session, mappingUrl, childId, council } = await practitionerWithMapping();
  await submit(session, `${mappingUrl}/entries/new?section=existing_strength`, {
    statement: 'Robin loves football',
    viewOfKind: 'child',
    viewOfName: 'Robin',
  });
  const partner = await partnerSharedWith(kith.database, council.id, childId);
  const partnerSession = await signIn(kith.app, partner.email);
  const page = await kith.app.inject({ url: mappingUrl, headers: cookieOf(partnerSession) });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Robin loves football/);
  assert.doesNotMatch(page.body, /Change or move/);
  assert.doesNotMatch(page.body, /Add a strength/);
  const form = await kith.app.inject({
    url: `${mappingUrl}/entries/new?section=existing_strength`,
    headers: cookieOf(partnerSession),
  });
  assert.equal(form.statusCode, 403);

  // Opening a form shows the mapping, so it is audited as a read of the record.
  await kith.app.inject({ url: `${mappingUrl}/entries/new?section=existing_strength`, headers: cookieOf(session) });
  const reads = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId, action: 'child_record.view' }, { limit: 50 }),
  );
  assert.ok(reads.entries.some((entry) => (entry.details as { part?: string } | null)?.part === 'mapping_form'));

  const other = await createCouncilWithChild(kith.database);
  const outsider = await signIn(kith.app, other.practitioner.email);
  assert.equal((await kith.app.inject({ url: mappingUrl, headers: cookieOf(outsider) })).statusCode, 404);
  assert.equal(
    (await kith.app.inject({ url: `/children/${childId}/mapping`, headers: cookieOf(outsider) })).statusCode,
    404,
  );
});

test('two mappings side by side show what is new and what is no longer said', async () => {
  const { session, mappingUrl, childId } = await practitionerWithMapping();
  await submit(session, `${mappingUrl}/entries/new?section=complicating_factor`, {
    statement: 'Sarah works nights',
    viewOfKind: 'family',
    viewOfName: 'Sarah',
  });
  const second = await submit(session, `/children/${childId}/mapping/new`, {
    title: 'Review mapping',
    'heldOn-Day': '12',
    'heldOn-Month': '10',
    'heldOn-Year': '2026',
  });
  const secondUrl = String(second.headers.location);
  await submit(session, `${secondUrl}/entries/new?section=existing_safety`, {
    statement: 'Sarah changed to day shifts',
    viewOfKind: 'family',
    viewOfName: 'Sarah',
  });
  const firstId = mappingUrl.split('/').at(-1)!;
  const secondId = secondUrl.split('/').at(-1)!;
  // Asked for in either order, the earlier mapping is on the left.
  const compare = await kith.app.inject({
    url: `/children/${childId}/mapping/compare?earlier=${secondId}&later=${firstId}`,
    headers: cookieOf(session),
  });
  assert.equal(compare.statusCode, 200);
  assert.ok(compare.body.indexOf('First mapping with the family') < compare.body.indexOf('Review mapping'));
  assert.match(
    compare.body,
    /Sarah works nights<br><strong class="govuk-tag govuk-tag--grey">Not in the later mapping/,
  );
  assert.match(compare.body, /Sarah changed to day shifts<br><strong class="govuk-tag govuk-tag--green">New/);
  const missing = await kith.app.inject({
    url: `/children/${childId}/mapping/compare?earlier=${firstId}&later=not-a-mapping`,
    headers: cookieOf(session),
  });
  assert.equal(missing.statusCode, 404);
});

test('a line of a visit goes into the mapping word for word, with the visit it came from', async () => {
  const { session, mappingUrl, childId } = await practitionerWithMapping();
  const visit = await submit(session, `/children/${childId}/visits/new`, {
    kind: 'home_visit',
    'happened-Day': '3',
    'happened-Month': '2',
    'happened-Year': '2025',
    happenedTime: '16:15',
    place: 'At home',
    childSeen: 'yes',
    seenAlone: 'yes',
    childsWords: 'I like it when Dad reads to me.',
    workingWell: 'Dad walks Robin to school every day.',
  });
  assert.equal(visit.statusCode, 303, visit.body.slice(0, 500));
  const visitUrl = String(visit.headers.location).split('?')[0]!;
  const visitPage = await kith.app.inject({ url: visitUrl, headers: cookieOf(session) });
  const carryUrl = /href="([^"]+\/mapping\/from-visit\/[^"]+)"/.exec(visitPage.body)?.[1];
  assert.ok(carryUrl, 'the visit page offers to add a line to the mapping');

  const form = await kith.app.inject({ url: carryUrl, headers: cookieOf(session) });
  assert.match(form.body, /Dad walks Robin to school every day\./);
  const lineNumber = /name="line" type="radio" value="(\d+)"[^>]*>\s*<label[^>]*>\s*Dad walks Robin/.exec(
    form.body,
  )?.[1];
  assert.ok(lineNumber);

  const missing = await submit(session, carryUrl, { line: lineNumber });
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Select whose view this is/);
  assert.match(missing.body, /Select where this belongs/);

  const added = await submit(session, carryUrl, {
    line: lineNumber,
    section: 'existing_strength',
    viewOfKind: 'professional',
    viewOfName: 'Alex Morgan',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 500));
  const mapping = await kith.app.inject({ url: mappingUrl, headers: cookieOf(session) });
  assert.match(mapping.body, /Dad walks Robin to school every day\./);
  assert.match(mapping.body, /from the visit on 3 February 2025, line \d/);
});
