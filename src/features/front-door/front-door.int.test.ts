import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { formValuesIn } from '../../../test/helpers/forms.js';
import {
  peopleAroundAChild,
  type Caller,
  type PeopleAroundAChild,
} from '../../../test/helpers/people-around-a-child.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { ukDate } from '../../platform/views/clock.js';

let kith: TestApp;
let people: PeopleAroundAChild;
before(async () => {
  kith = await buildTestApp();
  people = await peopleAroundAChild(kith.app, kith.database);
});
after(() => kith.close());

const get = (caller: Caller, url: string) =>
  kith.app.inject({ url, headers: { cookie: `kith_session=${caller.cookie}` } });
/** Fills a form as the page renders it, with some fields changed, and submits it. */
async function submit(caller: Caller, url: string, changes: Record<string, string>, from = url) {
  const form = await get(caller, from);
  assert.equal(form.statusCode, 200, `${from}: ${form.statusCode}`);
  return kith.app.inject({
    method: 'POST',
    url,
    headers: { cookie: `kith_session=${caller.cookie}` },
    payload: { ...formValuesIn(form.body, url), ...changes },
  });
}
const api = (caller: Caller, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  kith.app.inject({ method, url: `/api/v1${url}`, headers: caller.headers, ...(payload ? { payload } : {}) });
const today = ukDate(new Date());
const [year, month, day] = today.split('-');
const todayFields = (prefix: string) => ({
  [`${prefix}-Day`]: String(Number(day)),
  [`${prefix}-Month`]: String(Number(month)),
  [`${prefix}-Year`]: year!,
});
const VALID_NHS = '943 476 5919';

describe('the front door, through the pages without JavaScript', () => {
  test('a contact kept as a draft, sent for a decision, its people found or added, decided as a referral', async () => {
    const { practitioner, manager } = people;
    const queue = await get(practitioner, '/front-door');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, /No contacts are waiting for a decision/);

    const draft = await submit(practitioner, '/front-door/contacts/new', {
      action: 'draft',
      worries: 'Robin came to school hungry three days this week.',
    });
    assert.equal(draft.statusCode, 303, draft.body.slice(0, 500));
    const contactUrl = String(draft.headers.location).split('?')[0]!;
    const shown = await get(practitioner, contactUrl);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /Draft/);
    assert.match(shown.body, /Robin came to school hungry/);

    const incomplete = await submit(practitioner, `${contactUrl}/edit`, { action: 'send' });
    assert.equal(incomplete.statusCode, 400);
    assert.match(incomplete.body, /Choose who got in touch/);
    assert.match(incomplete.body, /Choose whether the family knows and agrees/);
    assert.match(incomplete.body, /Robin came to school hungry/, 'nothing typed is lost');

    const noReason = await submit(practitioner, `${contactUrl}/edit`, {
      action: 'send',
      contactKind: 'partner_agency',
      contactName: 'Ms Patel',
      contactOrganisation: 'Hill Street Primary',
      consent: 'not_asked',
      urgency: 'standard',
    });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /Enter why we are going ahead without the family’s agreement/);

    const sent = await submit(practitioner, `${contactUrl}/edit`, {
      action: 'send',
      contactKind: 'partner_agency',
      contactName: 'Ms Patel',
      contactOrganisation: 'Hill Street Primary',
      consent: 'given',
      urgency: 'standard',
      goingWell: 'Robin is doing well in reading.',
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 800));
    const waiting = await get(practitioner, '/front-door');
    assert.match(waiting.body, /Waiting for a decision \(1\)/);
    assert.match(waiting.body, /Hill Street Primary/);
    assert.match(waiting.body, /Due by|Due today|Overdue/);

    const find = await get(
      practitioner,
      `${contactUrl}/people/find?fullName=Robin+Tst&born-Day=1&born-Month=5&born-Year=2016`,
    );
    assert.equal(find.statusCode, 200);
    assert.match(find.body, /Robin Test/);
    assert.match(find.body, /name, date of birth/);
    const addHref = /href="([^"]+people\?personId=[^"]+)"/.exec(find.body)![1]!.replace(/&amp;/g, '&');
    const added = await submit(practitioner, `${contactUrl}/people`, { involvement: 'child' }, addHref);
    assert.equal(added.statusCode, 303, added.body.slice(0, 500));

    const badNhs = await submit(practitioner, `${contactUrl}/people/new`, {
      involvement: 'child',
      fullName: 'Sky Newchild',
      nhsNumber: '943 476 5918',
    });
    assert.equal(badNhs.statusCode, 400);
    assert.match(badNhs.body, /Enter a real NHS number/);
    const newChild = await submit(practitioner, `${contactUrl}/people/new`, {
      involvement: 'child',
      fullName: 'Sky Newchild',
      nhsNumber: VALID_NHS,
      postcode: 'ab1 2cd',
      'born-Day': '3',
      'born-Month': '4',
      'born-Year': '2019',
    });
    assert.equal(newChild.statusCode, 303, newChild.body.slice(0, 500));
    const twice = await submit(practitioner, `${contactUrl}/people/new`, {
      involvement: 'child',
      fullName: 'Sky Again',
      nhsNumber: VALID_NHS,
    });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /already recorded/);
    const byNhs = await get(practitioner, `${contactUrl}/people/find?nhsNumber=9434765919`);
    assert.match(byNhs.body, /Sky Newchild/);
    assert.match(byNhs.body, /NHS number/);

    assert.equal((await get(practitioner, `${contactUrl}/decision`)).statusCode, 403);
    const noReasons = await submit(manager, `${contactUrl}/decision`, { decision: 'referral' });
    assert.equal(noReasons.statusCode, 400);
    assert.match(noReasons.body, /Enter the reasons for this decision/);
    const decided = await submit(manager, `${contactUrl}/decision`, {
      decision: 'referral',
      reasons: 'Hunger over several days and no explanation yet; an assessment will help us understand.',
      letterToFamily: 'We would like to meet you to talk about how things are at home and what would help.',
      ...todayFields('decided'),
    });
    assert.equal(decided.statusCode, 303, decided.body.slice(0, 800));
    const after = await get(practitioner, contactUrl);
    assert.match(after.body, /Referral to children’s social care/);
    assert.match(after.body, /Letter to the family/);
    const letter = await get(practitioner, `${contactUrl}/letter`);
    assert.equal(letter.statusCode, 200);
    assert.match(letter.body, /Dear family/);
    assert.match(letter.body, /Robin Test and Sky Newchild|Sky Newchild and Robin Test/);
    assert.equal((await get(manager, `${contactUrl}/decision`)).statusCode, 404, 'decided once');

    const entries = await withTenant(kith.database.orm, people.council.id, (tx) =>
      searchAuditLog(tx, people.council.id, { action: 'front_door.decided' }),
    );
    assert.ok(entries.entries.length >= 3, 'the decision is audited on the contact and on each child');
  });
});

