/**
 * A family group conference in a real browser: Sam Taylor, the coordinator, plans a conference
 * for Leo, runs it through its four stages (an agreement typed too early is refused, and a plan
 * missing a bottom line needs a reason), and the family's plan becomes Leo's plan. The letter
 * and the coordinator's list are checked too. Then Alex Morgan plans an ordinary meeting for Mia,
 * withdraws an invitation made by mistake, and adds the meeting's action to Mia's plan, where it
 * shows the meeting as its source. Every page passes axe-core.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { totpCode } from '../src/platform/auth/totp.js';
import { DEMO_PASSWORD, demoAccounts } from '../src/demo/demo-accounts.js';
import {
  accessibilityViolations,
  describeViolations,
  launchBrowser,
  screenshot,
  startKith,
  type RunningKith,
} from './helpers.js';

describe('meetings and family group decision-making', () => {
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

  async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
    const group = page.getByRole('group', { name: legend });
    await group.getByLabel('Day').fill(day);
    await group.getByLabel('Month').fill(month);
    await group.getByLabel('Year').fill(year);
  }

  test('a conference runs through its four stages into Leo’s plan', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('sam.taylor@demo-borough.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.getByRole('link', { name: 'Your conferences' }).click();
    await page.getByRole('heading', { name: 'Your conferences', level: 1 }).waitFor();
    await axe(page, 'meetings-conferences');

    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Leo/ }).first().click();
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    await axe(page, 'meetings-section');

    // Planning: a meeting without a date is refused, and what was typed is kept.
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    await axe(page, 'meetings-new');
    await page.getByLabel('Family group conference').check();
    await page.getByLabel('Where is it?').fill('Riverside Community Centre');
    await page.getByLabel('Coordinator').selectOption({ label: 'Sam Taylor' });
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.equal(await page.getByLabel('Where is it?').inputValue(), 'Riverside Community Centre');
    await axe(page, 'meetings-new-errors');
    await fillDate(page, 'When is it?', '10', '3', '2027');
    await page.getByLabel('Start time (optional)').fill('10:00');
    await page.getByLabel('End time (optional)').fill('14:00');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await page.getByRole('heading', { name: 'Family group conference', level: 1 }).waitFor();
    await axe(page, 'meetings-conference-new');

    // Agreement before the information stage: refused.
    await page.getByRole('link', { name: 'Record agreement' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Record the information stage before the agreement').first().waitFor();
    await axe(page, 'meetings-agreement-too-early');
    await page.getByRole('link', { name: 'Back to the meeting' }).click();

    // 1. Preparation.
    await page.getByRole('link', { name: 'Record preparation' }).click();
    await fillDate(page, 'When was the family referred for a conference?', '1', '2', '2027');
    await page.getByLabel('Why, in plain words').fill('Sarah asked for help with the arguments at home');
    await fillDate(page, 'When did the family agree to a conference?', '3', '2', '2027');
    await page
      .getByLabel(/How the child was prepared/)
      .fill('Leo will draw a picture of his family and Nan Pat will bring it');
    await page.getByLabel('Food (optional)').fill('Sandwiches and fruit');
    await axe(page, 'meetings-preparation');
    await page.getByRole('button', { name: 'Save' }).click();

    // Invite Sarah from Leo's world, and record her preparation visit.
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await axe(page, 'meetings-invite');
    await page.getByLabel(/Someone in Leo’s world/).selectOption({ label: 'Sarah Thompson' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Change for Sarah Thompson' }).click();
    await fillDate(page, 'When were they visited to prepare? (optional)', '5', '2', '2027');
    await page.getByLabel('Came', { exact: true }).check();
    await axe(page, 'meetings-invitee');
    await page.getByRole('button', { name: 'Save' }).click();

    // 2. Information.
    await page.getByRole('link', { name: 'Record information' }).click();
    await page.getByLabel('What professionals are worried about').fill('Shouting late at night frightens Leo');
    await page.getByLabel('What is working well').fill('Nan Pat sees Leo every day');
    await page
      .getByLabel('Bottom lines that any plan must meet')
      .fill('Leo sleeps somewhere calm every night\nLeo goes to nursery every day');
    await axe(page, 'meetings-information');
    await page.getByRole('button', { name: 'Save' }).click();

    // 3. Private family time.
    await page.getByRole('link', { name: 'Record private family time' }).click();
    await page.getByLabel('When did private family time start?').fill('11:00');
    await page.getByLabel('When did it end?').fill('12:15');
    await page.getByLabel('The family’s plan, in their words').fill('Leo stays with Nan Pat on school nights for now.');
    await axe(page, 'meetings-private-family-time');
    await page.getByRole('button', { name: 'Save' }).click();

    // 4. Agreement: a plan that misses a bottom line needs a reason.
    await page.getByRole('link', { name: 'Record agreement' }).click();
    await page.getByRole('group', { name: 'Does the family’s plan meet every bottom line?' }).getByLabel('No').check();
    await page.getByRole('group', { name: 'Is the plan accepted?' }).getByLabel('Yes').check();
    await page.getByLabel('What was agreed, or what needs to change').fill('The family’s plan as they brought it back');
    await page.getByLabel('Who will tell the child about the plan?').fill('Nan Pat');
    await fillDate(page, 'When will the family plan be reviewed?', '9', '6', '2027');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await axe(page, 'meetings-agreement-errors');
    assert.equal(
      await page.getByLabel('What was agreed, or what needs to change').inputValue(),
      'The family’s plan as they brought it back',
    );
    await page
      .getByLabel(/If not, why is it accepted/)
      .fill('Nursery is closed on Fridays; Nan Pat takes Leo to the library instead');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'The family plan is now Leo’s plan' }).waitFor();
    await axe(page, 'meetings-conference-agreed');

    await page.getByRole('link', { name: 'Invitation letter for the family' }).click();
    await page.getByRole('heading', { name: 'You are invited to a family group conference' }).waitFor();
    await axe(page, 'meetings-letter');
    await page.getByRole('link', { name: 'Back to the meeting' }).click();

    await page.getByRole('link', { name: 'The family plan is now Leo’s plan' }).click();
    await page.getByText('Leo stays with Nan Pat on school nights for now.').first().waitFor();
    await screenshot(page, 'meetings-plan');

    await page.goto(`${kith.baseUrl}/conferences`);
    assert.match((await page.locator('main').textContent()) ?? '', /Leo Thompson/);
    await axe(page, 'meetings-conferences-after');
  });

  test('a manager counts offers and outcomes; Sarah sees the shared parts of the conference she was invited to', async () => {
    const manager = demoAccounts.find((account) => account.roles.includes('team_manager'))!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill(manager.email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/two-factor/);
    await page.getByLabel('Security code').fill(totpCode(manager.totpSecret!, Date.now()));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${kith.baseUrl}/family-meetings/counts`);
    await page.getByRole('heading', { name: /offers and outcomes/ }).waitFor();
    assert.match((await page.locator('table').textContent()) ?? '', /Family plans reviewed\s*1/);
    await axe(page, 'meetings-counts');
    await page.goto(`${kith.baseUrl}/caseload`);
    const miaHref = await page
      .getByRole('link', { name: /Mia Thompson/ })
      .first()
      .getAttribute('href');
    const miaId = /\/children\/([0-9a-f-]{36})/.exec(miaHref ?? '')?.[1];
    assert.ok(miaId, 'the manager sees Mia on the caseload');

    const family = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await family.goto(`${kith.baseUrl}/sign-in`);
    await family.getByLabel('Email address').fill('sarah.thompson@family.example');
    await family.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await family.getByRole('button', { name: 'Sign in' }).click();
    await family.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await family.goto(`${kith.baseUrl}/children/${miaId}/meetings`);
    await axe(family, 'meetings-family-section');
    await family.getByRole('link', { name: /Family group conference, 14 July 2026/ }).click();
    await family.getByRole('heading', { name: 'Family group conference', level: 1 }).waitFor();
    const text = (await family.locator('main').textContent()) ?? '';
    assert.match(text, /Mia read her three houses/);
    assert.doesNotMatch(text, /family support worker starts on Monday/, 'no professionals’ notes');
    assert.doesNotMatch(text, /Record a decision/);
    await axe(family, 'meetings-family-conference');
  });

  test('an ordinary meeting’s action goes into Mia’s plan, and an invitation made by mistake is withdrawn', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${kith.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('alex.morgan@demo-borough.example');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${kith.baseUrl}/caseload`);
    await page.getByRole('link', { name: /Mia/ }).first().click();
    await page.getByRole('link', { name: 'Meetings' }).click();
    await page.getByRole('button', { name: 'Plan a meeting' }).click();
    await page.getByLabel('Child in need review').check();
    await fillDate(page, 'When is it?', '15', '3', '2027');
    await page.getByLabel('Where is it?').fill('Riverside Primary School');
    await page.getByRole('button', { name: 'Plan the meeting' }).click();
    await page.getByRole('heading', { name: 'Child in need review', level: 1 }).waitFor();

    // An invitation made by mistake is withdrawn, after a confirmation; the record keeps it.
    await page.getByRole('button', { name: 'Invite someone' }).click();
    await page.getByLabel('Their name').fill('Chris Thompson');
    await page.getByLabel('Who they are to the child (optional)').fill('Uncle');
    await page.getByLabel('Family', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Withdraw Chris Thompson’s invitation' }).click();
    await page
      .getByRole('heading', { name: 'Are you sure you want to withdraw Chris Thompson’s invitation?' })
      .waitFor();
    await page.getByLabel('Why is it being withdrawn? (optional)').fill('Invited by mistake: Chris lives abroad');
    await axe(page, 'meetings-withdraw-invitation');
    await page.getByRole('button', { name: 'Withdraw the invitation' }).click();
    await page.getByText('The invitation has been withdrawn').waitFor();
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Invitation withdrawn on \d{1,2} \w+ \d{4}: Invited by mistake: Chris lives abroad/,
    );
    await axe(page, 'meetings-invitation-withdrawn');

    // The meeting's action, then into Mia's plan: she has two plans, so the page asks which.
    await page.getByRole('link', { name: 'Record an action' }).click();
    await page.getByLabel('What will happen?').fill('Nan Pat walks Mia to school on Mondays and Fridays');
    await page.getByLabel('Who will do it?').fill('Nan Pat');
    await fillDate(page, 'By when?', '1', '4', '2027');
    await axe(page, 'meetings-record-action');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: /Add to Mia’s plan/ }).waitFor();
    await axe(page, 'meetings-meeting-actions');

    await page.getByRole('link', { name: /Add to Mia’s plan/ }).click();
    await page.getByRole('heading', { name: 'Add an action to Mia’s plan' }).waitFor();
    assert.equal(
      await page.getByLabel('Family', { exact: true }).isChecked(),
      true,
      'Nan Pat is family in Mia’s world',
    );
    await axe(page, 'meetings-action-to-plan');
    await page.getByRole('button', { name: 'Add to Mia’s plan' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await axe(page, 'meetings-action-to-plan-errors');
    await page
      .getByLabel(/Mia gets to school every day/)
      .first()
      .check();
    await page.getByRole('button', { name: 'Add to Mia’s plan' }).click();
    await page.getByText('The action is now in Mia’s plan').waitFor();
    await page.getByText('In the plan', { exact: true }).waitFor();
    await axe(page, 'meetings-meeting-action-in-plan');

    await page.getByRole('link', { name: /See it in “Mia’s plan”/ }).click();
    await page.getByRole('link', { name: 'From the child in need review on 15 March 2027' }).waitFor();
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /Nan Pat walks Mia to school on Mondays and Fridays/,
    );
    await axe(page, 'meetings-plan-action-source');
  });
});
