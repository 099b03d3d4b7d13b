import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import {
  cookieHeader,
  createCouncilWithChild,
  createTestAccount,
  joinTeamOf,
  signIn,
  signInWithCode,
  TEST_TOTP_SECRET as SECRET,
} from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';

describe('who has seen a child’s record, and searching the log', () => {
  const kith = testAppPerFile();

  test('a manager of the child’s team sees each look at the record, newest first; looking is itself recorded', async () => {
    const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
    const workerCookie = await signIn(kith.app, practitioner.email);
    await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(workerCookie) });
    const manager = await createTestAccount(kith.database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
    await joinTeamOf(kith.database, council.id, practitioner.userId, manager.userId, true);
    const managerCookie = await signInWithCode(kith.app, manager.email, SECRET);
    const page = await kith.app.inject({
      url: `/children/${childId}/who-has-seen`,
      headers: cookieHeader(managerCookie),
    });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Who has seen Robin Test’s record/);
    assert.match(page.body, /Opened the child’s record/);
    assert.match(page.body, /Test practitioner \(practitioner\)/);
    const looked = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'audit.who_has_seen_viewed', actorUserId: manager.userId }),
    );
    assert.equal(looked.entries.length, 1);
  });

  test('a manager of another team cannot see it (404), and the attempt is recorded', async () => {
    const { council, childId } = await createCouncilWithChild(kith.database);
    const outsider = await createTestAccount(kith.database, council.id, {
      roles: ['team_manager'],
      totpSecret: SECRET,
    });
    const cookie = await signInWithCode(kith.app, outsider.email, SECRET);
    const page = await kith.app.inject({ url: `/children/${childId}/who-has-seen`, headers: cookieHeader(cookie) });
    assert.equal(page.statusCode, 404);
    const refused = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { actorUserId: outsider.userId, outcome: 'denied' }),
    );
    assert.equal(refused.entries.length, 1);
  });

  test('an auditor sees it for any child, and can search the whole log with filters; bad filters get clear messages', async () => {
    const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
    await kith.app.inject({
      url: `/children/${childId}`,
      headers: cookieHeader(await signIn(kith.app, practitioner.email)),
    });
    const auditor = await createTestAccount(kith.database, council.id, { roles: ['auditor'] });
    const cookie = await signIn(kith.app, auditor.email);
    assert.equal(
      (await kith.app.inject({ url: `/children/${childId}/who-has-seen`, headers: cookieHeader(cookie) })).statusCode,
      200,
    );
    assert.equal(
      (await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) })).statusCode,
      403,
      'but not the record itself',
    );
    const search = await kith.app.inject({
      url: `/audit?action=child_record.view&child=${childId}`,
      headers: cookieHeader(cookie),
    });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /Opened the child’s record/);
    const badOutcome = await kith.app.inject({
      url: '/audit?outcome=maybe&from=2026-1-1',
      headers: cookieHeader(cookie),
    });
    assert.equal(badOutcome.statusCode, 400);
    assert.match(badOutcome.body, /href="#outcome">Choose an outcome from the list/);
    assert.match(badOutcome.body, /href="#from">Enter the start date as YYYY-MM-DD/);
    const backwards = await kith.app.inject({
      url: '/audit?from=2026-12-01&to=2026-11-01',
      headers: cookieHeader(cookie),
    });
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /href="#to">The end date must be the same as or after the start date/);
    assert.match(backwards.body, /value="2026-12-01"/, 'what was typed stays on the page');
  });
});
