/** Visits through their pages: recording, refusing what cannot be right, correcting, drafts, and who may not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import { createTestAccount, shareRecordWith } from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { aVisit, voiceSessions } from './voice-fixtures.js';

const kith = testAppPerFile();
const { sessionFor, practitioner } = voiceSessions(() => kith);

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
  await shareRecordWith(kith.database, session.council.id, {
    childPersonId: session.childId,
    userId: partner.userId,
    audience: 'partner_agency',
    agreement: 'School safeguarding agreement',
  });
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
