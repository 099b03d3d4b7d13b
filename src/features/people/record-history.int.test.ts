import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import {
  createCouncilWithChild,
  createTestAccount,
  csrfTokenIn,
  signIn,
  shareRecordWith,
} from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { insertPerson } from './queries.js';
import { formValuesIn } from '../../../test/helpers/forms.js';

const cookieHeader = (value: string) => ({ cookie: `kith_session=${value}` });
const kith = testAppPerFile();

const form = (overrides: Record<string, string> = {}) => ({
  fullName: 'Robin Test',
  knownAs: '',
  pronouns: 'they/them',
  'dob-Day': '1',
  'dob-Month': '5',
  'dob-Year': '2016',
  languages: 'English',
  whatTheyBring: '',
  reason: 'Robin told us their pronouns',
  expectedVersion: '0',
  ...overrides,
});

test('an edit never overwrites: the original and each change are kept with who, when and why', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  assert.match(page.body, /name="expectedVersion" value="0"/);
  const saved = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(cookie),
    payload: { _csrf: csrfTokenIn(page.body), ...form() },
  });
  assert.equal(saved.statusCode, 303);
  const history = await kith.app.inject({ url: `/children/${childId}/history`, headers: cookieHeader(cookie) });
  assert.match(history.body, /Version 2/);
  assert.match(history.body, /Version 1/);
  assert.match(history.body, /Robin told us their pronouns/);
  assert.match(history.body, /they\/them/);
  const changes = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { action: 'child_record.change' }),
  );
  assert.equal(changes.entries[0]?.details.fields, 'languages,pronouns');
  assert.doesNotMatch(
    JSON.stringify(changes.entries[0]?.details),
    /they\/them/,
    'the audit names fields, not their values',
  );
});

test('two people editing at once: the second save is refused with both versions shown, and nothing is lost', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const colleague = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const { allocateChild } = await import('../../platform/identity/accounts.js');
  await withTenant(kith.database.orm, council.id, (tx) =>
    allocateChild(tx, council.id, { childPersonId: childId, userId: colleague.userId }),
  );
  const first = await signIn(kith.app, practitioner.email);
  const second = await signIn(kith.app, colleague.email);
  const firstPage = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(first) });
  const secondPage = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(second) });
  const firstSave = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(first),
    payload: { _csrf: csrfTokenIn(firstPage.body), ...form({ knownAs: 'Robbie', reason: 'Their nickname' }) },
  });
  assert.equal(firstSave.statusCode, 303);
  const secondSave = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(second),
    payload: {
      _csrf: csrfTokenIn(secondPage.body),
      ...form({ whatTheyBring: 'Loves climbing', reason: 'From the school visit' }),
    },
  });
  assert.equal(secondSave.statusCode, 409);
  assert.match(secondSave.body, /Someone else changed these details/);
  assert.match(secondSave.body, /Robbie/, 'their saved version is shown');
  assert.match(secondSave.body, /Loves climbing/, 'what this person typed is still in the form');
  assert.match(secondSave.body, /name="expectedVersion" value="2"/);
  const retry = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(second),
    payload: {
      _csrf: csrfTokenIn(secondPage.body),
      ...form({
        knownAs: 'Robbie',
        whatTheyBring: 'Loves climbing',
        reason: 'From the school visit',
        expectedVersion: '2',
      }),
    },
  });
  assert.equal(retry.statusCode, 303);
});

test('bad input: clear messages, nothing saved, typed text kept', async () => {
  const { practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  const future = new Date().getUTCFullYear() + 1;
  const response = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(cookie),
    payload: {
      _csrf: csrfTokenIn(page.body),
      ...form({
        fullName: '',
        'dob-Year': String(future),
        reason: '',
        whatTheyBring: 'Kept text \u0000with a control character',
      }),
    },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /href="#fullName">Enter the child’s full name/);
  assert.match(response.body, /href="#reason">Explain why you are making this change/);
  assert.match(response.body, /href="#dob-day">Date of birth must be today or in the past/);
  assert.match(response.body, /Kept text with a control character/);
  const unchanged = await kith.app.inject({ url: `/children/${childId}/history`, headers: cookieHeader(cookie) });
  assert.match(unchanged.body, /have not been changed since they were first recorded/);
});

test('a correction keeps the original visible to staff; the history is a professional page the family cannot open', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const familyPersonId = await withTenant(kith.database.orm, council.id, (tx) =>
    insertPerson(tx, council.id, { fullName: 'Parent Test' }),
  );
  const parent = await createTestAccount(kith.database, council.id, {
    roles: ['family_member'],
    kind: 'family',
    personId: familyPersonId,
  });
  await shareRecordWith(kith.database, council.id, {
    childPersonId: childId,
    userId: parent.userId,
    audience: 'family',
    agreement: 'Shared with the family',
  });
  const worker = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(worker) });
  await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(worker),
    payload: {
      _csrf: csrfTokenIn(page.body),
      ...form({
        pronouns: '',
        languages: '',
        'dob-Year': '2015',
        reason: 'The year of birth was typed wrongly',
        isCorrection: 'yes',
      }),
    },
  });
  const staffView = await kith.app.inject({ url: `/children/${childId}/history`, headers: cookieHeader(worker) });
  assert.match(staffView.body, /Corrected later/);
  assert.match(staffView.body, /1 May 2016/, 'staff see the original');
  const familyView = await kith.app.inject({
    url: `/children/${childId}/history`,
    headers: cookieHeader(await signIn(kith.app, parent.email)),
  });
  assert.equal(familyView.statusCode, 404, 'it looks as if there were no such record');
  assert.doesNotMatch(familyView.body, /1 May 2016/);
});

test('saving the details form exactly as the page renders it keeps the date of birth (field names agree)', async () => {
  const { practitioner, childId } = await createCouncilWithChild(kith.database);
  const cookie = await signIn(kith.app, practitioner.email);
  const page = await kith.app.inject({ url: `/children/${childId}/details`, headers: cookieHeader(cookie) });
  const asRendered = formValuesIn(page.body, `/children/${childId}/details`);
  const saved = await kith.app.inject({
    method: 'POST',
    url: `/children/${childId}/details`,
    headers: cookieHeader(cookie),
    payload: { ...asRendered, knownAs: 'Robbie', reason: 'Their nickname' },
  });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const child = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) });
  assert.match(child.body, /1 May 2016/, 'the date of birth the page showed is still there');
});
