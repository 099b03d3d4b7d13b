/**
 * What the plans API gives, it takes back: GET a plan, PUT it back unchanged, and nothing
 * changes (no refusal, no new version). On the demo family's plans, whose actions include ones
 * owned by a place in the network and ones that came from a family group conference.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { seedDemo } from '../../demo/seed.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { planBodyFrom, sessionFor, type PlanJson } from './plans-fixtures.js';

const kith = testAppPerFile();
before(() => seedDemo(kith.database));

test('every demo plan, read and sent back unchanged, is accepted and keeps its version', async () => {
  const worker = await sessionFor(kith.app, 'alex.morgan@demo-borough.example', DEMO_PASSWORD);
  const caseload = await worker.get('/caseload');
  const childIds = [...new Set([...caseload.body.matchAll(/href="\/children\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
  let plansTried = 0;
  for (const childId of childIds) {
    const list = await worker.api('GET', `/api/v1/children/${childId}/plans`);
    for (const { id } of list.json<{ plans: { id: string }[] }>().plans) {
      const url = `/api/v1/children/${childId}/plans/${id}`;
      const plan = (await worker.api('GET', url)).json<PlanJson>();
      const { content } = plan;
      const put = await worker.api('PUT', url, planBodyFrom(plan, plan.version));
      assert.equal(put.statusCode, 200, `${content.title}: ${put.body}`);
      const after = (await worker.api('GET', url)).json<PlanJson>();
      assert.equal(after.version, plan.version, `${content.title}: an unchanged save adds no version`);
      assert.deepEqual(after.content, plan.content);
      plansTried += 1;
    }
  }
  assert.ok(plansTried >= 2, `${plansTried} plans tried`);
});
