/**
 * Signed-in journeys in a real browser, as the demo council's people: sign in (with two-factor
 * where the role needs it), click through the pages each role uses, and check every page with
 * axe-core. Screenshots land in screenshots/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../src/platform/auth/totp.js';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import {
  accessibilityViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  startKith,
  type RunningKith,
} from './helpers.js';

const MANAGER = { email: 'priya.kaur@demo-borough.example', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const ADMIN = { email: 'admin@demo-borough.example', secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' };

describe('signed in: each role’s pages in a real browser', () => {
  let kith: RunningKith;
  let browser: Browser;
  before(async () => {
    kith = await startKith();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await kith.stop();
  });

  async function checkPage(page: Page, name: string, heading: string | RegExp): Promise<void> {
    const shown = await page.locator('h1').first().innerText();
    if (typeof heading === 'string') assert.equal(shown, heading, `${name}: heading`);
    else assert.match(shown, heading, `${name}: heading`);
    const violations = await accessibilityViolations(page);
    assert.deepEqual(violations, [], `${name}: ${describeViolations(violations)}`);
    await screenshot(page, name);
  }

  async function signIn(page: Page, email: string, secret?: string): Promise<void> {
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (secret) {
      await page.waitForURL(/\/sign-in\/two-factor/);
      await checkPage(page, 'signed-in-two-factor', 'Enter your security code');
      await page.getByLabel('Security code').fill(totpCode(secret, Date.now()));
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  test('a practitioner opens Mia’s record, corrects a detail, reads its history, and makes an access token', async () => {
    const page = await browser.newPage();
    await signIn(page, 'alex.morgan@demo-borough.example');
    await page.goto(`${kith.baseUrl}/caseload`);
    await checkPage(page, 'signed-in-caseload', 'Children you work with');
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await checkPage(page, 'signed-in-child', /Mia/);
    const childPath = new URL(page.url()).pathname;
    await page.goto(`${kith.baseUrl}${childPath}/details`);
    await checkPage(page, 'signed-in-child-details', 'Change details');
    // An empty reason is refused with a GOV.UK error summary, and what was typed stays.
    await page.getByLabel('Known as').fill('Mimi');
    await page.getByRole('button', { name: /Save/ }).click();
    await checkPage(page, 'signed-in-child-details-error', 'Change details');
    assert.equal(await page.getByLabel('Known as').inputValue(), 'Mimi');
    await page.goto(`${kith.baseUrl}${childPath}/history`);
    await checkPage(page, 'signed-in-child-history', /Changes to Mia/);

    await page.getByRole('link', { name: /Your account/ }).click();
    await checkPage(page, 'signed-in-account', 'Your account');
    await page.getByRole('link', { name: 'Make an access token' }).click();
    await checkPage(page, 'signed-in-new-token', 'Make an access token');
    await page.getByRole('button', { name: 'Make token' }).click();
    await checkPage(page, 'signed-in-new-token-error', 'Make an access token');
    await page.getByLabel('Name').fill('Monthly caseload report');
    await page.getByLabel('List the children you work with').check();
    await page.getByRole('button', { name: 'Make token' }).click();
    await checkPage(page, 'signed-in-token-made', 'Your new access token');
    const token = await page.locator('#access-token').innerText();
    const api = await fetch(`${kith.baseUrl}/api/v1/children`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.status, 200);
    await page.close();
  });

  test('a team manager signs in with a code, sees who has seen Mia’s record and reviews restricted openings', async () => {
    const page = await browser.newPage();
    await signIn(page, MANAGER.email, MANAGER.secret);
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    const childPath = new URL(page.url()).pathname;
    await page.goto(`${kith.baseUrl}${childPath}/who-has-seen`);
    await checkPage(page, 'signed-in-who-has-seen', /seen/i);
    await page.goto(`${kith.baseUrl}/restricted-access`);
    await checkPage(page, 'signed-in-restricted-access', /restricted/i);
    await page.close();
  });

  test('an administrator signs in with a code and manages accounts and teams', async () => {
    const page = await browser.newPage();
    await signIn(page, ADMIN.email, ADMIN.secret);
    await page.goto(`${kith.baseUrl}/admin/users`);
    await checkPage(page, 'signed-in-admin-users', /Accounts/);
    await page.goto(`${kith.baseUrl}/admin/users/new`);
    await checkPage(page, 'signed-in-admin-new-user', /account/i);
    await page.goto(`${kith.baseUrl}/admin/teams`);
    await checkPage(page, 'signed-in-admin-teams', /Teams/);
    await page.goto(`${kith.baseUrl}/admin/users`);
    await page.getByRole('link', { name: 'Alex Morgan' }).click();
    await checkPage(page, 'signed-in-admin-user', 'Alex Morgan');
    await page.getByRole('link', { name: 'Companion words' }).click();
    await checkPage(page, 'signed-in-admin-language', 'The language companion’s words');
    await page.getByRole('link', { name: 'Add a word' }).click();
    await page.getByRole('button', { name: 'Add the word' }).click();
    await checkPage(page, 'signed-in-admin-language-add-error', 'Add a word for the companion to suggest');
    await page.close();
  });

  test('an auditor searches the audit log, and a family member can turn on two-factor sign-in', async () => {
    const page = await browser.newPage();
    await signIn(page, 'auditor@demo-borough.example');
    await page.goto(`${kith.baseUrl}/audit`);
    await checkPage(page, 'signed-in-audit', /audit/i);
    await page.close();

    const family = await browser.newPage();
    await signIn(family, 'sarah.thompson@family.example');
    await family.goto(`${kith.baseUrl}/account`);
    await checkPage(family, 'signed-in-family-account', 'Your account');
    await family.getByRole('link', { name: /Turn on/ }).click();
    await checkPage(family, 'signed-in-family-two-factor', 'Set up two-factor sign-in');
    await family.close();
  });
});
