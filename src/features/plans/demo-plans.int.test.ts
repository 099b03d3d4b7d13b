import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { seedDemo } from '../../demo/seed.js';
import { seedDemoPlans } from '../../demo/demo-plans.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { sessionFor } from './plans-fixtures.js';

const kith = testAppPerFile();
before(() => seedDemo(kith.database));

test('the demo family has an agreed plan with two reviews and one change with a reason, which Sarah can read', async () => {
  assert.equal(await seedDemoPlans(kith.database), false, 'seeding again adds nothing');
  const worker = await sessionFor(kith.app, 'alex.morgan@demo-borough.example', DEMO_PASSWORD);
  const caseload = await worker.get('/caseload');
  const miaId = /href="\/children\/([0-9a-f-]{36})">Mia Thompson/.exec(caseload.body)![1]!;
  const plans = await worker.api('GET', `/api/v1/children/${miaId}/plans`);
  const [plan] = plans.json<{ plans: { id: string; status: string; version: number }[] }>().plans;
  assert.equal(plan!.status, 'agreed');
  assert.equal(plan!.version, 2);
  const whole = await worker.api('GET', `/api/v1/children/${miaId}/plans/${plan!.id}`);
  assert.equal(whole.json<{ reviews: unknown[] }>().reviews.length, 2);

  const page = await worker.get(`/children/${miaId}/plans/${plan!.id}`);
  assert.match(page.body, /Nan Pat had her knee operation/);
  assert.match(page.body, /Walk Mia to school on Mondays and Wednesdays/);

  const sarah = await sessionFor(kith.app, 'sarah.thompson@family.example', DEMO_PASSWORD);
  const family = await sarah.get(`/children/${miaId}/plans/${plan!.id}/family`);
  assert.equal(family.statusCode, 200);
  assert.match(family.body, /28 September 2026<\/td><td class="govuk-table__cell">2 November 2026/);
  assert.match(family.body, /Mia was at school every day for four weeks in a row/);
});
