/** The child's words, taking part, direct work, the chronology and uploads, through their pages. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { defineFeature } from '../../platform/features/feature.js';
import { participationPreferenceOf } from './service.js';
import { aVisit, voiceSessions } from './voice-fixtures.js';

/** The child whose chronology the stand-in feature below adds an event to (set by the test). */
let childWithTestEvent = '';
/** Another feature's chronology source, as a feature's manifest offers it. */
const featureWithAChronologySource = defineFeature({
  name: 'test-chronology',
  chronology: [
    {
      type: 'test_mapping',
      name: 'Mapping (test)',
      read: async (_tx, _tenantId, childId) =>
        childId === childWithTestEvent
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
    },
  ],
});

let kith: TestApp;
before(async () => {
  kith = await buildTestApp(undefined, [featureWithAChronologySource]);
});
after(() => kith.close());
const { practitioner } = voiceSessions(() => kith);

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
  childWithTestEvent = session.childId;
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
