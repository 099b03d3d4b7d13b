/**
 * The ecomap in a real browser: a practitioner builds a small network on the map (add
 * someone, draw a relationship, move a person by dragging and by keyboard), reloads, and
 * finds it all kept. Every page and the open dialog pass axe-core.
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

describe('the ecomap editor', () => {
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

  test('build a small network on the map, reload, and it is all still there', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('alex.morgan@demo-borough.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Leo/ }).first().click();
    await page.waitForSelector('.app-ecomap__toolbar');
    await axe(page, 'network-leo');

    // Add someone through the dialog.
    await page.getByRole('button', { name: 'Add someone' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Ruby Marsh');
    await dialog.getByLabel(/Where do they belong/).selectOption('friends_and_community');
    await dialog.getByLabel(/How are they related/).selectOption('friend');
    await dialog.getByLabel('How close are they?').selectOption('strong');
    await axe(page, 'network-add-dialog');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('status').filter({ hasText: 'Added and saved.' }).waitFor();
    const ruby = page.locator('.ecomap-person', { has: page.locator('text=Ruby') });
    assert.equal(await ruby.count(), 1);

    // Draw a relationship between Ruby and Joan (single clicks, no dragging needed).
    await page.getByRole('button', { name: 'Draw a relationship' }).click();
    await ruby.click();
    await page.locator('.ecomap-person[aria-label*="Joan Price"]').click();
    await page.getByRole('dialog').getByLabel('Relationship').selectOption('neighbour');
    await page.getByRole('dialog').getByRole('button', { name: 'Save relationship' }).click();
    await page.getByRole('status').filter({ hasText: 'Relationship saved.' }).waitFor();

    // Move Ruby by dragging, then nudge her with the keyboard.
    const box = (await ruby.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('status').filter({ hasText: 'Moved and saved.' }).waitFor();
    const afterDrag = Number(await page.locator('.ecomap-person[aria-label*="Ruby Marsh"]').getAttribute('data-x'));
    await page.locator('.ecomap-person[aria-label*="Ruby Marsh"]').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Moved and saved.' }).waitFor();
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('.ecomap-person[aria-label*="Ruby Marsh"]')?.getAttribute('data-x')) > before,
      afterDrag,
    );
    const movedTo = await page.locator('.ecomap-person[aria-label*="Ruby Marsh"]').getAttribute('data-x');

    await page.reload();
    const kept = page.locator('.ecomap-person[aria-label*="Ruby Marsh"]');
    assert.equal(await kept.getAttribute('data-x'), movedTo, 'the place she was moved to is kept');
    assert.match((await kept.getAttribute('aria-label')) ?? '', /friend, strong tie/);
    assert.equal(await page.locator('#people').count(), 1);
    assert.match(await page.locator('.app-network-table').innerText(), /Ruby Marsh/);
    // Read back through the API with the same signed-in session (page.request shares its cookies).
    const childId = await page.locator('.app-ecomap').getAttribute('data-child-id');
    const network = (await (await page.request.get(`${kith.baseUrl}/api/v1/children/${childId}/network`)).json()) as {
      people: { id: string; fullName: string }[];
      relationships: { fromPersonId: string; toPersonId: string; type: string }[];
    };
    const idOf = (name: string) => network.people.find((person) => person.fullName === name)?.id;
    const neighbourTie = network.relationships.some(
      (tie) =>
        tie.type === 'neighbour' && tie.fromPersonId === idOf('Ruby Marsh') && tie.toPersonId === idOf('Joan Price'),
    );
    assert.ok(neighbourTie, 'the relationship drawn on the map is saved');
    await axe(page, 'network-after-reload');

    // The same edits without JavaScript: the forms pass axe too.
    await page.getByRole('link', { name: /Add someone to Leo/ }).click();
    await axe(page, 'network-add-person-form');
    await page.goBack();
    await page.getByRole('link', { name: 'Record a relationship between two people' }).click();
    await axe(page, 'network-relationship-form');
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await page.getByRole('link', { name: 'Genogram' }).click();
    await axe(page, 'network-genogram-mia');
    assert.match((await page.locator('.genogram desc').textContent()) ?? '', /Mia’s family over 3 generations/);
    await page.close();
  });
});
