/**
 * Nothing typed is lost when a session ends mid-note (Kith issue 29, finding 2). Each test
 * ends the session the blunt way, by deleting the session cookie, and keeps typing after it:
 * (1) Save goes to sign in, and signing in comes back to the same form with every word, which
 * then saves; (2) signing in again in another tab lets the first tab's autosave and Save carry
 * on without a refresh; (3) a reload goes to sign in and comes back with the text restored, and
 * signing out forgets what the browser kept. Without JavaScript, Save after the session ended
 * goes to sign in and back to the same form. Someone else signing in on the same browser is
 * never given the first person's words.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
const SECOND_PRACTITIONER = 'sam.taylor@demo-borough.example';
const NOTE_LABEL = 'What did you see, hear and feel in the home?';
/** Each test types its own first words: a draft another test left behind is then replaced, and saved. */
const firstWords = (test: number) => `Visit ${test}: Mia showed me the sunflowers she planted with Nan Pat. `;
const AFTER = 'Typed after the session ended: she wants to show her teacher the tallest one.';
const SAVED = /^Saved( after reconnecting)? \d\d:\d\d$/;

async function signIn(page: Page, baseUrl: string, email = PRACTITIONER): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Signs in, opens a new visit for Mia, answers the questions a save needs, and types the first words. */
async function startVisitNote(
  page: Page,
  baseUrl: string,
  words: string,
  { waitForSave = true } = {},
): Promise<string> {
  await signIn(page, baseUrl);
  await page.goto(`${baseUrl}/caseload`);
  await page.getByRole('link', { name: /Mia/ }).first().click();
  await page.getByRole('link', { name: 'Visits' }).click();
  await page.getByRole('button', { name: 'Record a visit' }).click();
  await page.getByLabel('Home visit').check();
  await page.getByLabel('Day', { exact: true }).first().fill('3');
  await page.getByLabel('Month', { exact: true }).first().fill('3');
  await page.getByLabel('Year', { exact: true }).first().fill('2025');
  await page.getByRole('group', { name: 'Did you see Mia?' }).getByLabel('Yes').check();
  await page.getByLabel('Yes, I saw Mia on their own').check();
  await page.getByLabel(NOTE_LABEL).fill(words);
  if (waitForSave) await draftStatus(page).filter({ hasText: SAVED }).waitFor();
  return page.url();
}

const draftStatus = (page: Page) => page.locator('.app-draft-status');

/** Ends the session as a timeout would, as far as the browser can tell: the cookie is gone. */
const endSession = (context: BrowserContext) => context.clearCookies({ name: 'kith_session' });

async function typeAfterTheEnd(page: Page): Promise<void> {
  await page.getByLabel(NOTE_LABEL).press('End');
  await page.keyboard.type(AFTER);
}

async function serverDraft(page: Page, baseUrl: string): Promise<string | undefined> {
  const childId = /\/children\/([0-9a-f-]+)\//.exec(page.url())![1]!;
  const answer = await page.request.get(`${baseUrl}/api/v1/children/${childId}/drafts/visit-new`);
  const body = (await answer.json()) as { draft: { content: Record<string, string> } | null };
  return body.draft?.content.seenHeardFelt;
}

const keptInBrowser = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('kith.')));

async function axe(page: Page, name: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  assert.deepEqual(violations, [], `${name}: ${describeViolations(violations)}`);
  await screenshot(page, name);
}

