import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createCouncilWithChild, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { allocateChild } from '../../platform/identity/accounts.js';
import { insertChildRecord, insertPerson } from '../people/queries.js';

const kith = testAppPerFile();

async function practitionerSession() {
  const setup = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, setup.practitioner.email);
  const headers = { cookie: `kith_session=${cookie}` };
  const get = (url: string) => kith.app.inject({ url, headers });
  /** Fills a form as rendered, with some fields changed, and submits it. */
  const submit = async (url: string, changes: Record<string, string | string[]>) => {
    const page = await get(url);
    assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
    return kith.app.inject({ method: 'POST', url, headers, payload: { ...formValuesIn(page.body, url), ...changes } });
  };
  return { ...setup, get, submit, headers };
}

test('without JavaScript: add people through the form, record a tie between them, and see the ecomap and table', async () => {
  const session = await practitionerSession();
  const addUrl = `/children/${session.childId}/network/people/new`;
  const nan = await session.submit(addUrl, {
    fullName: 'Jean Test',
    knownAs: 'Nan',
    gender: 'female',
    'dob-Day': '18',
    'dob-Month': '5',
    'dob-Year': '1963',
    circle: 'family',
    type: 'grandmother',
    closeness: 'strong',
    lovesTheChild: 'yes',
    childLovesThem: 'yes',
    lifelongConnection: 'yes',
    safetyNetworkRole: 'Tea on Wednesdays',
  });
  assert.equal(nan.statusCode, 303, nan.body.slice(0, 500));
  const coach = await session.submit(addUrl, {
    fullName: 'Sam Coach',
    circle: 'professional',
    type: 'coach',
    closeness: 'tenuous',
  });
  assert.equal(coach.statusCode, 303);

  const page = await session.get(`/children/${session.childId}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]+class="ecomap"/);
  assert.match(
    page.body,
    /aria-label="Nan Grandmother: Nan \(Jean Test\), grandmother, strong tie, supportive, loves Robin, Robin loves them, lifelong connection, safety network: Tea on Wednesdays"/,
  );
  assert.match(page.body, /id="person-[0-9a-f-]+"[^>]*>Nan \(Jean Test\)/, 'the same person is in the table');
  assert.match(page.body, /2 people, groups and places are in Robin’s world/);

  const tieUrl = `/children/${session.childId}/network/relationships/new`;
  const tiePage = await session.get(tieUrl);
  const options = [...tiePage.body.matchAll(/<option value="([0-9a-f-]{36})">([^<]+)<\/option>/g)];
  const idOf = (name: string) => options.find((option) => option[2]!.includes(name))![1]!;
  const tie = await session.submit(tieUrl, {
    fromPersonId: idOf('Jean Test'),
    toPersonId: idOf('Sam Coach'),
    type: 'friend',
    closeness: 'moderate',
  });
  assert.equal(tie.statusCode, 303, tie.body.slice(0, 500));
  const graph = await session.get(`/api/v1/children/${session.childId}/network`);
  assert.equal(graph.json<{ relationships: unknown[] }>().relationships.length, 3);
});

test('bad input: clear GOV.UK messages, nothing saved, everything typed kept', async () => {
  const session = await practitionerSession();
  const addUrl = `/children/${session.childId}/network/people/new`;
  const future = String(new Date().getUTCFullYear() + 1);
  const refused = await session.submit(addUrl, {
    fullName: 'Typed Name',
    whatTheyBring: 'Kind and patient',
    'dob-Day': '1',
    'dob-Month': '1',
    'dob-Year': future,
    circle: '',
    type: '',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /govuk-error-summary/);
  assert.match(refused.body, /href="#dob-day">Date of birth must be today or in the past/);
  assert.match(refused.body, /href="#circle">Choose where they belong/);
  assert.match(refused.body, /href="#type">Choose how they are related/);
  assert.match(refused.body, /value="Typed Name"/);
  assert.match(refused.body, /Kind and patient/);

  const tieUrl = `/children/${session.childId}/network/relationships/new`;
  const tiePage = await session.get(tieUrl);
  const childOption = /<option value="([0-9a-f-]{36})">Robin Test<\/option>/.exec(tiePage.body)![1]!;
  const toSelf = await session.submit(tieUrl, {
    fromPersonId: childOption,
    toPersonId: childOption,
    type: 'friend',
    'started-Day': '1',
    'started-Month': '1',
    'started-Year': '2020',
    'ended-Day': '1',
    'ended-Month': '1',
    'ended-Year': '2019',
  });
  assert.equal(toSelf.statusCode, 400);
  assert.match(toSelf.body, /Choose two different people/);
  assert.match(toSelf.body, /The end date must be the same as or after the start date/);
  const graph = await session.get(`/api/v1/children/${session.childId}/network`);
  assert.equal(graph.json<{ people: unknown[] }>().people.length, 1, 'nothing was added');
});

test('someone already recorded is offered first, and choosing them stores them once', async () => {
  const session = await practitionerSession();
  // Robin's brother, in the same council and with the same practitioner.
  const brotherId = await withTenant(kith.database.orm, session.council.id, async (tx) => {
    const personId = await insertPerson(tx, session.council.id, { fullName: 'Sol Test' });
    await insertChildRecord(tx, session.council.id, { personId, reference: `T-${personId.slice(0, 6).toUpperCase()}` });
    await allocateChild(tx, session.council.id, { childPersonId: personId, userId: session.practitioner.userId });
    return personId;
  });
  await session.submit(`/children/${session.childId}/network/people/new`, {
    fullName: 'Patricia Thompson',
    circle: 'family',
    type: 'grandmother',
  });
  const addUrl = `/children/${brotherId}/network/people/new`;
  const offered = await session.submit(addUrl, { fullName: 'Patricia Thomson', circle: 'family', type: 'grandmother' });
  assert.equal(offered.statusCode, 200);
  assert.match(offered.body, /Is this someone already recorded/);
  assert.match(offered.body, /Patricia Thompson/);
  const existingId = /name="existingPersonId" type="radio" value="([0-9a-f-]{36})"/.exec(offered.body)![1]!;
  const chosen = await kith.app.inject({
    method: 'POST',
    url: addUrl,
    headers: session.headers,
    payload: { ...formValuesIn(offered.body, addUrl), existingPersonId: existingId },
  });
  assert.equal(chosen.statusCode, 303, chosen.body.slice(0, 300));
  type Graph = { people: { id: string; fullName: string }[] };
  const robins = (await session.get(`/api/v1/children/${session.childId}/network`)).json<Graph>();
  const sols = (await session.get(`/api/v1/children/${brotherId}/network`)).json<Graph>();
  const nanInRobins = robins.people.find((person) => person.fullName === 'Patricia Thompson')!;
  const nanInSols = sols.people.find((person) => person.fullName === 'Patricia Thompson')!;
  assert.equal(nanInSols.id, nanInRobins.id, 'one person, in two children’s networks');
});

test('changing a tie keeps the earlier version; a stale form is refused with both versions and nothing lost', async () => {
  const session = await practitionerSession();
  await session.submit(`/children/${session.childId}/network/people/new`, {
    fullName: 'Jean Test',
    circle: 'family',
    type: 'grandmother',
    closeness: 'strong',
  });
  const page = await session.get(`/children/${session.childId}`);
  const changeUrl = /href="(\/children\/[^"]+\/network\/relationships\/[0-9a-f-]+)"/.exec(page.body)![1]!;
  const stale = formValuesIn((await session.get(changeUrl)).body, changeUrl);
  const first = await session.submit(changeUrl, { closeness: 'moderate', reason: 'They moved away' });
  assert.equal(first.statusCode, 303);
  const second = await kith.app.inject({
    method: 'POST',
    url: changeUrl,
    headers: session.headers,
    payload: { ...stale, quality: 'mixed', notes: 'My note that must not be lost' },
  });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Someone else changed this relationship/);
  assert.match(second.body, /My note that must not be lost/);

  const markUrl = /href="(\/children\/[^"]+\/no-longer-involved)"/.exec(page.body)![1]!;
  const marked = await session.submit(markUrl, { reason: 'Moved to Spain' });
  assert.equal(marked.statusCode, 303);
  const after = await session.get(`/children/${session.childId}`);
  assert.match(after.body, /No longer involved since/);
});

test('the ecomap downloads as an SVG file', async () => {
  const session = await practitionerSession();
  const download = await session.get(`/children/${session.childId}/ecomap.svg`);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-type']), /^image\/svg\+xml/);
  assert.match(String(download.headers['content-disposition']), /attachment; filename="ecomap-robin.svg"/);
  assert.match(download.body, /^<\?xml/);
});

test('someone recorded twice is merged: one person shown everywhere, both histories kept, on the record', async () => {
  const session = await practitionerSession();
  const addUrl = `/children/${session.childId}/network/people/new`;
  await session.submit(addUrl, { fullName: 'Jean Test', circle: 'family', type: 'grandmother', closeness: 'strong' });
  await session.submit(addUrl, {
    fullName: 'Jean Test',
    existingPersonId: 'new',
    circle: 'family',
    type: 'grandmother',
    closeness: 'tenuous',
    safetyNetworkRole: 'Tea on Wednesdays',
  });
  type Graph = { people: { id: string; fullName: string }[]; relationships: { fromPersonId: string }[] };
  const before = (await session.get(`/api/v1/children/${session.childId}/network`)).json<Graph>();
  const jeans = before.people.filter((person) => person.fullName === 'Jean Test');
  assert.equal(jeans.length, 2, 'recorded twice');
  const kept = jeans[0]!;
  const duplicate = jeans[1]!;

  const mergeUrl = `/children/${session.childId}/network/people/${duplicate.id}/merge`;
  const unchosen = await session.submit(mergeUrl, { keptId: '' });
  assert.equal(unchosen.statusCode, 400);
  assert.match(unchosen.body, /Choose the record to keep/);
  const merged = await session.submit(mergeUrl, { keptId: kept.id });
  assert.equal(merged.statusCode, 303);

  const after = (await session.get(`/api/v1/children/${session.childId}/network`)).json<Graph>();
  assert.equal(after.people.filter((person) => person.fullName === 'Jean Test').length, 1);
  assert.equal(after.people.find((person) => person.fullName === 'Jean Test')!.id, kept.id);
  const page = await session.get(String(merged.headers.location));
  assert.match(page.body, /The two records are now one/);
  const log = await withTenant(kith.database.orm, session.council.id, (tx) =>
    searchAuditLog(tx, session.council.id, { action: 'network.people_merged' }),
  );
  assert.equal(log.entries.length, 1);
  assert.equal(log.entries[0]?.details.duplicateId, duplicate.id);
});

test('someone’s details change once for every network they are in; the earlier details are kept; a stale save is refused', async () => {
  const session = await practitionerSession();
  await session.submit(`/children/${session.childId}/network/people/new`, {
    fullName: 'Jean Test',
    circle: 'family',
    type: 'grandmother',
    'dob-Day': '18',
    'dob-Month': '5',
    'dob-Year': '1963',
  });
  const page = await session.get(`/children/${session.childId}`);
  const detailsUrl = /href="(\/children\/[^"]+\/network\/people\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
  const form = await session.get(detailsUrl);
  assert.match(form.body, /value="1963"/, 'the form shows what is recorded');
  const stale = formValuesIn(form.body, detailsUrl);
  const noReason = await session.submit(detailsUrl, { knownAs: 'Nan' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Explain why you are making this change/);
  const saved = await session.submit(detailsUrl, {
    knownAs: 'Nan',
    contactDetails: '07700 900123',
    reason: 'What Robin calls her',
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const after = await session.get(`/children/${session.childId}`);
  assert.match(after.body, /Nan \(Jean Test\)/);
  assert.match(after.body, /How to reach them: 07700 900123/);
  assert.match(after.body, /born 18 May 1963|value="1963"|Jean Test/);
  const refused = await kith.app.inject({
    method: 'POST',
    url: detailsUrl,
    headers: session.headers,
    payload: { ...stale, whatTheyBring: 'Bakes on Sundays', reason: 'From the visit' },
  });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /saved a change to these details while you were editing/);
  assert.match(refused.body, /Bakes on Sundays/, 'nothing typed is lost');
});
