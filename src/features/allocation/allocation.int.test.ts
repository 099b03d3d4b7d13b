/**
 * Who holds a child's record: a team manager transfers a child with a handover note (refused
 * without one, or to someone outside the council: nothing saved), the new worker is asked to read
 * it and says so, and the history keeps everyone who held the record. The same through the API.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { postForm, submitForm } from '../../../test/helpers/forms.js';
import { errorSummaryOf, parseHtml, textOf, textsOf } from '../../../test/helpers/html.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { ukDate } from '../../platform/views/clock.js';
import { dateInputParts } from '../../platform/http/forms.js';

const { cookieHeader } = accounts;

describe('allocation', () => {
  const kith = testAppPerFile();

  async function councilWithManager() {
    const { council, practitioner, childId } = await accounts.createCouncilWithChild(kith.database);
    const manager = await accounts.createTestAccount(kith.database, council.id, {
      roles: ['team_manager'],
      totpSecret: accounts.TEST_TOTP_SECRET,
    });
    const newWorker = await accounts.createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
    await accounts.joinTeamOf(kith.database, council.id, practitioner.userId, manager.userId, true);
    await accounts.joinTeamOf(kith.database, council.id, practitioner.userId, newWorker.userId);
    const managerCookie = await accounts.signInWithCode(kith.app, manager.email, accounts.TEST_TOTP_SECRET);
    return { council, practitioner, childId, manager, newWorker, managerCookie };
  }

  const { day, month, year } = dateInputParts(ukDate(new Date()));
  const today = { 'startsOn-Day': day, 'startsOn-Month': month, 'startsOn-Year': year };

  test('a transfer needs a worker in the council, a reason and a handover note: nothing saved otherwise', async () => {
    const { childId, managerCookie } = await councilWithManager();
    const stranger = await createTestCouncil(kith.database, 'Another council');
    const outsider = await accounts.createTestAccount(kith.database, stranger.id, { roles: ['practitioner'] });
    const url = `/children/${childId}/allocation/transfer`;
    const empty = await submitForm(kith.app, managerCookie, url, {
      ...today,
      userId: '',
      reason: '',
      handoverNote: '',
    });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(errorSummaryOf(empty.body), [
      'Choose who the child is transferred to',
      'Enter why the child is being transferred',
      'Enter a handover note for the new worker',
    ]);
    const outside = await submitForm(kith.app, managerCookie, url, {
      ...today,
      userId: outsider.userId,
      reason: 'Moving teams',
      handoverNote: 'Robin likes football.',
    });
    assert.equal(outside.statusCode, 400);
    assert.deepEqual(errorSummaryOf(outside.body), ['Choose a social worker or team manager in this council']);
    assert.equal(parseHtml(outside.body).querySelector('#handoverNote')?.textContent.trim(), 'Robin likes football.');
    const page = parseHtml(
      (await kith.app.inject({ url: `/children/${childId}/allocation`, headers: cookieHeader(managerCookie) })).body,
    );
    assert.equal(textsOf(page, 'tbody tr').length, 1);
  });

  test('the new worker is asked to read the handover note, and the history keeps who held the record', async () => {
    const { council, childId, managerCookie, newWorker, practitioner } = await councilWithManager();
    const allocated = await submitForm(kith.app, managerCookie, `/children/${childId}/allocation/new`, {
      ...today,
      userId: newWorker.userId,
    });
    assert.equal(allocated.statusCode, 400);
    assert.match(errorSummaryOf(allocated.body)[0] ?? '', /is allocated to .*: transfer them instead/);

    const transferred = await submitForm(kith.app, managerCookie, `/children/${childId}/allocation/transfer`, {
      ...today,
      userId: newWorker.userId,
      reason: 'Caseloads balanced across the team',
      handoverNote: 'Robin is doing well at school. Next: the child in need review on Friday.',
    });
    assert.equal(transferred.statusCode, 303, transferred.body);

    const workerCookie = await accounts.signIn(kith.app, newWorker.email);
    const page = await kith.app.inject({ url: `/children/${childId}/allocation`, headers: cookieHeader(workerCookie) });
    assert.equal(page.statusCode, 200);
    const shown = parseHtml(page.body);
    assert.equal(textOf(shown, '.govuk-notification-banner__title'), 'Read before you start');
    assert.match(textOf(shown, '.govuk-notification-banner__content') ?? '', /the child in need review on Friday/);
    assert.equal(textsOf(shown, 'tbody tr').length, 2);

    // Only the worker it was written for can say they read it.
    const form = shown.querySelector('.govuk-notification-banner form');
    const action = form!.getAttribute('action')!;
    const formerCookie = await accounts.signIn(kith.app, practitioner.email);
    const byOther = await submitForm(kith.app, formerCookie, action, {}, `/children/${childId}/allocation`);
    assert.equal(byOther.statusCode, 404);
    const read = await postForm(kith.app, workerCookie, action, { _csrf: accounts.csrfTokenIn(page.body) });
    assert.equal(read.statusCode, 303);
    const after = parseHtml(
      (await kith.app.inject({ url: read.headers.location!, headers: cookieHeader(workerCookie) })).body,
    );
    assert.equal(textOf(after, '.govuk-notification-banner__content'), 'You have read the handover note');

    const { entries } = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { childPersonId: childId }),
    );
    const actions = entries.map((entry) => entry.action);
    assert.ok(actions.includes('allocation.transferred'));
    assert.ok(actions.includes('allocation.handover_read'));
  });

  test('a practitioner may see who holds the record but not transfer it', async () => {
    const { childId, practitioner } = await councilWithManager();
    const cookie = await accounts.signIn(kith.app, practitioner.email);
    const page = await kith.app.inject({ url: `/children/${childId}/allocation`, headers: cookieHeader(cookie) });
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(parseHtml(page.body).querySelector('a[href$="/allocation/transfer"]'), null);
    const transfer = await kith.app.inject({
      url: `/children/${childId}/allocation/transfer`,
      headers: cookieHeader(cookie),
    });
    assert.equal(transfer.statusCode, 403);
  });

  test('the API transfers with the same rules', async () => {
    const { childId, managerCookie, newWorker } = await councilWithManager();
    const csrf = accounts.csrfTokenIn(
      (await kith.app.inject({ url: `/children/${childId}/allocation`, headers: cookieHeader(managerCookie) })).body,
    );
    const headers = { ...cookieHeader(managerCookie), 'x-csrf-token': csrf };
    const url = `/api/v1/children/${childId}/allocations/transfer`;
    const startsOn = ukDate(new Date());
    const missing = await kith.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { userId: newWorker.userId, startsOn },
    });
    assert.equal(missing.statusCode, 400);
    const done = await kith.app.inject({
      method: 'POST',
      url,
      headers,
      payload: { userId: newWorker.userId, startsOn, reason: 'Moving teams', handoverNote: 'All is in the plan.' },
    });
    assert.equal(done.statusCode, 201, done.body);
    const body = done.json();
    assert.equal(body.current.length, 1);
    assert.equal(body.current[0].userId, newWorker.userId);
    assert.equal(body.history.length, 2);
    assert.equal(body.history[1].handoverNote, 'All is in the plan.');
  });
});
