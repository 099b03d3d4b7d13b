/**
 * Visits and the child's voice in a real browser. Every new page passes axe-core. Two tests
 * prove nothing typed is lost: one lets the session time out mid-note and signs in again to
 * find the draft whole; the other cuts the network mid-note, keeps typing, restores it and
 * finds everything saved on the server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/demo-accounts.js';
import {
  accessibilityViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  startKith,
  type RunningKith,
} from './helpers.js';

const EMAIL = 'alex.morgan@demo-borough.example';
const longNote = Array.from(
  { length: 40 },
  (_, index) =>
    `Paragraph ${index + 1}: Mia showed me the garden she is planting with Nan Pat; she named every seed packet and explained which would come up first.`,
).join('\n');

async function signIn(page: Page, baseUrl: string) {
  if (!page.url().includes('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function miaVisits(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/caseload`);
  await page.getByRole('link', { name: /Mia/ }).first().click();
  await page.getByRole('link', { name: 'Visits' }).click();
  await page.waitForURL(/\/visits$/);
}

async function axe(page: Page, name: string) {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(violations, [], `${name}: ${describeViolations(violations)}`);
  await screenshot(page, name);
}

describe('visits and the child’s voice', () => {
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

  test('every page of visits, the child’s words and taking part passes axe, with and without errors', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, kith.baseUrl);
    await miaVisits(page, kith.baseUrl);
    assert.match(await page.locator('.app-taking-part').innerText(), /Mia would like to send their words or a drawing/);
    await axe(page, 'voice-visits-mia');

    await page.getByRole('link', { name: /Thursday 2 October 2025/ }).click();
    assert.match(await page.locator('main').innerText(), /Version 2 \(current\)/);
    await axe(page, 'voice-visit-with-history');
    await page.getByRole('link', { name: 'Correct this visit' }).click();
    await axe(page, 'voice-visit-correct');

    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await page.getByRole('link', { name: 'In my own words' }).click();
    const words = await page.locator('.app-own-words').innerText();
    assert.ok(words.indexOf('Nan Pat makes the best pancakes') < words.indexOf('I want to be a vet'), 'oldest first');
    await axe(page, 'voice-own-words-mia');
    await page.getByRole('button', { name: 'Record something Mia said' }).click();
    await axe(page, 'voice-words-form');
    await page.goBack();
    await page.getByRole('link', { name: /Three Houses, 29 September 2025/ }).click();
    assert.match(await page.locator('.app-three-houses').innerText(), /A dog called Biscuit/);
    await axe(page, 'voice-three-houses-mia');
    await page.setInputFiles('#upload-file', {
      name: 'houses.png',
      mimeType: 'image/png',
      buffer: Buffer.from('hello, I am not a picture'),
    });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page
      .locator('#upload-file-error')
      .filter({ hasText: /must be a photo or drawing/ })
      .waitFor();
    await axe(page, 'voice-upload-refused');
    await page.setInputFiles('#upload-file', {
      name: 'houses.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        'base64',
      ),
    });
    await page.getByLabel('What it shows (optional)').fill('Mia’s drawing of her three houses');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('img', { name: 'Mia’s drawing of her three houses' }).waitFor();
    await axe(page, 'voice-three-houses-with-drawing');
    await page.goBack();
    await page.getByRole('link', { name: 'Wizard or Fairy' }).click();
    await axe(page, 'voice-direct-work-form');
    await page.goBack();
    await page.getByRole('link', { name: 'Change how they would like to take part' }).click();
    await axe(page, 'voice-taking-part');

    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await page.getByRole('link', { name: 'Chronology' }).click();
    assert.ok((await page.locator('.moj-timeline__item').count()) >= 8);
    await axe(page, 'voice-chronology-mia');
    await page.getByLabel('School').check();
    await page.getByRole('button', { name: 'Show' }).click();
    assert.equal(await page.locator('.moj-timeline__item').count(), 1);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'voice-chronology-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Add to the chronology' }).click();
    await axe(page, 'voice-chronology-entry-form');

    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Words to look for').fill('Nan Pat');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.app-search-result mark').first().waitFor();
    assert.match(await page.locator('.app-search-results').innerText(), /Mia: /);
    await axe(page, 'voice-search-caseload');
    await miaVisits(page, kith.baseUrl);
    await page.getByRole('link', { name: 'Search Mia’s records' }).click();
    await page.getByLabel('Words to look for').fill('pancakes');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.app-search-result mark').first().waitFor();
    await axe(page, 'voice-search-child');

    await miaVisits(page, kith.baseUrl);
    await page.getByRole('button', { name: 'Record a visit' }).click();
    await axe(page, 'voice-visit-form');
    await page.getByLabel('Home visit').check();
    await page.getByLabel('Day', { exact: true }).first().fill('1');
    await page.getByLabel('Month', { exact: true }).first().fill('1');
    await page
      .getByLabel('Year', { exact: true })
      .first()
      .fill(String(new Date().getFullYear() + 1));
    await page.getByRole('group', { name: 'Did you see Mia?' }).getByLabel('No').check();
    await page.getByLabel('Yes, I saw Mia on their own').check();
    await page.getByLabel('What did you see, hear and feel in the home?').fill('Typed before the mistake was found.');
    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.waitForSelector('.govuk-error-summary');
    const summary = await page.locator('.govuk-error-summary').innerText();
    assert.match(summary, /must be now or in the past/);
    assert.match(summary, /cannot have seen them alone/);
    assert.equal(
      await page.getByLabel('What did you see, hear and feel in the home?').inputValue(),
      'Typed before the mistake was found.',
    );
    await axe(page, 'voice-visit-form-errors');
    await page.close();
  });

  test('the network drops mid-note: the text stays on the page, and is all saved when it returns', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, kith.baseUrl);
    await miaVisits(page, kith.baseUrl);
    await page.getByRole('button', { name: 'Record a visit' }).click();
    const note = page.getByLabel('What did you see, hear and feel in the home?');
    const status = page.locator('.app-draft-status');
    await note.fill('Before the connection dropped. ');
    await status.filter({ hasText: /^Saved \d\d:\d\d$/ }).waitFor();

    await context.setOffline(true);
    await note.press('End');
    await page.keyboard.type('Typed while offline, one key at a time. ');
    await note.fill((await note.inputValue()) + longNote);
    await status.filter({ hasText: 'Not connected: your text is safe on this page' }).waitFor();
    await screenshot(page, 'voice-offline-status');
    const typed = await note.inputValue();
    const stored = await page.evaluate(() => {
      const all: string[] = [];
      for (let index = 0; index < localStorage.length; index += 1) all.push(localStorage.key(index) ?? '');
      for (let index = 0; index < sessionStorage.length; index += 1) all.push(sessionStorage.key(index) ?? '');
      return all;
    });
    assert.deepEqual(stored, [], 'nothing is written to the browser’s storage');

    await context.setOffline(false);
    await status.filter({ hasText: /^Saved after reconnecting \d\d:\d\d$/ }).waitFor({ timeout: 15_000 });
    await axe(page, 'voice-saved-after-reconnecting');
    const childId = /\/children\/([0-9a-f-]+)\//.exec(page.url())![1]!;
    const draft = (await (
      await page.request.get(`${kith.baseUrl}/api/v1/children/${childId}/drafts/visit-new`)
    ).json()) as {
      draft: { content: Record<string, string> } | null;
    };
    assert.equal(draft.draft?.content.seenHeardFelt, typed, 'everything typed, offline too, is on the server');
    assert.ok(typed.startsWith('Before the connection dropped. Typed while offline'));

    await page.reload();
    assert.equal(await page.getByLabel('What did you see, hear and feel in the home?').inputValue(), typed);
    assert.match(await page.locator('.govuk-inset-text').first().innerText(), /We restored the draft you were writing/);
    await context.close();
  });
});

describe('a session that times out mid-note', () => {
  let kith: RunningKith;
  let browser: Browser;
  before(async () => {
    // Just over two minutes: the warning (two minutes before the end) waits a few seconds,
    // long enough to type; then the session ends and the page goes to sign in.
    kith = await startKith({ KITH_SESSION_IDLE_MINUTES: '2.2' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
    await kith.stop();
  });

  test('sign in again and the draft is there, whole', { timeout: 240_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, kith.baseUrl);
    await miaVisits(page, kith.baseUrl);
    await page.getByRole('button', { name: 'Record a visit' }).click();
    const formUrl = page.url();
    await page.getByLabel('What did you see, hear and feel in the home?').fill(longNote);
    await page.getByLabel('Mia’s words').fill('Nan Pat says the sunflowers will be taller than me.');
    await page
      .locator('.app-draft-status')
      .filter({ hasText: /^Saved \d\d:\d\d$/ })
      .waitFor();

    // Do nothing: the warning comes, then the session ends and the page goes to sign in.
    await page.waitForURL(/\/sign-in/, { timeout: 180_000 });
    await page.waitForTimeout(30_000); // past the server's idle limit too
    await page.goto(formUrl);
    assert.match(page.url(), /\/sign-in/, 'the session really ended');
    await signIn(page, kith.baseUrl);
    if (page.url() !== formUrl) await page.goto(formUrl);
    assert.equal(await page.getByLabel('What did you see, hear and feel in the home?').inputValue(), longNote);
    assert.equal(
      await page.getByLabel('Mia’s words').inputValue(),
      'Nan Pat says the sunflowers will be taller than me.',
    );
    assert.match(
      await page.locator('.govuk-inset-text').first().innerText(),
      /We restored the draft you were writing, saved/,
    );
    await axe(page, 'voice-draft-restored-after-timeout');
    await page.close();
  });
});
