/**
 * The council's timescale policy: an administrator changes it with a reason (refused without one,
 * or beyond the statutory longest), adds and removes closure days, and the council's calendar
 * (what every due date counts with) follows; each change is a version, audited.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { submitForm } from '../../../test/helpers/forms.js';
import { errorSummaryOf, parseHtml, textOf, textsOf } from '../../../test/helpers/html.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { addWorkingDays } from '../../platform/working-days/index.js';
import { councilCalendar, timescalePolicy } from './index.js';

const { cookieHeader, TEST_TOTP_SECRET: SECRET } = accounts;

const defaults = {
  nation: 'england',
  visitFamilyHelp: '20',
  visitChildProtection: '10',
  visitChildInCare: '30',
  visitCareLeaver: '40',
  reviewFamilyHelp: '3',
  reviewChildProtectionFirst: '3',
  reviewChildProtectionLater: '6',
  reviewChildInCareFirst: '20',
  reviewChildInCareSecond: '3',
  reviewChildInCareLater: '6',
  expectedVersion: '0',
};

describe('timescales', () => {
  const kith = testAppPerFile();

  async function adminOfNewCouncil() {
    const council = await createTestCouncil(kith.database, 'Council with timescales');
    const admin = await accounts.createTestAccount(kith.database, council.id, {
      roles: ['council_administrator'],
      totpSecret: SECRET,
    });
    const cookie = await accounts.signInWithCode(kith.app, admin.email, SECRET);
    return { council, admin, cookie };
  }

  const page = async (cookie: string, url = '/admin/timescales') =>
    parseHtml((await kith.app.inject({ url, headers: cookieHeader(cookie) })).body);

  test('Kith’s defaults until a council changes them: child protection visits every 10 working days', async () => {
    const { council, cookie } = await adminOfNewCouncil();
    const shown = await page(cookie);
    assert.ok(textsOf(shown, '.govuk-summary-list__value').includes('Every 10 working days'));
    assert.match(textOf(shown, 'main') ?? '', /The policy has not been changed: it is Kith’s default\./);
    const policy = await withTenant(kith.database.orm, council.id, (tx) => timescalePolicy(tx, council.id));
    assert.deepEqual(policy.visitEveryWorkingDays, {
      family_help: 20,
      child_protection: 10,
      child_in_care: 30,
      care_leaver: 40,
    });
  });

  test('a change needs a reason and stays within the statutory longest: nothing saved otherwise', async () => {
    const { cookie } = await adminOfNewCouncil();
    const refused = await submitForm(kith.app, cookie, '/admin/timescales/change', {
      ...defaults,
      visitChildProtection: '15',
      reviewFamilyHelp: 'often',
      reason: '',
    });
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(errorSummaryOf(refused.body), [
      'Child protection visits must be 10 working days or fewer',
      'Family Help plan reviews must be a whole number of months, like 6',
      'Enter why the policy is changing',
    ]);
    assert.equal(parseHtml(refused.body).querySelector('#reviewFamilyHelp')?.getAttribute('value'), 'often');
    assert.match(textOf(await page(cookie), 'main') ?? '', /it is Kith’s default/);
  });

  test('a change with a reason is a new version, audited with what changed', async () => {
    const { council, cookie } = await adminOfNewCouncil();
    const saved = await submitForm(kith.app, cookie, '/admin/timescales/change', {
      ...defaults,
      visitChildProtection: '8',
      reason: 'Practice leadership meeting, 1 December 2026',
    });
    assert.equal(saved.statusCode, 303);
    const shown = await page(cookie, saved.headers.location);
    assert.equal(textOf(shown, '.govuk-notification-banner__content'), 'The timescale policy has been changed');
    assert.ok(textsOf(shown, '.govuk-summary-list__value').includes('Every 8 working days'));
    assert.ok(textsOf(shown, 'td').includes('Practice leadership meeting, 1 December 2026'));

    const stale = await submitForm(kith.app, cookie, '/admin/timescales/change', {
      ...defaults,
      visitChildProtection: '9',
      reason: 'From an old page',
    });
    assert.equal(stale.statusCode, 409);

    const { entries } = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'timescales.policy_changed' }),
    );
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.details, {
      version: 1,
      changes: ['Child protection visits: 10 working days to 8 working days'],
    });
  });

  test('closure days are not working days; a weekend or bank holiday is refused; removal needs a reason', async () => {
    const { council, cookie } = await adminOfNewCouncil();
    const bankHoliday = await submitForm(kith.app, cookie, '/admin/timescales/closure-days/new', {
      'date-Day': '28',
      'date-Month': '12',
      'date-Year': '2026',
      name: 'Council closure',
      reason: 'Christmas',
    });
    assert.equal(bankHoliday.statusCode, 400);
    assert.deepEqual(errorSummaryOf(bankHoliday.body), ['Closure date is a bank holiday, which never counts already']);
    for (const day of ['29', '30', '31']) {
      const added = await submitForm(kith.app, cookie, '/admin/timescales/closure-days/new', {
        'date-Day': day,
        'date-Month': '12',
        'date-Year': '2026',
        name: 'Council closure',
        reason: 'Offices closed between Christmas and New Year',
      });
      assert.equal(added.statusCode, 303);
    }
    const calendar = await withTenant(kith.database.orm, council.id, (tx) => councilCalendar(tx, council.id));
    assert.deepEqual(calendar, { nation: 'england', closureDays: ['2026-12-29', '2026-12-30', '2026-12-31'] });
    assert.equal(addWorkingDays('2026-12-24', 1, calendar), '2027-01-04');

    const noReason = await submitForm(kith.app, cookie, '/admin/timescales/closure-days/2026-12-31/remove', {
      reason: ' ',
    });
    assert.equal(noReason.statusCode, 400);
    const removed = await submitForm(kith.app, cookie, '/admin/timescales/closure-days/2026-12-31/remove', {
      reason: 'Offices open on New Year’s Eve this year',
    });
    assert.equal(removed.statusCode, 303);
    const missing = await kith.app.inject({
      url: '/admin/timescales/closure-days/2026-12-31/remove',
      headers: cookieHeader(cookie),
    });
    assert.equal(missing.statusCode, 404);
    const after = await withTenant(kith.database.orm, council.id, (tx) => councilCalendar(tx, council.id));
    assert.deepEqual(after.closureDays, ['2026-12-29', '2026-12-30']);
  });

  test('the API reads and changes the policy with the same rules', async () => {
    const { cookie } = await adminOfNewCouncil();
    const csrf = accounts.csrfTokenIn(
      (await kith.app.inject({ url: '/admin/timescales', headers: cookieHeader(cookie) })).body,
    );
    const headers = { ...cookieHeader(cookie), 'x-csrf-token': csrf };
    const read = await kith.app.inject({ url: '/api/v1/timescales', headers });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().version, 0);
    const body = { ...defaults, expectedVersion: 0, visitChildInCare: 25, reason: 'Ofsted recommendation' };
    const changed = await kith.app.inject({ method: 'PUT', url: '/api/v1/timescales', headers, payload: body });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().visitEveryWorkingDays.child_in_care, 25);
    assert.equal(changed.json().history.length, 1);
    const again = await kith.app.inject({ method: 'PUT', url: '/api/v1/timescales', headers, payload: body });
    assert.equal(again.statusCode, 409);
    const tooLong = await kith.app.inject({
      method: 'PUT',
      url: '/api/v1/timescales',
      headers,
      payload: { ...body, expectedVersion: 1, visitChildInCare: 45 },
    });
    assert.equal(tooLong.statusCode, 400);
  });
});
