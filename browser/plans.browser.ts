/**
 * Plans in a real browser: a practitioner starts Leo's plan (Leo has no mapping on this
 * branch, so it starts empty), adds a goal and an action, records that it was agreed and
 * shared, moves a date with a reason, records a review, reads the family version with its
 * reading age, downloads the PDF and opens the child's version. Sarah then signs in, reads the
 * family version and says what she thinks. Every page passes axe-core and is photographed.
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

describe('plans made with the family', () => {
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

  async function axe(page: Page, name: string) {
    const violations = await accessibilityViolations(page);
    assert.deepEqual(violations, [], `${name}: ${describeViolations(violations)}`);
    await screenshot(page, name);
  }

  async function signIn(page: Page, email: string) {
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  const fillDate = async (page: Page, prefix: string, day: string, month: string, year: string) => {
    await page.locator(`#${prefix}-day`).fill(day);
    await page.locator(`#${prefix}-month`).fill(month);
    await page.locator(`#${prefix}-year`).fill(year);
  };

  test('from Leo’s record to an agreed plan, its family version, PDF and child’s version; Sarah agrees', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, 'alex.morgan@demo-borough.example');

    // The caseload shows the demo plan's overdue action for Mia.
    await page.goto(`${kith.baseUrl}/caseload`);
    await page
      .getByText(/\d plan actions? overdue/)
      .first()
      .waitFor();
    await axe(page, 'plans-caseload-overdue');

    // Mia's demo plan: agreed, two reviews, one change with its reason.
    await page.getByRole('link', { name: 'Mia Thompson' }).click();
    await page.getByRole('link', { name: 'Plans' }).click();
    await axe(page, 'plans-list-mia');
    await page.getByRole('link', { name: 'Mia’s plan' }).click();
    await page.getByText('Nan Pat had her knee operation').first().waitFor();
    await axe(page, 'plans-mia-agreed-plan');

    // Leo's record: start a plan from his latest mapping.
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: 'Leo Thompson' }).click();
    await page.getByRole('link', { name: 'Plans' }).click();
    await axe(page, 'plans-list-leo-empty');
    await page.getByRole('button', { name: 'Start a plan' }).click();
    await axe(page, 'plans-start');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await axe(page, 'plans-start-errors');
    await page.getByLabel('Early help plan').check();
    await page.getByLabel('Name of the plan').fill('Leo’s plan');
    await fillDate(page, 'startsOn', '1', '11', '2026');
    await fillDate(page, 'reviewBy', '12', '1', '2027');
    await page.getByLabel(/What support will the family get/).fill('Chloe Evans visits every Tuesday evening.');
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByText('The plan has been started').waitFor();
    // Started from Leo's latest mapping: its safety goal is the plan's first goal, its next step an action.
    await page.getByText('Started from a safety goal in the mapping.').first().waitFor();
    await page
      .getByText(/keep the weekend rota going/)
      .first()
      .waitFor();

    // A goal, then an action with no date (refused, text kept), then with one.
    await page.getByRole('link', { name: 'Add a goal' }).click();
    await page.getByLabel('The goal, in the family’s words').fill('Leo sleeps in his own bed and feels safe at night');
    await axe(page, 'plans-goal');
    await page.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByRole('link', { name: 'Add an action' }).click();
    await page.getByLabel('What will happen?').fill('Read Leo a story at bedtime every night');
    await page.getByLabel('Who will do it?').selectOption({ label: 'Daniel Hughes (Dan), Family' });
    await page
      .getByLabel('Which goal is it for?')
      .selectOption({ label: 'Leo sleeps in his own bed and feels safe at night' });
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Enter the date this will be done by').first().waitFor();
    assert.equal(await page.getByLabel('What will happen?').inputValue(), 'Read Leo a story at bedtime every night');
    await axe(page, 'plans-action-errors');
    await fillDate(page, 'dueOn', '30', '11', '2026');
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Your change has been saved').waitFor();

    // Agreed and shared with the family.
    await page.getByRole('button', { name: 'Record that it was agreed' }).click();
    await axe(page, 'plans-agreed-form');
    await fillDate(page, 'agreedOn', '3', '11', '2026');
    await page.getByRole('button', { name: 'Record that it was agreed' }).click();
    await page.getByText('The plan has been recorded as agreed').waitFor();
    const planUrl = page.url().replace(/\?.*$/, '');

    // Moving the date after agreement needs a reason.
    await page.getByRole('link', { name: /Change Read Leo a story/ }).click();
    await fillDate(page, 'dueOn', '14', '12', '2026');
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Enter why this is changing').first().waitFor();
    await axe(page, 'plans-action-reason-needed');
    await page.getByLabel('Why is this changing?').fill('Dan works nights until the middle of December');
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Your change has been saved').waitFor();

    // Two people change the same action: the second sees both texts, keeps theirs, and merges.
    const actionLink = page.getByRole('link', { name: /Change Read Leo a story/ });
    const actionUrl = `${kith.baseUrl}${await actionLink.getAttribute('href')}`;
    const other = await context.newPage();
    await other.goto(actionUrl);
    await page.goto(actionUrl);
    await page.getByLabel('What will happen?').fill('Read Leo a story at bedtime, and a song on Fridays');
    await page.getByLabel('Why is this changing?').fill('Leo asked for songs');
    await page.getByRole('button', { name: 'Save the action' }).click();
    await page.getByText('Your change has been saved').waitFor();
    await other.getByLabel('What will happen?').fill('Read Leo a story at bedtime, with Mia choosing the book');
    await other.getByLabel('Why is this changing?').fill('Mia wants to help');
    await other.getByRole('button', { name: 'Save the action' }).click();
    await other.getByRole('heading', { name: 'Someone else changed this plan' }).waitFor();
    assert.equal(
      await other.getByLabel('What will happen?').inputValue(),
      'Read Leo a story at bedtime, with Mia choosing the book',
    );
    await axe(other, 'plans-conflict');
    await other
      .getByLabel('What will happen?')
      .fill('Read Leo a story at bedtime, with Mia choosing the book, and a song on Fridays');
    await other.getByRole('button', { name: 'Save the action' }).click();
    await other.getByText('Your change has been saved').waitFor();
    await other.close();

    // The plan's details.
    await page.getByRole('link', { name: 'Change the plan’s details' }).click();
    await axe(page, 'plans-details');
    await page.getByRole('link', { name: 'Back to the plan' }).click();

    // A review with scores.
    await page.getByRole('button', { name: 'Record a review' }).click();
    await fillDate(page, 'heldOn', '24', '11', '2026');
    await page.getByLabel('Who came?').fill('Sarah, Dan, Leo, Chloe Evans, Alex Morgan');
    await page.getByLabel('Person 1’s name').fill('Sarah');
    await page.getByLabel('Person 2’s name').fill('Leo');
    await page.getByLabel('Person 1’s score for goal 1').fill('6');
    await page.getByLabel('Person 2’s score for goal 1').fill('7');
    await page.getByLabel(/What has been achieved/).fill('Leo slept in his own bed five nights in a row');
    await axe(page, 'plans-review');
    await page.getByRole('button', { name: 'Save the review' }).click();
    await page.getByText('The review has been recorded').waitFor();
    await page.locator('svg.app-progress-chart').first().waitFor();
    await axe(page, 'plans-leo-plan');

    // The family version, with the reading age for the author; the PDF; the child's version.
    await page.getByRole('button', { name: 'Family version' }).click();
    await page.getByText(/Reading age:/).waitFor();
    await page.getByText('Dan works nights until the middle of December').waitFor();
    await axe(page, 'plans-family-version');
    const pdf = await page.request.get(`${planUrl}/family.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 4).toString('latin1'), '%PDF');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'plans-family-version-print');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'The plan for the child' }).click();
    await page.getByRole('heading', { name: 'This is your plan, Leo' }).waitFor();
    await axe(page, 'plans-child-version');
    await context.close();

    // Sarah, on her phone, reads the family version and says what she thinks.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const sarah = await phone.newPage();
    await signIn(sarah, 'sarah.thompson@family.example');
    await sarah.goto(`${planUrl}/family`);
    await sarah.getByRole('heading', { name: 'Leo’s plan' }).waitFor();
    assert.equal(await sarah.getByText(/Reading age:/).count(), 0);
    await axe(sarah, 'plans-family-version-phone');
    await sarah.getByRole('button', { name: 'Tell us what you think of the plan' }).click();
    await sarah.getByLabel('I do not agree').check();
    await sarah.getByRole('button', { name: 'Save' }).click();
    await sarah.getByText('Enter what they said about the plan, in their words').first().waitFor();
    await axe(sarah, 'plans-agreement-errors');
    await sarah.getByLabel('I agree, and I want to say something').check();
    await sarah.getByLabel('What you want to say').fill('Stories help. Leo wants the dinosaur book every night.');
    await sarah.getByRole('button', { name: 'Save' }).click();
    await sarah.getByText('What you think of the plan has been saved').waitFor();
    await sarah.getByText('Leo wants the dinosaur book every night').waitFor();
    await axe(sarah, 'plans-family-version-after-agreement');
    await phone.close();
  });
});
