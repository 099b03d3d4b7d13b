/**
 * The front door in a real browser: a practitioner records a contact about a new child (saved
 * as a draft first, then sent for a decision), finds no one known and adds the child; the team
 * manager decides it is a referral, which opens the child's record; the letter to the family is
 * shown. The contact and the decision are done again with JavaScript off. Every page passes
 * axe-core (with JavaScript on: axe is itself a script) and is photographed into screenshots/.
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

describe('the front door', () => {
  let kith: RunningKith;
  let browser: Browser;
  before(async () => {
    // KITH_BASE_URL: a Kith already running (on a busy machine it may take longer than startKith waits).
    const running = process.env.KITH_BASE_URL;
    kith = running ? { baseUrl: running, stop: () => Promise.resolve() } : await startKith();
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
    // axe-core runs as script in the page: with JavaScript off it never finishes. The same pages
    // are checked with JavaScript on.
    if (!name.endsWith('-no-js')) {
      const violations = await accessibilityViolations(page);
      assert.deepEqual(violations, [], `${name}: ${describeViolations(violations)}`);
    }
    await screenshot(page, name);
  }

  /**
   * A security code from a 30-second step not used yet: Kith refuses a code used once already,
   * and the manager signs in twice (JavaScript on, then off), often within one step.
   */
  let lastStepUsed = -1;
  async function unusedCode(secret: string): Promise<string> {
    while (Math.floor(Date.now() / 30_000) <= lastStepUsed) await new Promise((resolve) => setTimeout(resolve, 1000));
    lastStepUsed = Math.floor(Date.now() / 30_000);
    return totpCode(secret, Date.now());
  }

  async function signIn(page: Page, email: string, secret?: string): Promise<void> {
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (secret) {
      await page.waitForURL(/\/sign-in\/two-factor/);
      await page.getByLabel('Security code').fill(await unusedCode(secret));
      await page.getByRole('button', { name: 'Continue' }).click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  /** A contact recorded and its child added, through the pages; the contact page's path. */
  async function recordContact(page: Page, childName: string, suffix: string): Promise<string> {
    await page.goto(`${kith.baseUrl}/front-door`);
    await checkPage(page, `front-door-queue${suffix}`, 'Front door');
    await page.getByRole('button', { name: 'Record a contact' }).click();
    await checkPage(page, `front-door-contact-new${suffix}`, 'Record a contact');
    await page
      .getByLabel('What are they worried about?')
      .fill(`${childName} has bruises on both arms and would not say how.`);
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await checkPage(page, `front-door-contact-draft${suffix}`, /^Contact of /);
    await page.getByRole('link', { name: 'Continue recording this contact' }).click();
    await page.getByRole('button', { name: 'Send for a decision' }).click();
    await checkPage(page, `front-door-contact-errors${suffix}`, 'Continue recording a contact');
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Choose who got in touch/);
    await page.getByLabel('A partner agency (school, health, police or another)').check();
    await page.getByLabel('Their name', { exact: true }).fill('Dr Shah');
    await page.getByLabel('Organisation (if any)').fill('Northfield Surgery');
    await page.getByLabel('The family knows and agrees').check();
    await page.getByLabel('Within one working day').check();
    await page.getByRole('button', { name: 'Send for a decision' }).click();
    await checkPage(page, `front-door-contact${suffix}`, /^Contact of /);
    const contactPath = new URL(page.url()).pathname;

    await page.getByRole('link', { name: 'Add a child or adult' }).click();
    await page.getByLabel('Full name', { exact: true }).fill(childName);
    await page.getByLabel('Postcode', { exact: true }).fill('NF1 1AA');
    await page.getByRole('button', { name: 'Search' }).click();
    await checkPage(page, `front-door-find-person${suffix}`, 'Find a child or adult');
    await page.getByRole('link', { name: /add someone new/i }).click();
    await page.getByLabel('A child', { exact: true }).check();
    if (!suffix) await page.getByLabel('NHS number (if known)').fill('943 476 5919');
    await checkPage(page, `front-door-new-person${suffix}`, 'Add someone new');
    await page.getByRole('button', { name: 'Add to the contact' }).click();
    await checkPage(page, `front-door-person-added${suffix}`, /^Contact of /);
    assert.match(await page.locator('main').innerText(), new RegExp(childName));
    return contactPath;
  }

  async function decide(page: Page, contactPath: string, suffix: string): Promise<void> {
    await page.goto(`${kith.baseUrl}${contactPath}`);
    await page.getByRole('button', { name: 'Decide what happens next' }).click();
    await checkPage(page, `front-door-decision${suffix}`, 'Decide what happens next');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await checkPage(page, `front-door-decision-errors${suffix}`, 'Decide what happens next');
    await page.getByLabel('Referral to children’s social care').check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('Unexplained bruising on a young child: we need to understand what happened.');
    await page
      .getByLabel('What we tell the family')
      .fill(
        'Your GP told us they were worried about bruises on your child’s arms. We would like to visit you to talk about it.',
      );
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await checkPage(page, `front-door-decided${suffix}`, /^Contact of /);
    await page.getByRole('link', { name: 'Letter to the family' }).click();
    await checkPage(page, `front-door-letter${suffix}`, 'Letter to the family');
    assert.match(await page.locator('.app-letter').innerText(), /Dear family/);
  }

  test('a contact about a new child, decided as a referral, with JavaScript on', { timeout: 180_000 }, async () => {
    const practitioner = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(practitioner, PRACTITIONER);
    const contactPath = await recordContact(practitioner, 'Rowan Newchild', '');
    const manager = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await signIn(manager, MANAGER.email, MANAGER.secret);
    await decide(manager, contactPath, '');
  });

  test('the contact and the decision with JavaScript off', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const practitioner = await context.newPage();
    await signIn(practitioner, PRACTITIONER);
    const contactPath = await recordContact(practitioner, 'Robin Nojs', '-no-js');
    await context.close();
    const managerContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1200, height: 900 },
    });
    const manager = await managerContext.newPage();
    await signIn(manager, MANAGER.email, MANAGER.secret);
    await decide(manager, contactPath, '-no-js');
    await managerContext.close();
  });
});
