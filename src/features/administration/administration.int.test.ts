import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm, submitForm } from '../../../test/helpers/forms.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';

const { cookieHeader, createTestAccount, csrfTokenIn, signIn } = accounts;

describe('council administration', () => {
  const kith = testAppPerFile();
  let councilId: string;
  let adminCookie: string;
  let adminUserId: string;

  before(async () => {
    const council = await createTestCouncil(kith.database, 'Administration');
    councilId = council.id;
    const admin = await createTestAccount(kith.database, councilId, {
      roles: ['council_administrator'],
      totpSecret: accounts.TEST_TOTP_SECRET,
    });
    adminUserId = admin.userId;
    adminCookie = await accounts.signInWithCode(kith.app, admin.email, accounts.TEST_TOTP_SECRET);
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    submitForm(kith.app, adminCookie, url, payload, '/admin/users');

  test('an administrator adds an account; its owner must choose their own password at first sign-in', async () => {
    const email = `new.worker.${Date.now()}@test.example`;
    const created = await post('/admin/users/new', {
      fullName: 'New Worker',
      email: email.toUpperCase(),
      roles: 'practitioner',
      teamId: '',
    });
    assert.equal(created.statusCode, 200);
    assert.match(created.body, /Account created/);
    const temporary = /id="temporary-password">([a-z0-9-]+)</.exec(created.body)![1]!;
    const cookie = await signIn(kith.app, email, temporary);
    const blocked = await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) });
    assert.equal(blocked.headers.location, '/account/password');
    const form = await kith.app.inject({ url: '/account/password', headers: cookieHeader(cookie) });
    assert.match(form.body, /You signed in with a temporary password/);
    const choosePassword = (newPassword: string) =>
      postForm(kith.app, cookie, '/account/password', {
        _csrf: csrfTokenIn(form.body),
        currentPassword: temporary,
        newPassword,
        confirmPassword: newPassword,
      });
    const weak = await choosePassword('password1234');
    assert.equal(weak.statusCode, 400);
    assert.match(weak.body, /Password is too common/);
    assert.doesNotMatch(weak.body, /password1234/, 'passwords are never put back into the page');
    const changed = await choosePassword('amber-lantern-harbour');
    assert.equal(changed.statusCode, 200);
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(cookie) })).statusCode, 200);
    const audit = await withTenant(kith.database.orm, councilId, (tx) =>
      searchAuditLog(tx, councilId, { action: 'admin.account_created' }),
    );
    assert.equal(audit.entries[0]?.actorUserId, adminUserId);
  });

  test('bad input: clear messages, nothing saved, what was typed stays', async () => {
    const response = await post('/admin/users/new', {
      fullName: '<script>alert(1)</script>',
      email: 'not-an-email',
      teamId: '',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /href="#email">Enter an email address in the correct format/);
    assert.match(response.body, /href="#roles">Choose at least one role/);
    assert.match(response.body, /value="&lt;script&gt;alert\(1\)&lt;\/script&gt;"/, 'typed text is kept, escaped');
    assert.doesNotMatch(response.body, /<script>alert\(1\)<\/script>/);
    const familyRole = await post('/admin/users/new', {
      fullName: 'Someone',
      email: 'someone@test.example',
      roles: 'family_member',
      teamId: '',
    });
    assert.match(familyRole.body, /Accounts made here are for staff/);
  });

  test('an address already in use is refused', async () => {
    const existing = await createTestAccount(kith.database, councilId, { roles: ['practitioner'] });
    const response = await post('/admin/users/new', {
      fullName: 'Duplicate',
      email: existing.email,
      roles: 'practitioner',
      teamId: '',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /An account with this email address already exists/);
  });

  test('disabling an account signs its owner out everywhere at once', async () => {
    const worker = await createTestAccount(kith.database, councilId, { roles: ['practitioner'] });
    const workerCookie = await signIn(kith.app, worker.email);
    const disabled = await post(`/admin/users/${worker.userId}/disable`, {});
    assert.equal(disabled.statusCode, 303);
    const after = await kith.app.inject({ url: '/caseload', headers: cookieHeader(workerCookie) });
    assert.equal(after.statusCode, 303);
    const signInAgain = await accounts.sendPassword(kith.app, worker.email);
    assert.equal(signInAgain.statusCode, 400, 'a disabled account cannot sign in');
    const enabled = await post(`/admin/users/${worker.userId}/enable`, {});
    assert.equal(enabled.statusCode, 303);
    assert.ok(await signIn(kith.app, worker.email));
  });

  test('an administrator cannot disable themselves or drop their own administrator role', async () => {
    const self = await post(`/admin/users/${adminUserId}/disable`, {});
    assert.equal(self.statusCode, 400);
    assert.match(self.body, /You cannot disable your own account/);
    const roles = await post(`/admin/users/${adminUserId}/roles`, { roles: 'auditor' });
    assert.equal(roles.statusCode, 400);
    assert.match(roles.body, /You cannot remove your own administrator role/);
  });

  test('roles change and sessions end on request, each audited', async () => {
    const worker = await createTestAccount(kith.database, councilId, { roles: ['practitioner'] });
    const workerCookie = await signIn(kith.app, worker.email);
    assert.equal(
      (await post(`/admin/users/${worker.userId}/roles`, { roles: ['practitioner', 'fgc_coordinator'] })).statusCode,
      303,
    );
    const page = await kith.app.inject({
      url: `/admin/users/${worker.userId}?notice=roles_changed`,
      headers: cookieHeader(adminCookie),
    });
    assert.match(page.body, /roles have been changed/);
    const ended = await post(`/admin/users/${worker.userId}/end-sessions`, {});
    assert.match(ended.body, /has been signed out on 1 device/);
    assert.equal((await kith.app.inject({ url: '/caseload', headers: cookieHeader(workerCookie) })).statusCode, 303);
    const actions = await withTenant(kith.database.orm, councilId, (tx) =>
      searchAuditLog(tx, councilId, { actorUserId: adminUserId }),
    );
    const names = actions.entries.map((entry) => entry.action);
    assert.ok(names.includes('admin.roles_changed') && names.includes('admin.sessions_ended'));
  });

  test('teams: create one, refuse a duplicate name, add a member', async () => {
    const name = `Team ${Date.now()}`;
    const created = await post('/admin/teams', { name });
    assert.match(created.body, new RegExp(`${name} has been created`));
    const duplicate = await post('/admin/teams', { name: name.toUpperCase() });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /A team with this name already exists/);
    const teamId = new RegExp(`/admin/teams/([0-9a-f-]{36})/members`).exec(created.body)![1]!;
    const worker = await createTestAccount(kith.database, councilId, { roles: ['practitioner'] });
    const added = await post(`/admin/teams/${teamId}/members`, { userId: worker.userId });
    assert.match(added.body, /has joined/);
  });
});
