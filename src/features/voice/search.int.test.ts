/** Searching through the pages: one child's records, across a caseload, newest or best first, a page at a time. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestAccount, shareRecordWith } from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { insertPerson } from '../people/queries.js';
import { insertChildsWords } from './queries.js';
import { aVisit, voiceSessions } from './voice-fixtures.js';

const kith = testAppPerFile();
const { sessionFor, practitioner } = voiceSessions(() => kith);

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

test('a family member the record is shared with cannot open the professional visit page or search the record: both look missing', async () => {
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
  await shareRecordWith(kith.database, session.council.id, {
    childPersonId: session.childId,
    userId: dad.userId,
    audience: 'family',
    agreement: 'Shared with Dad at the family meeting',
  });
  const family = await sessionFor(dad.email);
  const familyView = await family.get(visitUrl);
  assert.equal(familyView.statusCode, 404, 'a visit record is a professional page');
  assert.doesNotMatch(familyView.body, /I wonder how Dad is coping/);
  const search = await family.get(`/children/${session.childId}/search?q=coping`);
  assert.equal(search.statusCode, 404, 'searching the record is for professionals');
  assert.doesNotMatch(search.body, /coping/);
});
