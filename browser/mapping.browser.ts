/**
 * Mapping in a real browser: a practitioner starts a mapping for Leo, fills in the three
 * columns (a danger statement built in its guided form, a strength in Leo's words, a safety
 * goal), three people scale it, and the chart over time shows their scores. Every page passes
 * axe-core.
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

describe('mapping and scaling', () => {
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

  test('build a mapping in three columns, scale it with three people, and see the chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('alex.morgan@demo-borough.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Leo/ }).first().click();
    await page.getByRole('link', { name: 'Worries and strengths' }).click();
    await axe(page, 'mapping-section');

    await page.getByRole('button', { name: 'Start a mapping' }).click();
    await axe(page, 'mapping-start');
    await page.getByLabel('Name of this mapping').fill('Mapping with Leo at school');
    await page.getByRole('button', { name: 'Start the mapping' }).click();
    await page.getByRole('heading', { name: 'Mapping with Leo at school', level: 1 }).waitFor();
    await axe(page, 'mapping-empty');

    // What are we worried about? A danger statement, built in its four parts.
    await page.getByRole('link', { name: 'Add a danger statement' }).click();
    await page.getByRole('button', { name: 'Add to the mapping' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await axe(page, 'mapping-danger-errors');
    await page.getByLabel('Who is worried?').fill('Leo’s teacher and Alex');
    await page.getByLabel('What do they worry could happen to the child?').fill('Leo could be frightened at home');
    await page.getByLabel('Because of what an adult does?').fill('Dan shouts when he has been drinking');
    await page.getByLabel('A professional').check();
    await page.getByLabel('Or type their name').fill('Alex Morgan');
    await page.getByRole('button', { name: 'Add to the mapping' }).click();
    await page.getByText('Added to the mapping.').waitFor();

    // What's working well? Leo's own words.
    await page.getByRole('link', { name: 'Add a strength' }).click();
    await page.getByLabel('What was said?').fill('I like it when Nan Pat reads me dinosaur books.');
    await page.getByLabel('The child').check();
    await page.getByLabel(/Someone in Leo’s world/).selectOption({ label: 'Leo Thompson (the child)' });
    await page.getByRole('button', { name: 'Add to the mapping' }).click();
    await page.getByText('Added to the mapping.').waitFor();

    // What needs to happen? A safety goal.
    await page.getByRole('link', { name: 'Add a safety goal' }).click();
    await axe(page, 'mapping-safety-goal-form');
    await page.getByLabel('Who will be doing it?').fill('Sarah and Nan Pat');
    await page.getByLabel('What will they be doing?').fill('Keep a sober adult with Leo every evening');
    await page.getByLabel('Family').check();
    await page.getByLabel('Or type their name').fill('Sarah Thompson');
    await page.getByRole('button', { name: 'Add to the mapping' }).click();
    await page.getByText('Added to the mapping.').waitFor();

    const columns = page.locator('.app-mapping__column');
    assert.equal(await columns.count(), 3);
    assert.match(
      (await columns.nth(0).textContent()) ?? '',
      /Leo’s teacher and Alex are worried that Leo could be frightened/,
    );
    assert.match((await columns.nth(1).textContent()) ?? '', /dinosaur books/);
    assert.match((await columns.nth(2).textContent()) ?? '', /Sarah and Nan Pat will keep a sober adult with Leo/);
    await axe(page, 'mapping-three-columns');

    // Three people scale it.
    const scores: [kind: string, name: string, score: string, reason: string][] = [
      ['The child', 'Leo Thompson', '7', 'Home is nice now'],
      ['Family', 'Sarah Thompson', '6', 'Calmer every week'],
      ['A professional', 'Alex Morgan', '5', 'Good change, still early days'],
    ];
    for (const [kind, name, score, reason] of scores) {
      await page.getByRole('button', { name: 'Add a score' }).click();
      await page.getByLabel(kind, { exact: true }).check();
      await page.getByLabel('Or type their name').fill(name);
      await page.getByLabel(score, { exact: true }).check();
      await page.getByLabel('Why did they give this score?').fill(reason);
      if (kind === 'The child') await axe(page, 'mapping-score-form');
      await page.getByRole('button', { name: 'Add the score' }).click();
      await page.getByText('Score added.').waitFor();
    }
    const scoreRows = page.locator('table', { hasText: 'Each person’s score' }).locator('tbody tr');
    assert.equal(await scoreRows.count(), 3);

    // The chart over time, with today's scores beside the family's earlier mappings.
    await page.getByRole('link', { name: 'All mappings' }).click();
    const chart = page.locator('svg.app-scaling-chart');
    await chart.waitFor();
    assert.match((await chart.getAttribute('aria-labelledby')) ?? '', /scaling-title/);
    assert.ok((await page.locator('svg.app-scaling-chart polyline').count()) >= 3, 'a line for each group');
    assert.match((await page.locator('#scaling-desc').textContent()) ?? '', /The child: \d+ then 7/);
    await axe(page, 'mapping-chart');
  });
});
