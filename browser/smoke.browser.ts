/** Browser smoke test: the pages of the shell load in Chromium, with no accessibility violations. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  accessibilityViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  startKith,
  type RunningKith,
} from './helpers.js';

describe('smoke: the shell in a real browser', () => {
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

  for (const [name, path, heading] of [
    ['start', '/', 'Kith'],
    ['accessibility', '/accessibility', 'Accessibility statement for Kith'],
    ['api-docs', '/api/docs', 'Kith API'],
    ['not-found', '/no-such-page', 'Page not found'],
    ['sign-in', '/sign-in', 'Sign in to Kith'],
  ] as const) {
    test(`${path} loads, runs its scripts under the CSP, and passes axe-core`, async () => {
      const page = await browser.newPage();
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') cspViolations.push(message.text());
      });
      await page.goto(`${kith.baseUrl}${path}`);
      assert.equal(await page.locator('h1').first().innerText(), heading);
      // GOV.UK Frontend's inline script ran (nonce accepted) and its module initialised.
      assert.match((await page.locator('body').getAttribute('class')) ?? '', /govuk-frontend-supported/);
      const violations = await accessibilityViolations(page);
      assert.deepEqual(violations, [], describeViolations(violations));
      await screenshot(page, `smoke-${name}`);
      assert.deepEqual(
        cspViolations.filter((text) => !text.includes('404')),
        [],
        'no console errors (a CSP violation would show here)',
      );
      await page.close();
    });
  }
});
