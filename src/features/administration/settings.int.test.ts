/**
 * The council's settings page: an administrator sets how long a restricted record stays open
 * after a reason is given, and the next opening in that council (not another) lasts that long.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import * as accounts from '../../../test/helpers/accounts.js';
import { postForm, submitForm } from '../../../test/helpers/forms.js';
import { errorSummaryOf, parseHtml, textOf } from '../../../test/helpers/html.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { searchAuditLog } from '../../platform/audit/audit-log.js';
import { restrictedAccessGrants } from '../../platform/identity/schema.js';

const { cookieHeader, csrfTokenIn, signIn, TEST_TOTP_SECRET: SECRET } = accounts;

describe('council settings', () => {
  const kith = testAppPerFile();

  /** A council with a restricted child, a colleague in the child's team, and an administrator. */
  async function councilWithRestrictedChild() {
    const { council, practitioner, childId } = await accounts.createCouncilWithChild(kith.database);
    const colleague = await accounts.createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
    const admin = await accounts.createTestAccount(kith.database, council.id, {
      roles: ['council_administrator'],
      totpSecret: SECRET,
    });
    await accounts.restrictRecord(kith.database, council.id, childId);
    await accounts.joinTeamOf(kith.database, council.id, practitioner.userId, colleague.userId);
    const adminCookie = await accounts.signInWithCode(kith.app, admin.email, SECRET);
    return { council, childId, colleague, adminCookie };
  }

  /** The settings page as an administrator sees it. */
  async function settingsPage(cookie: string) {
    return parseHtml((await kith.app.inject({ url: '/admin/settings', headers: cookieHeader(cookie) })).body);
  }

  const saveSettings = (cookie: string, payload: Record<string, string>) =>
    submitForm(kith.app, cookie, '/admin/settings', payload);

  async function openRestricted(childId: string, email: string) {
    const cookie = await signIn(kith.app, email);
    const gate = await kith.app.inject({ url: `/children/${childId}`, headers: cookieHeader(cookie) });
    assert.equal(gate.statusCode, 403);
    const reason = 'Duty visit tonight, the allocated worker is away';
    const opened = await postForm(kith.app, cookie, `/children/${childId}/open-restricted`, {
      _csrf: csrfTokenIn(gate.body),
      reason,
    });
    assert.equal(opened.statusCode, 303);
    return gate;
  }

  test('the page shows the default: until the end of the working day, 17:30', async () => {
    const { adminCookie } = await councilWithRestrictedChild();
    const page = await settingsPage(adminCookie);
    assert.equal(
      textOf(page, '#current-rule'),
      'Now: a restricted record stays open until the end of the working day (5:30pm).',
    );
    assert.equal(page.querySelector('input[name="until"][checked]')?.getAttribute('value'), 'end_of_working_day');
    assert.equal(page.querySelector('#workingDayEndsAt')?.getAttribute('value'), '17:30');
  });

  test('an administrator chooses 2 hours: the next opening lasts 2 hours, and the change is audited', async () => {
    const { council, childId, colleague, adminCookie } = await councilWithRestrictedChild();
    const saved = await saveSettings(adminCookie, { until: 'hours', hours: '2', workingDayEndsAt: '17:30' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/admin/settings?notice=saved');
    const shown = parseHtml(
      (await kith.app.inject({ url: saved.headers.location, headers: cookieHeader(adminCookie) })).body,
    );
    assert.equal(textOf(shown, '.govuk-notification-banner__content'), 'The council’s settings have been saved.');
    assert.equal(textOf(shown, '#current-rule'), 'Now: a restricted record stays open for 2 hours.');

    const gate = await openRestricted(childId, colleague.email);
    assert.match(textOf(gate.body, 'main') ?? '', /You will be able to open it until \d+ \w+ \d{4} at \d\d:\d\d\./);
    const [grant] = await withTenant(kith.database.orm, council.id, (tx) =>
      tx.select().from(restrictedAccessGrants).where(eq(restrictedAccessGrants.userId, colleague.userId)),
    );
    assert.equal(grant!.expiresAt.getTime() - grant!.grantedAt.getTime(), 2 * 3_600_000);

    const trail = await withTenant(kith.database.orm, council.id, (tx) =>
      searchAuditLog(tx, council.id, { action: 'admin.settings_changed' }),
    );
    assert.equal(trail.entries.length, 1);
    assert.deepEqual(trail.entries[0]!.details, {
      setting: 'restricted_record_open_for',
      from: 'until the end of the working day (5:30pm)',
      to: 'for 2 hours',
    });
  });

  test('another council keeps its own setting', async () => {
    const first = await councilWithRestrictedChild();
    await saveSettings(first.adminCookie, { until: 'hours', hours: '3', workingDayEndsAt: '' });
    const second = await councilWithRestrictedChild();
    const page = await settingsPage(second.adminCookie);
    assert.equal(
      textOf(page, '#current-rule'),
      'Now: a restricted record stays open until the end of the working day (5:30pm).',
    );
  });

  test('bad answers: a GOV.UK error, what was typed kept, nothing saved', async () => {
    const { adminCookie } = await councilWithRestrictedChild();
    const cases: [Record<string, string>, string, string][] = [
      [{ hours: '8' }, 'Choose how long a restricted record stays open', '#until'],
      [{ until: 'hours', hours: '' }, 'Enter the number of hours, like 8', '#hours'],
      [{ until: 'hours', hours: '168' }, 'The number of hours must be a whole number from 1 to 24', '#hours'],
      [{ until: 'hours', hours: '2.5' }, 'The number of hours must be a whole number from 1 to 24', '#hours'],
      [
        { until: 'end_of_working_day', workingDayEndsAt: 'soon' },
        'Enter the time the working day ends as hours and minutes, like 17:30',
        '#workingDayEndsAt',
      ],
      [
        { until: 'end_of_working_day', workingDayEndsAt: '09:00' },
        'The working day must end between 12:00 and 23:59',
        '#workingDayEndsAt',
      ],
      [
        { until: 'end_of_working_day', workingDayEndsAt: '' },
        'Enter the time the working day ends, like 17:30',
        '#workingDayEndsAt',
      ],
      [{ until: 'for ever' }, 'Choose how long a restricted record stays open', '#until'],
    ];
    for (const [payload, message, field] of cases) {
      const response = await saveSettings(adminCookie, { workingDayEndsAt: '', hours: '', ...payload });
      assert.equal(response.statusCode, 400, JSON.stringify(payload));
      const page = parseHtml(response.body);
      assert.deepEqual(errorSummaryOf(page), [message]);
      assert.equal(page.querySelector('.govuk-error-summary__list a')?.getAttribute('href'), field);
      assert.match(textOf(page, 'title') ?? '', /^Error: /);
    }
    const kept = parseHtml((await saveSettings(adminCookie, { until: 'hours', hours: '168' })).body);
    assert.equal(kept.querySelector('#hours')?.getAttribute('value'), '168');
    const after = await settingsPage(adminCookie);
    assert.equal(
      textOf(after, '#current-rule'),
      'Now: a restricted record stays open until the end of the working day (5:30pm).',
    );
  });

  test('a time written 17.45 is read as 17:45; the hours kept from before when left blank', async () => {
    const { adminCookie } = await councilWithRestrictedChild();
    await saveSettings(adminCookie, { until: 'hours', hours: '4', workingDayEndsAt: '' });
    const saved = await saveSettings(adminCookie, {
      until: 'end_of_working_day',
      workingDayEndsAt: '17.45',
      hours: '',
    });
    assert.equal(saved.statusCode, 303);
    const page = await settingsPage(adminCookie);
    assert.equal(
      textOf(page, '#current-rule'),
      'Now: a restricted record stays open until the end of the working day (5:45pm).',
    );
    assert.equal(page.querySelector('#hours')?.getAttribute('value'), '4');
  });

  test('only a council administrator reaches the page', async () => {
    const { colleague } = await councilWithRestrictedChild();
    const cookie = await signIn(kith.app, colleague.email);
    const response = await kith.app.inject({ url: '/admin/settings', headers: cookieHeader(cookie) });
    assert.equal(response.statusCode, 403);
  });
});
