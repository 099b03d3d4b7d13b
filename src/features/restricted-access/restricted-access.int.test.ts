import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import {
  cookieHeader,
  createCouncilWithChild,
  createTestAccount,
  csrfTokenIn,
  joinTeamOf,
  restrictRecord,
  signIn,
  signInWithCode,
  TEST_TOTP_SECRET as SECRET,
} from '../../../test/helpers/accounts.js';
import { postForm } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { restrictedAccessGrants } from '../../platform/identity/schema.js';
import {
  DEFAULT_RESTRICTED_GRANT_RULE,
  restrictedGrantExpiry,
} from '../../platform/council-settings/restricted-grant.js';
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import { parseHtml, textsOf } from '../../../test/helpers/html.js';

const kith = testAppPerFile();

test('a restricted record: the allocated worker opens it; a colleague must give a reason; the manager reviews it', async () => {
  const { council, practitioner, childId } = await createCouncilWithChild(kith.database);
  const colleague = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const manager = await createTestAccount(kith.database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
  await restrictRecord(kith.database, council.id, childId);
  await joinTeamOf(kith.database, council.id, practitioner.userId, colleague.userId);
  await joinTeamOf(kith.database, council.id, practitioner.userId, manager.userId, true);

  const worker = await signIn(kith.app, practitioner.email);
  assert.equal((await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(worker) })).statusCode, 200);

  const colleagueCookie = await signIn(kith.app, colleague.email);
  const gate = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(colleagueCookie) });
  assert.equal(gate.statusCode, 403);
  assert.match(gate.body, /This record is restricted/);
  const until = ukDateTimeInWords(restrictedGrantExpiry(DEFAULT_RESTRICTED_GRANT_RULE, new Date()));
  assert.ok(
    textsOf(gate.body, 'p').includes(
      `To open it, say why your work needs it. You will be able to open it until ${until}. Your reason is recorded and your team manager will review it.`,
    ),
    'the page says until when',
  );
  const openWithReason = (reason: string) =>
    postForm(kith.app, colleagueCookie, `/children/${childId}/open-restricted`, {
      _csrf: csrfTokenIn(gate.body),
      reason,
    });
  const tooShort = await openWithReason('cover');
  assert.equal(tooShort.statusCode, 400);
  assert.match(tooShort.body, /at least 10 characters/);
  assert.match(tooShort.body, />cover</, 'the reason typed stays on the page');
  const opened = await openWithReason('Covering the duty visit while Alex is on leave');
  assert.equal(opened.statusCode, 303);
  assert.equal(
    (await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(colleagueCookie) })).statusCode,
    200,
  );
  const [grant] = await withTenant(kith.database.orm, council.id, (tx) =>
    tx.select().from(restrictedAccessGrants).where(eq(restrictedAccessGrants.userId, colleague.userId)),
  );
  // Short by default (finding 9: it was 7 days): until the end of the working day, UK time.
  assert.equal(
    grant!.expiresAt.toISOString(),
    restrictedGrantExpiry(DEFAULT_RESTRICTED_GRANT_RULE, grant!.grantedAt).toISOString(),
  );
  assert.ok(grant!.expiresAt.getTime() - grant!.grantedAt.getTime() <= 25 * 3_600_000, 'a day and an hour at most');

  const managerCookie = await signInWithCode(kith.app, manager.email, SECRET);
  const list = await kith.app.inject({ url: '/restricted-access', headers: cookieHeader(managerCookie) });
  assert.match(list.body, /Covering the duty visit while Alex is on leave/);
  // The review shows what was looked at under the opening: the record's front page, opened once.
  const listed = parseHtml(list.body);
  assert.deepEqual(textsOf(listed, 'table caption'), ['What Test practitioner looked at and did under this opening']);
  assert.deepEqual(textsOf(listed, 'table tbody tr td:nth-child(2)'), ['Opened the child’s record']);
  const reviewed = await postForm(kith.app, managerCookie, `/restricted-access/${grant!.id}/review`, {
    _csrf: csrfTokenIn(list.body),
    note: 'Agreed: duty cover',
  });
  assert.match(reviewed.body, /Review recorded/);
  assert.match(reviewed.body, /Nothing is waiting for your review/);
  const trail = await withTenant(kith.database.orm, council.id, (tx) =>
    searchAuditLog(tx, council.id, { childPersonId: childId }),
  );
  const actions = trail.entries.map((entry) => `${entry.action}:${entry.outcome}`);
  assert.ok(actions.includes('child_record.restricted_opened:allowed'));
  assert.ok(actions.includes('child_record.restricted_opening_reviewed:allowed'));
  assert.ok(actions.includes('child_record.view:denied'));
});

test('someone with no relationship to the child cannot open it by giving a reason', async () => {
  const { council, childId } = await createCouncilWithChild(kith.database);
  await restrictRecord(kith.database, council.id, childId);
  const stranger = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const cookie = await signIn(kith.app, stranger.email);
  const gate = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) });
  assert.equal(gate.statusCode, 404, 'not even the restricted page: they have no relationship');
  const page = await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
  const attempt = await postForm(kith.app, cookie, `/children/${childId}/open-restricted`, {
    _csrf: csrfTokenIn(page.body),
    reason: 'I would like to have a look please',
  });
  assert.equal(attempt.statusCode, 404);
});