describe('the front door, through the API', () => {
  test('record, add a new child, decide; bad input refused with nothing saved', async () => {
    const { practitioner, manager } = people;
    const refused = await api(practitioner, 'POST', '/contacts', {
      sendForDecision: true,
      receivedOn: today,
      worries: 'x',
    });
    assert.equal(refused.statusCode, 400, refused.body);
    const created = await api(practitioner, 'POST', '/contacts', {
      sendForDecision: true,
      receivedOn: today,
      contactKind: 'anonymous',
      worries: 'A neighbour heard shouting late at night.',
      consent: 'not_asked',
      consentReason: 'The caller did not give their name.',
      urgency: 'same_day',
    });
    assert.equal(created.statusCode, 201, created.body);
    const contact = created.json<{ id: string; decisionDueOn: string; status: string }>();
    assert.equal(contact.status, 'awaiting_decision');
    const early = await api(manager, 'POST', `/contacts/${contact.id}/decision`, {
      decision: 'early_help',
      reasons: 'Support would help.',
      letterToFamily: 'We can offer help.',
      decidedOn: today,
    });
    assert.equal(early.statusCode, 422, 'no child added yet');
    const child = await api(practitioner, 'POST', `/contacts/${contact.id}/people`, {
      involvement: 'child',
      fullName: 'Kai Apichild',
      dateOfBirth: '2020-02-02',
    });
    assert.equal(child.statusCode, 201, child.body);
    const noReasons = await api(manager, 'POST', `/contacts/${contact.id}/decision`, {
      decision: 'referral',
      reasons: '',
      letterToFamily: 'x',
      decidedOn: today,
    });
    assert.equal(noReasons.statusCode, 400);
    const decided = await api(manager, 'POST', `/contacts/${contact.id}/decision`, {
      decision: 'referral',
      reasons: 'Shouting at night and a young child: we need to understand more.',
      letterToFamily: 'We would like to visit you to talk about how things are.',
      decidedOn: today,
    });
    assert.equal(decided.statusCode, 200, decided.body);
    const body = decided.json<{ status: string; referrals: { childId: string; referralId: string | null }[] }>();
    assert.equal(body.status, 'decided');
    assert.equal(body.referrals.length, 1);
    assert.ok(body.referrals[0]!.referralId);
    const childPage = await get(manager, `/children/${body.referrals[0]!.childId}`);
    assert.equal(childPage.statusCode, 200, 'the new child has a record the decider may open');
    const queue = await api(practitioner, 'GET', '/contacts');
    assert.equal(queue.statusCode, 200);
    const { awaiting } = queue.json<{ awaiting: { id: string }[] }>();
    assert.ok(!awaiting.some((waiting) => waiting.id === contact.id), 'decided, so no longer waiting');
  });

  test('another council sees nothing', async () => {
    const created = await api(people.practitioner, 'POST', '/contacts', {
      sendForDecision: false,
      receivedOn: today,
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json<{ id: string }>().id;
    assert.equal((await api(people.outsider, 'GET', `/contacts/${id}`)).statusCode, 404);
    assert.equal((await get(people.outsider, `/front-door/contacts/${id}`)).statusCode, 404);
    assert.equal((await api(people.partner, 'GET', '/contacts')).statusCode, 403);
  });
});