describe('a session that ends while someone is typing', () => {
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

  test('Save after the session ended: sign in, back on the same form with every word, and it saves', async () => {
    const BEFORE = firstWords(1);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const formUrl = await startVisitNote(page, kith.baseUrl, BEFORE);
    await endSession(context);
    await typeAfterTheEnd(page);
    await page.getByRole('button', { name: 'Save visit' }).click();

    await page.waitForURL(/\/sign-in/);
    await axe(page, 'session-timeout-sign-in-to-save');
    await signIn(page, kith.baseUrl);
    assert.equal(page.url(), formUrl, 'signing in comes back to the same form');
    assert.equal(await page.getByLabel(NOTE_LABEL).inputValue(), BEFORE + AFTER, 'every word is there');
    await axe(page, 'session-timeout-form-restored');

    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}\?notice=visit_recorded$/);
    assert.match(await page.locator('main').innerText(), new RegExp(AFTER.slice(0, 40)));
    assert.deepEqual(await keptInBrowser(page), [], 'nothing is left in the browser once it is saved');
    await context.close();
  });

  test('signed in again in another tab: the first tab’s autosave and Save carry on without a refresh', async () => {
    const BEFORE = firstWords(2);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await startVisitNote(page, kith.baseUrl, BEFORE);
    await endSession(context);
    await typeAfterTheEnd(page);
    await draftStatus(page)
      .filter({ hasText: /signed out/ })
      .waitFor();
    await axe(page, 'session-timeout-signed-out-status');

    const other = await context.newPage();
    await signIn(other, kith.baseUrl);
    await other.close();
    await page.bringToFront();
    await page.keyboard.type(' More.');
    await draftStatus(page).filter({ hasText: SAVED }).waitFor({ timeout: 15_000 });
    assert.equal(await serverDraft(page, kith.baseUrl), `${BEFORE}${AFTER} More.`, 'the autosave reached the server');

    await page.keyboard.type(' Last words before Save.');
    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.waitForURL(/\/visits\/[0-9a-f-]{36}\?notice=visit_recorded$/);
    assert.match(await page.locator('main').innerText(), /More\. Last words before Save\./);
    await context.close();
  });

  test('reload after the session ended: sign in and the text is restored; signing out forgets it', async () => {
    const BEFORE = firstWords(3);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const formUrl = await startVisitNote(page, kith.baseUrl, BEFORE);
    await endSession(context);
    await typeAfterTheEnd(page);
    await page.reload();

    await page.waitForURL(/\/sign-in/);
    await signIn(page, kith.baseUrl);
    assert.equal(page.url(), formUrl);
    assert.equal(await page.getByLabel(NOTE_LABEL).inputValue(), BEFORE + AFTER);
    await draftStatus(page).filter({ hasText: SAVED }).waitFor();
    assert.equal(await serverDraft(page, kith.baseUrl), BEFORE + AFTER, 'the restored text is saved as the draft');

    await endSession(context);
    await page.getByLabel(NOTE_LABEL).press('End');
    await page.keyboard.type(' Not sent yet.');
    await draftStatus(page)
      .filter({ hasText: /signed out/ })
      .waitFor();
    assert.ok((await keptInBrowser(page)).length > 0, 'unsent text is kept in the browser');
    await signIn(page, kith.baseUrl);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in\?signedOut=1/);
    assert.deepEqual(await keptInBrowser(page), [], 'signing out forgets it');
    await context.close();
  });

  test('someone else signs in on the same browser: the first person’s words are not sent as theirs', async () => {
    const BEFORE = firstWords(4);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    const formUrl = await startVisitNote(page, kith.baseUrl, BEFORE);
    await endSession(context);
    await typeAfterTheEnd(page);
    await draftStatus(page)
      .filter({ hasText: /signed out/ })
      .waitFor();

    const other = await context.newPage();
    await signIn(other, kith.baseUrl, SECOND_PRACTITIONER);
    await page.bringToFront();
    await page.keyboard.type(' Still typing.');
    await draftStatus(page)
      .filter({ hasText: /someone else has signed in/i })
      .waitFor({ timeout: 15_000 });
    await screenshot(page, 'session-timeout-someone-else');
    await other.goto(formUrl);
    const theirs = other.getByLabel(NOTE_LABEL);
    if ((await theirs.count()) > 0) assert.equal(await theirs.inputValue(), '', 'nothing of the first person’s');
    await context.close();
  });

  test('without JavaScript, Save after the session ended goes to sign in and back to the same form', async () => {
    const BEFORE = firstWords(5);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, javaScriptEnabled: false });
    const page = await context.newPage();
    const formUrl = await startVisitNote(page, kith.baseUrl, BEFORE, { waitForSave: false });
    await endSession(context);
    await page.getByRole('button', { name: 'Save visit' }).click();
    await page.waitForURL(/\/sign-in/);
    await screenshot(page, 'session-timeout-no-javascript-sign-in');
    await signIn(page, kith.baseUrl);
    assert.equal(page.url(), formUrl);
    await context.close();
  });
});
