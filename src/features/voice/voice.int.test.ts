import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createCouncilWithChild, createTestAccount, csrfTokenIn, signIn } from '../../../test/helpers/accounts.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { insertPerson } from '../people/queries.js';
import { shareChildRecord } from '../../platform/identity/accounts.js';
import { participationPreferenceOf, registerChronologySource } from './service.js';
import { insertChildsWords } from './queries.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
});
after(() => kith.close());

async function sessionFor(email: string) {
  const cookie = await signIn(kith.app, email);
  const headers = { cookie: `kith_session=${cookie}` };
  const get = (url: string) => kith.app.inject({ url, headers });
  const csrf = csrfTokenIn((await get('/accessibility')).body);
  /** Fills a form as rendered, with some fields changed, and submits it. */
  const submit = async (url: string, changes: Record<string, string | string[]>) => {
    const page = await get(url);
    assert.equal(page.statusCode, 200, `${url}: ${page.statusCode}`);
    return kith.app.inject({ method: 'POST', url, headers, payload: { ...formValuesIn(page.body, url), ...changes } });
  };
  const putDraft = (childId: string, formKey: string, body: object, withCsrf = true) =>
    kith.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${childId}/drafts/${formKey}`,
      headers: { ...headers, ...(withCsrf ? { 'x-csrf-token': csrf } : {}) },
      payload: body,
    });
  return { get, submit, headers, putDraft, csrf };
}

async function practitioner() {
  const setup = await createCouncilWithChild(kith.database);
  return { ...setup, ...(await sessionFor(setup.practitioner.email)) };
}

const aVisit = {
  kind: 'home_visit',
  'happened-Day': '3',
  'happened-Month': '2',
  'happened-Year': '2025',
  happenedTime: '16:15',
  place: 'At home',
  othersThere: 'Dad\nAuntie Jo',
  childSeen: 'yes',
  seenAlone: 'yes',
  seenHeardFelt: 'The flat was warm; Robin showed me the den he built with Dad.',
  childsWords: 'I like it when Dad reads to me.',
  workingWell: 'Dad walks Robin to school every day.',
  worries: 'Robin said the shouting at night scares him.',
  reflection: 'I wonder how Dad is coping since his job ended.',
  'nextStep1-who': 'Dad',
  'nextStep1-what': 'Ask Auntie Jo about Friday evenings',
  'nextStep1-byWhen-Day': '1',
  'nextStep1-byWhen-Month': '3',
  'nextStep1-byWhen-Year': '2025',
};

test('record a visit through the form; it shows with its words, and the child’s words gather on "In my own words"', async () => {
  const session = await practitioner();
  const url = `/children/${session.childId}/visits/new`;
  const saved = await session.submit(url, aVisit);
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 800));
  const visitUrl = String(saved.headers.location).split('?')[0]!;
  assert.match(visitUrl, new RegExp(`^/children/${session.childId}/visits/[0-9a-f-]{36}$`));

  const page = await session.get(visitUrl);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Robin was seen, and seen on their own/);
  assert.match(page.body, /I like it when Dad reads to me\./);
  assert.match(page.body, /Dad, Auntie Jo/);
  assert.match(page.body, /Dad: Ask Auntie Jo about Friday evenings \(by 1 March 2025\)/);
  assert.match(page.body, /This visit has not been corrected/);

  const list = await session.get(`/children/${session.childId}/visits`);
  assert.match(list.body, /Monday 3 February 2025, 4:15pm/);
  assert.match(list.body, /Seen, and seen alone/);

  const words = await session.get(`/children/${session.childId}/own-words`);
  assert.equal(words.statusCode, 200);
  assert.match(words.body, /I like it when Dad reads to me\./);
  assert.match(words.body, /Home visit, At home/);

  const lines = await session.get(`/api/v1/children/${session.childId}/visits/${visitUrl.split('/').pop()}/lines`);
  assert.equal(lines.statusCode, 200);
  const body = lines.json<{ lines: { text: string; field: string; source: { visitId: string } }[] }>();
  assert.ok(body.lines.some((line) => line.field === 'worries' && line.text.startsWith('Robin said the shouting')));
  assert.ok(body.lines.every((line) => line.source.visitId === visitUrl.split('/').pop()));
});

test('a visit in the future, or seen alone without being seen, is refused with clear messages; everything typed stays', async () => {
  const session = await practitioner();
  const url = `/children/${session.childId}/visits/new`;
  const nextYear = String(new Date().getUTCFullYear() + 1);
  const refused = await session.submit(url, {
    ...aVisit,
    'happened-Year': nextYear,
    childSeen: 'no',
    seenAlone: 'yes',
    notSeenReason: '',
  });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /There is a problem/);
  assert.match(refused.body, /The date and time of the visit must be now or in the past/);
  assert.match(refused.body, /You said you did not see Robin, so you cannot have seen them alone/);
  assert.match(refused.body, /Say why you did not see Robin/);
  assert.match(refused.body, /href="#happened-day"/);
  assert.match(
    refused.body,
    /The flat was warm; Robin showed me the den he built with Dad\./,
    'the long text is shown again',
  );
  assert.match(refused.body, new RegExp(`name="happened-Year" type="text" value="${nextYear}"`));
  const list = await session.get(`/children/${session.childId}/visits`);
  assert.match(list.body, /No visits have been recorded yet/, 'nothing was saved');
});

test('a correction is a new version with its reason; a stale correction shows both versions and saves nothing', async () => {
  const session = await practitioner();
  const saved = await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const visitUrl = String(saved.headers.location).split('?')[0]!;
  const correctUrl = `${visitUrl}/correct`;

  const noReason = await session.submit(correctUrl, { place: 'At Nan’s flat' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Say why you are correcting this visit/);
  assert.match(noReason.body, /At Nan’s flat/);

  // Two people open the correction form at version 1.
  const first = formValuesIn((await session.get(correctUrl)).body, correctUrl);
  const second = formValuesIn((await session.get(correctUrl)).body, correctUrl);
  const ok = await kith.app.inject({
    method: 'POST',
    url: correctUrl,
    headers: session.headers,
    payload: { ...first, place: 'At Nan’s flat', reason: 'I wrote the wrong place' },
  });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 600));
  const stale = await kith.app.inject({
    method: 'POST',
    url: correctUrl,
    headers: session.headers,
    payload: { ...second, worries: 'Corrected worries text', reason: 'Adding what Robin told me' },
  });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /saved a correction to this visit while you were writing yours/);
  assert.match(stale.body, /At Nan’s flat/, 'theirs is shown');
  assert.match(stale.body, /Corrected worries text/, 'mine is still in the form');

  const page = await session.get(visitUrl);
  assert.match(page.body, /Version 2 \(current\)/);
  assert.match(page.body, /Why: I wrote the wrong place/);
  assert.match(page.body, /Changed: Where/);
  assert.match(page.body, /Version 1 in full/);
  assert.doesNotMatch(page.body, /Corrected worries text/);

  // Search follows the correction: the new place is found, and the words it replaced are not.
  const newPlace = await session.get(`/children/${session.childId}/search?q=${encodeURIComponent('Nan flat')}`);
  assert.match(newPlace.body, /1 result/);
  const oldPlace = await session.get(`/children/${session.childId}/search?q=home`);
  assert.match(oldPlace.body, /0 results/);

  const unchanged = await session.submit(correctUrl, { reason: 'Nothing really' });
  assert.equal(unchanged.statusCode, 400);
  assert.match(unchanged.body, /Nothing has been changed/);
});

test('drafts: saved with a version, a stale save gets both back, the form restores it, and saving the visit clears it', async () => {
  const session = await practitioner();
  const first = await session.putDraft(session.childId, 'visit-new', {
    content: { seenHeardFelt: 'Half a note', kind: 'home_visit' },
    expectedVersion: 0,
  });
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json<{ version: number }>().version, 1);
  const second = await session.putDraft(session.childId, 'visit-new', {
    content: { seenHeardFelt: 'Half a note, and more', kind: 'home_visit' },
    expectedVersion: 1,
  });
  assert.equal(second.json<{ version: number }>().version, 2);
  const stale = await session.putDraft(session.childId, 'visit-new', {
    content: { seenHeardFelt: 'From another window' },
    expectedVersion: 1,
  });
  assert.equal(stale.statusCode, 409);
  assert.equal(
    stale.json<{ theirs: { content: { seenHeardFelt: string } } }>().theirs.content.seenHeardFelt,
    'Half a note, and more',
  );
  const noCsrf = await session.putDraft(session.childId, 'visit-new', { content: {}, expectedVersion: 2 }, false);
  assert.equal(noCsrf.statusCode, 403);

  const form = await session.get(`/children/${session.childId}/visits/new`);
  assert.match(form.body, /We restored the draft you were writing, saved/);
  assert.match(form.body, />Half a note, and more<\/textarea>/);
  assert.match(form.body, /data-draft-version="2"/);

  const saved = await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  assert.equal(saved.statusCode, 303);
  const again = await session.get(`/children/${session.childId}/visits/new`);
  assert.doesNotMatch(again.body, /We restored the draft/);
  const read = await session.get(`/api/v1/children/${session.childId}/drafts/visit-new`);
  assert.deepEqual(read.json(), { draft: null });
});

test('nobody else reads or writes them: another council, no relationship, and a read-only partner agency worker', async () => {
  const session = await practitioner();
  await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const other = await practitioner();
  for (const url of [
    `/children/${session.childId}/visits`,
    `/children/${session.childId}/visits/new`,
    `/children/${session.childId}/own-words`,
    `/api/v1/children/${session.childId}/drafts/visit-new`,
  ]) {
    assert.equal((await other.get(url)).statusCode, 404, `another council: ${url}`);
  }
  const stranger = await sessionFor(
    (await createTestAccount(kith.database, session.council.id, { roles: ['practitioner'] })).email,
  );
  assert.equal((await stranger.get(`/children/${session.childId}/visits`)).statusCode, 404);
  const write = await stranger.putDraft(session.childId, 'visit-new', {
    content: { worries: 'x' },
    expectedVersion: 0,
  });
  assert.equal(write.statusCode, 404);

  const partner = await createTestAccount(kith.database, session.council.id, { roles: ['partner_agency_worker'] });
  await withTenant(kith.database.orm, session.council.id, (tx) =>
    shareChildRecord(tx, session.council.id, {
      childPersonId: session.childId,
      userId: partner.userId,
      audience: 'partner_agency',
      agreement: 'School safeguarding agreement',
    }),
  );
  const partnerSession = await sessionFor(partner.email);
  const shared = await partnerSession.get(`/children/${session.childId}/visits`);
  assert.equal(shared.statusCode, 200, 'a partner the record is shared with may read the visits');
  assert.doesNotMatch(shared.body, /Record a visit/);
  const refused = await kith.app.inject({
    method: 'POST',
    url: `/children/${session.childId}/visits/new`,
    headers: partnerSession.headers,
    payload: { ...aVisit, _csrf: partnerSession.csrf },
  });
  assert.equal(refused.statusCode, 403);

  const denied = await withTenant(kith.database.orm, session.council.id, (tx) =>
    searchAuditLog(tx, session.council.id, { childPersonId: session.childId }),
  );
  assert.ok(
    denied.entries.some((entry) => entry.action === 'visits.viewed' && entry.outcome === 'denied'),
    'the refusal is audited',
  );
  assert.ok(denied.entries.some((entry) => entry.action === 'visit.recorded' && entry.outcome === 'allowed'));
});

test('the child’s words on their own, and how they want to take part, in time order on their pages', async () => {
  const session = await practitioner();
  await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const future = await session.submit(`/children/${session.childId}/own-words/new`, {
    words: 'I want to live with Dad',
    'heardOn-Year': String(new Date().getUTCFullYear() + 2),
  });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /The date they said it must be today or in the past/);
  assert.match(future.body, /I want to live with Dad/);
  const words = await session.submit(`/children/${session.childId}/own-words/new`, {
    words: 'Football is the best bit of my week',
    heardBy: 'Coach Sam',
    'heardOn-Day': '10',
    'heardOn-Month': '1',
    'heardOn-Year': '2025',
    setting: 'After training',
  });
  assert.equal(words.statusCode, 303, words.body.slice(0, 500));
  const page = await session.get(`/children/${session.childId}/own-words`);
  const football = page.body.indexOf('Football is the best bit of my week');
  const dad = page.body.indexOf('I like it when Dad reads to me.');
  assert.ok(football > 0 && dad > football, 'oldest first: January before February');
  assert.match(page.body, /has not said yet how they would like to take part/);

  const missing = await session.submit(`/children/${session.childId}/taking-part`, {});
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /Select how they would like to take part/);
  const chosen = await session.submit(`/children/${session.childId}/taking-part`, {
    way: 'send_words_or_drawing',
    inTheirWords: 'I’ll draw a picture for them',
  });
  assert.equal(chosen.statusCode, 303);
  const visits = await session.get(`/children/${session.childId}/visits`);
  assert.match(visits.body, /Robin would like to send their words or a drawing/);
  assert.match(visits.body, /I’ll draw a picture for them/);
  const preference = await withTenant(kith.database.orm, session.council.id, (tx) =>
    participationPreferenceOf(tx, session.council.id, session.childId),
  );
  assert.equal(preference?.way, 'send_words_or_drawing');
});

test('Three Houses in the child’s words: recorded, shown as three houses, and gathered on "In my own words"', async () => {
  const session = await practitioner();
  const url = `/children/${session.childId}/direct-work/new/three_houses`;
  const empty = await session.submit(url, {
    houseOfWorries: '',
    houseOfGoodThings: '',
    houseOfDreams: '',
    doneWith: '',
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /Enter at least one thing in house of worries, or another part/);
  assert.match(empty.body, /Enter who did this with them/);
  const future = await session.submit(url, {
    houseOfDreams: 'A dog called Biscuit',
    'doneOn-Year': String(new Date().getUTCFullYear() + 1),
  });
  assert.equal(future.statusCode, 400);
  assert.match(future.body, /must be today or in the past/);
  assert.match(future.body, /A dog called Biscuit/, 'what was typed stays');

  const saved = await session.submit(url, {
    houseOfWorries: 'When Dad shouts',
    houseOfGoodThings: 'Football\nMy friend Ava',
    houseOfDreams: 'A dog called Biscuit',
    'doneOn-Day': '5',
    'doneOn-Month': '1',
    'doneOn-Year': '2025',
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  const page = await session.get(String(saved.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /app-three-houses/);
  assert.match(page.body, /<li>My friend Ava<\/li>/);
  const words = await session.get(`/children/${session.childId}/own-words`);
  assert.match(words.body, /A dog called Biscuit/);
  assert.match(words.body, /Three Houses: house of dreams/);
  assert.equal((await session.get(`/children/${session.childId}/direct-work/new/magic_beans`)).statusCode, 404);

  const other = await practitioner();
  assert.equal((await other.get(String(saved.headers.location))).statusCode, 404, 'another council');
  const refused = await kith.app.inject({
    method: 'POST',
    url,
    headers: other.headers,
    payload: {
      _csrf: other.csrf,
      houseOfDreams: 'x',
      doneWith: 'x',
      'doneOn-Day': '1',
      'doneOn-Month': '1',
      'doneOn-Year': '2025',
    },
  });
  assert.equal(refused.statusCode, 404);
});

test('the chronology: visits, hand-recorded events and another feature’s events, newest first, filterable by type', async () => {
  const session = await practitioner();
  await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const bad = await session.submit(`/children/${session.childId}/chronology/new`, { title: 'Started at Riverside' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the date it happened/);
  assert.match(bad.body, /Select what kind of event this was/);
  assert.match(bad.body, /value="Started at Riverside"/);
  const added = await session.submit(`/children/${session.childId}/chronology/new`, {
    'happenedOn-Day': '4',
    'happenedOn-Month': '9',
    'happenedOn-Year': '2024',
    category: 'school',
    title: 'Started at Riverside Primary',
    details: 'Settled in quickly; loves reading time.',
  });
  assert.equal(added.statusCode, 303, added.body.slice(0, 400));
  registerChronologySource({
    type: 'test_mapping',
    name: 'Mapping (test)',
    read: async (_tx, _tenantId, childId) =>
      childId === session.childId
        ? [
            {
              occurredAt: '2025-01-20',
              type: 'test_mapping',
              title: 'Mapping meeting',
              details: null,
              byline: null,
              href: null,
            },
          ]
        : [],
  });
  const page = await session.get(`/children/${session.childId}/chronology`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /class="moj-timeline"/);
  const visit = page.body.indexOf('Home visit: seen, and seen alone');
  const mapping = page.body.indexOf('Mapping meeting');
  const school = page.body.indexOf('Started at Riverside Primary');
  assert.ok(visit > 0 && mapping > visit && school > mapping, 'newest first: Feb 2025, Jan 2025, Sep 2024');
  const onlySchool = await session.get(`/children/${session.childId}/chronology?type=school`);
  assert.match(onlySchool.body, /Started at Riverside Primary/);
  assert.doesNotMatch(onlySchool.body, /Home visit: seen/);
  assert.doesNotMatch(onlySchool.body, /Mapping meeting/);
  assert.match(onlySchool.body, /value="school" checked/);
  const other = await practitioner();
  assert.equal((await other.get(`/children/${session.childId}/chronology`)).statusCode, 404);
});

test('uploads: a drawing on direct work, served only through the checked route; a renamed PDF is refused', async () => {
  const session = await practitioner();
  const saved = await session.submit(`/children/${session.childId}/direct-work/new/wizard`, {
    wouldChangeWithMagic: 'Make Dad’s job come back',
    'doneOn-Day': '1',
    'doneOn-Month': '2',
    'doneOn-Year': '2025',
  });
  const workUrl = String(saved.headers.location).split('?')[0]!;
  const workId = workUrl.split('/').pop()!;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('picture')]);
  const upload = (
    body: object,
    headers: Record<string, string> = { ...session.headers, 'x-csrf-token': session.csrf },
  ) =>
    kith.app.inject({ method: 'POST', url: `/api/v1/children/${session.childId}/attachments`, headers, payload: body });

  const renamed = await upload({
    belongsTo: 'direct_work',
    belongsToId: workId,
    fileName: 'drawing.png',
    contentBase64: Buffer.from('%PDF-1.7 a letter').toString('base64'),
  });
  assert.equal(renamed.statusCode, 422);
  assert.match(renamed.json<{ detail: string }>().detail, /is called drawing.png but it is a PDF document/);

  const added = await upload({
    belongsTo: 'direct_work',
    belongsToId: workId,
    fileName: 'wand.png',
    description: 'Mia’s drawing of a magic wand',
    contentBase64: png.toString('base64'),
  });
  assert.equal(added.statusCode, 201, added.body);
  const { href } = added.json<{ href: string }>();
  const file = await session.get(href);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'image/png');
  assert.equal(file.headers['x-content-type-options'], 'nosniff');
  assert.match(String(file.headers['content-disposition']), /^inline; filename="wand.png"/);
  assert.match(String(file.headers['content-security-policy']), /sandbox/);
  assert.deepEqual(file.rawPayload, png);
  const page = await session.get(workUrl);
  assert.match(page.body, /<img class="app-attachment__image" src="[^"]+" alt="Mia’s drawing of a magic wand">/);

  const visit = await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const visitUrl = String(visit.headers.location).split('?')[0]!;
  const letter = await upload({
    belongsTo: 'visit',
    belongsToId: visitUrl.split('/').pop(),
    fileName: 'letter from school',
    contentBase64: Buffer.from('%PDF-1.4 the letter').toString('base64'),
  });
  assert.equal(letter.statusCode, 201, letter.body);
  const visitPage = await session.get(visitUrl);
  assert.match(visitPage.body, />letter from school.pdf<\/a>/);
  const pdf = await session.get(letter.json<{ href: string }>().href);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="letter from school.pdf"/);

  const elsewhere = await upload({
    belongsTo: 'direct_work',
    belongsToId: '00000000-0000-4000-8000-000000000001',
    fileName: 'x.png',
    contentBase64: png.toString('base64'),
  });
  assert.equal(elsewhere.statusCode, 404, 'only to a record of this child');
  const other = await practitioner();
  assert.equal((await other.get(href)).statusCode, 404, 'another council cannot open it');
  const otherUpload = await upload(
    { belongsTo: 'child_record', belongsToId: null, fileName: 'x.png', contentBase64: png.toString('base64') },
    { ...other.headers, 'x-csrf-token': other.csrf },
  );
  assert.equal(otherUpload.statusCode, 404);
});

test('search: a child’s records by meaning of the words, and across the children someone may open, nobody else’s', async () => {
  const session = await practitioner();
  await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  await session.submit(`/children/${session.childId}/own-words/new`, {
    words: 'Swimming <script>alert(1)</script> makes me happy',
    heardBy: 'Coach Sam',
    'heardOn-Day': '2',
    'heardOn-Month': '1',
    'heardOn-Year': '2025',
  });
  const child = await session.get(`/children/${session.childId}/search?q=${encodeURIComponent('readings dad')}`);
  assert.equal(child.statusCode, 200);
  assert.match(child.body, /1 result/);
  assert.match(child.body, /<mark>reads<\/mark>/, 'stemmed: "readings" finds "reads"');
  const escaped = await session.get(`/children/${session.childId}/search?q=swimming`);
  // The snippet is an excerpt (PostgreSQL leaves tags out of it); nothing typed ever runs.
  assert.match(escaped.body, /<mark>Swimming<\/mark>\s+alert\(1\)\s+makes me happy/);
  assert.doesNotMatch(escaped.body, /<script>alert/);

  const across = await session.get(`/search?q=${encodeURIComponent('"walks Robin to school"')}`);
  assert.equal(across.statusCode, 200);
  assert.match(across.body, /Robin: Visit, Monday 3 February 2025/);

  const other = await practitioner();
  await other.submit(`/children/${other.childId}/visits/new`, aVisit);
  const theirs = await other.get(`/search?q=${encodeURIComponent('"walks Robin to school"')}`);
  assert.match(theirs.body, /1 result/, 'only their own child, not the other council’s');
  assert.doesNotMatch(theirs.body, new RegExp(session.childId));
  const colleague = await sessionFor(
    (await createTestAccount(kith.database, session.council.id, { roles: ['practitioner'] })).email,
  );
  const none = await colleague.get(`/search?q=${encodeURIComponent('"walks Robin to school"')}`);
  assert.match(none.body, /0 results/, 'no relationship to the child: nothing found');
  assert.equal((await colleague.get(`/children/${session.childId}/search?q=dad`)).statusCode, 404);
});

test('search results come newest first unless best matches are asked for, with the number found', async () => {
  const session = await practitioner();
  const words = (text: string, day: string) =>
    session.submit(`/children/${session.childId}/own-words/new`, {
      words: text,
      heardBy: 'Coach Sam',
      'heardOn-Day': day,
      'heardOn-Month': '3',
      'heardOn-Year': '2025',
    });
  await words('Kite kite kite: flying my kite with Nan is the best, the kite goes so high', '1');
  await words('We might fly a kite on Saturday', '20');
  await words('I like my bike', '10');
  const order = (body: string) => [...body.matchAll(/In their own words, ([^<]*2025)/g)].map((match) => match[1]);

  const newest = await session.get(`/children/${session.childId}/search?q=kite`);
  assert.match(newest.body, /2 results/);
  assert.deepEqual(order(newest.body), ['20 March 2025', '1 March 2025']);
  assert.match(newest.body, /value="newest" checked/);

  const best = await session.get(`/children/${session.childId}/search?q=kite&order=best`);
  assert.deepEqual(order(best.body), ['1 March 2025', '20 March 2025'], 'more of the words ranks higher');
  assert.match(best.body, /value="best" checked/);

  const across = await session.get('/search?q=kite&order=best');
  assert.match(across.body, /2 results/);
});

test('search results come a page at a time: every match is counted, the first 200 can be seen, and each page links to the next', async () => {
  const session = await practitioner();
  await withTenant(kith.database.orm, session.council.id, async (tx) => {
    for (let day = 1; day <= 205; day += 1) {
      const heardOn = new Date(Date.UTC(2024, 0, day)).toISOString().slice(0, 10);
      await insertChildsWords(
        tx,
        session.council.id,
        session.childId,
        { words: `Kite number ${day} went up high`, heardBy: 'Coach Sam', heardOn, setting: null },
        { userId: null, label: 'Test' },
      );
    }
  });
  const shown = (body: string) =>
    [...body.matchAll(/<mark>Kite<\/mark> number (\d+) went/g)].map((match) => Number(match[1]));

  const first = await session.get(`/children/${session.childId}/search?q=kite`);
  assert.match(first.body, /205 results/);
  assert.match(first.body, /Showing results 1 to 20, newest first\. Only the first 200 can be shown/);
  assert.deepEqual(
    shown(first.body),
    Array.from({ length: 20 }, (_, index) => 205 - index),
  );
  assert.match(first.body, /href="\/children\/[^"]+\/search\?q=kite&amp;page=2"/);

  const last = await session.get(`/children/${session.childId}/search?q=kite&page=10`);
  assert.match(last.body, /Showing results 181 to 200/);
  assert.doesNotMatch(last.body, /search\?q=kite&amp;page=11/, 'no page past the 200 that can be shown');
  assert.deepEqual(
    shown(last.body),
    Array.from({ length: 20 }, (_, index) => 25 - index),
  );
  assert.match(last.body, /<title>Search results for kite \(page 10\)/);

  const best = await session.get(`/children/${session.childId}/search?q=kite&order=best&page=2`);
  assert.match(best.body, /205 results/);
  assert.match(best.body, /Showing results 21 to 40, best matches first/);
  assert.equal(shown(best.body).length, 20);

  const pastTheLast = await session.get(`/children/${session.childId}/search?q=kite+7&page=2`);
  assert.match(pastTheLast.body, /1 result</, 'a page past the last still counts the matches');
  assert.match(pastTheLast.body, /There are no results on this page/);
});

test('a family member the record is shared with reads the visit without the worker’s reflection, and cannot search it for it', async () => {
  const session = await practitioner();
  const saved = await session.submit(`/children/${session.childId}/visits/new`, aVisit);
  const visitUrl = String(saved.headers.location).split('?')[0]!;
  const staffView = await session.get(visitUrl);
  assert.match(staffView.body, /I wonder how Dad is coping since his job ended/);
  const personId = await withTenant(kith.database.orm, session.council.id, (tx) =>
    insertPerson(tx, session.council.id, { fullName: 'Dad Test' }),
  );
  const dad = await createTestAccount(kith.database, session.council.id, {
    roles: ['family_member'],
    kind: 'family',
    personId,
  });
  await withTenant(kith.database.orm, session.council.id, (tx) =>
    shareChildRecord(tx, session.council.id, {
      childPersonId: session.childId,
      userId: dad.userId,
      audience: 'family',
      agreement: 'Shared with Dad at the family meeting',
    }),
  );
  const family = await sessionFor(dad.email);
  const familyView = await family.get(visitUrl);
  assert.equal(familyView.statusCode, 200);
  assert.match(familyView.body, /I like it when Dad reads to me\./);
  assert.doesNotMatch(familyView.body, /I wonder how Dad is coping/);
  assert.doesNotMatch(familyView.body, /Correct this visit/);
  const search = await family.get(`/children/${session.childId}/search?q=coping`);
  assert.match(search.body, /0 results/, 'the reflection is not in the search index');
});
