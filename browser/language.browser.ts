/**
 * The language companion in a real browser: typing a blaming phrase into a long text field
 * brings a suggestion, announced in a polite live region and dismissible; the glossary page
 * is searchable. axe-core on both.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import {
  accessibilityViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  startKith,
  type RunningKith,
} from './helpers.js';

describe('the language companion', () => {
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

  test('a suggestion appears as you type, is announced politely, and can be dismissed; nothing is changed', async () => {
    const page = await browser.newPage();
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('alex.morgan@demo-borough.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await page.goto(`${page.url()}/details`);

    const field = page.getByLabel('Why are you making this change?');
    const typed = 'Mia was attention seeking at bedtime and Mum failed to engage.';
    await field.fill(typed);
    const hints = page.locator('#reason-language-hints');
    assert.equal(await hints.getAttribute('aria-live'), 'polite');
    await hints.getByText('“attention seeking”').waitFor();
    await hints.getByText('“failed to engage”').waitFor();
    const violations = await accessibilityViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'language-hints');

    await hints.getByRole('button', { name: 'Dismiss the suggestion about “attention seeking”' }).click();
    await page.waitForFunction(
      () => !document.querySelector('#reason-language-hints')?.textContent?.includes('attention seeking'),
    );
    assert.match((await hints.textContent()) ?? '', /failed to engage/, 'the other suggestion stays');
    assert.equal(await field.inputValue(), typed, 'the companion never changes the text');
    await page.close();
  });

  test('the glossary page explains each word and can be searched', async () => {
    const page = await browser.newPage();
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('sarah.thompson@family.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.getByRole('link', { name: 'Words that help' }).click();
    assert.equal(await page.locator('h1').innerText(), 'Words that help');
    await page.getByLabel('Search the words').fill('placement');
    await page.getByRole('button', { name: 'Search' }).click();
    assert.match(await page.getByRole('status').innerText(), /found for ‘placement’/);
    const violations = await accessibilityViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'language-glossary');
    await page.close();
  });
});
