/**
 * Safe uncertainty and the assessment of need in a real browser: the practitioner records a
 * position, adds a question, and writes and submits an assessment; the team manager signs in
 * with a code and signs it off; the edit is then no longer possible. Every new page passes
 * axe-core, and each is photographed into screenshots/ for a person to look at.
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

const PRACTITIONER = 'alex.morgan@demo-borough.example';
const MANAGER = { email: 'priya.kaur@demo-borough.example', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };

describe('safe uncertainty and the assessment of need', () => {
  let kith: RunningKith;
  let browser: Browser;
  let childPath = '';
  let versionPath = '';
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
      await page.getByLabel('Security code').fill(totpCode(secret, Date.now()));
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  test('the practitioner records a position and a question on Mia’s grid', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(page, PRACTITIONER);
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    childPath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Safe uncertainty' }).click();
    await checkPage(page, 'safe-uncertainty', 'Safe uncertainty');
    assert.equal(await page.locator('svg.app-grid .app-grid__point').count(), 3, 'Mia’s three positions');
    assert.equal(await page.getByText('Due to revisit', { exact: true }).count(), 1);

    await page.getByRole('button', { name: 'Record where we are now' }).click();
    await checkPage(page, 'safe-uncertainty-record-position', 'Where the work with Mia stands now');
    await page.getByRole('button', { name: 'Save position' }).click();
    await checkPage(page, 'safe-uncertainty-record-position-error', 'Where the work with Mia stands now');
    await page.getByLabel('Safe uncertainty (where we aim to be)').check();
    await page
      .getByLabel('Why?')
      .fill('The plan held through the half-term holiday. We keep asking Mia how home feels.');
    // The language companion sits beside the reasons, as on the child's details.
    await page.locator('#reasons-language-hints').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Save position' }).click();
    await page.waitForURL(/notice=position_recorded/);
    assert.equal(await page.locator('svg.app-grid .app-grid__point').count(), 4);

    await page.getByRole('button', { name: 'Add a question or hypothesis' }).click();
    await checkPage(page, 'safe-uncertainty-add-question', 'Add something we do not know yet');
    await page.getByLabel('Hypothesis').check();
    await page.getByLabel('What is it?').fill('Mia is calmer on the weeks she sees her dad on Saturday.');
    const revisit = new Date(Date.now() + 30 * 86_400_000);
    await page.getByLabel('Day').fill(String(revisit.getUTCDate()));
    await page.getByLabel('Month').fill(String(revisit.getUTCMonth() + 1));
    await page.getByLabel('Year').fill(String(revisit.getUTCFullYear()));
    await page.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/notice=question_added/);
    await checkPage(page, 'safe-uncertainty-after', 'Safe uncertainty');
    assert.ok(await page.getByText('Mia is calmer on the weeks she sees her dad').first().isVisible());

    await page
      .getByRole('link', { name: /Record what was found/ })
      .first()
      .click();
    await checkPage(page, 'safe-uncertainty-record-finding', 'Record what was found');
    await page.close();
  });

  test('the practitioner starts, writes and submits an assessment of need', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(page, PRACTITIONER);
    await page.goto(`${kith.baseUrl}${childPath}/assessments`);
    await checkPage(page, 'assessment-list', 'Assessment of need');

    // Mia's demo assessment: version 1 signed off, version 2 a draft, and what changed.
    await page.getByRole('link', { name: 'Version 2' }).click();
    await checkPage(page, 'assessment-demo-version-2', 'Assessment of need');
    await page.getByRole('link', { name: /What changed since version 1/ }).click();
    await checkPage(page, 'assessment-demo-changes', 'What changed in version 2');

    await page.goto(`${kith.baseUrl}${childPath}/assessments`);
    await page.getByRole('button', { name: 'Start an assessment of need' }).click();
    await checkPage(page, 'assessment-new', 'Start an assessment of need');
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.waitForURL(/versions\/1\?notice=started/);
    versionPath = new URL(page.url()).pathname;
    await checkPage(page, 'assessment-draft', 'Assessment of need');

    await page.getByRole('link', { name: 'The child’s developmental needs' }).first().click();
    await checkPage(page, 'assessment-edit-section', 'The child’s developmental needs');
    await page.getByLabel('Needs and worries').fill('Mia is still tired on Monday mornings.');
    await page.getByLabel('Mia’s view').fill('“Mondays are hard. Fridays are the best.”');
    await page.locator('#developmentNeeds-language-hints').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Save and go back to the assessment' }).click();
    await page.waitForURL(/notice=saved/);
    // Needs with no strengths: the balance check notes it, and never blocks.
    assert.ok(await page.getByText('No strengths recorded yet: what is working well?').isVisible());

    await page.getByRole('link', { name: 'Parenting capacity' }).first().click();
    await page
      .getByLabel('Strengths: what is working well')
      .fill('Sarah and Dan have kept the safety plan for months.');
    await page.getByRole('button', { name: 'Save and go back to the assessment' }).click();
    await page.waitForURL(/notice=saved/);

    await page.getByRole('button', { name: 'Check and submit' }).click();
    await checkPage(page, 'assessment-check-answers', 'Check the assessment before you submit it');
    assert.ok(await page.getByRole('heading', { name: 'Balance check' }).isVisible());
    await page.getByRole('button', { name: 'Submit for sign-off' }).click();
    await page.waitForURL(/notice=submitted/);
    await checkPage(page, 'assessment-submitted', 'Assessment of need');
    assert.ok(await page.getByText('Version 1: waiting for sign-off').isVisible());
    await page.close();
  });

  test('the team manager signs in with a code and signs it off; then no edit is possible', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(page, MANAGER.email, MANAGER.secret);
    await page.goto(`${kith.baseUrl}${versionPath}`);
    await page.getByRole('button', { name: 'Sign off or return' }).click();
    await checkPage(page, 'assessment-sign-off', 'Sign off or return this assessment');
    await page.getByRole('button', { name: 'Confirm your decision' }).click();
    await checkPage(page, 'assessment-sign-off-error', 'Sign off or return this assessment');
    await page.getByLabel('Sign it off').check();
    await page.getByLabel('Your comment').fill('Clear, balanced and in Mia’s own words. Agreed.');
    await page.getByRole('button', { name: 'Confirm your decision' }).click();
    await page.waitForURL(/notice=signed_off/);
    await checkPage(page, 'assessment-signed-off', 'Assessment of need');
    assert.ok(await page.getByText('Version 1: signed off').isVisible());
    assert.equal(await page.getByRole('link', { name: 'Change' }).count(), 0, 'no change links once signed off');

    const edit = await page.goto(`${kith.baseUrl}${versionPath}/sections/development`);
    assert.equal(edit?.status(), 409);
    await checkPage(page, 'assessment-edit-locked', 'The child’s developmental needs');
    assert.ok(
      await page
        .getByText(/signed off and locked/)
        .first()
        .isVisible(),
    );
    assert.equal(await page.getByRole('button', { name: 'Save and go back to the assessment' }).count(), 0);
    await page.close();
  });

  test('the practitioner finds the signed-off version locked too', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(page, PRACTITIONER);
    await page.goto(`${kith.baseUrl}${versionPath}`);
    assert.ok(await page.getByText('Version 1: signed off').isVisible());
    assert.equal(await page.getByRole('button', { name: 'Check and submit' }).count(), 0);
    const edit = await page.goto(`${kith.baseUrl}${versionPath}/sections/parenting`);
    assert.equal(edit?.status(), 409);
    await page.close();
  });
});
