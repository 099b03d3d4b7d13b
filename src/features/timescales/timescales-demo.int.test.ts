import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { demoCouncil } from '../../demo/demo-family.js';
import { personIdByName } from '../../demo/demo-lookups.js';
import { seedDemo } from '../../demo/seed.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { provisionCouncil } from '../../platform/tenancy/councils.js';
import { whereNowOf } from './index.js';

const kith = testAppPerFile();

test('the demo on 7 December 2026: Mia was seen two weeks ago and her next visit is due; Leo, seen on 20 October, is overdue', async () => {
  await seedDemo(kith.database);
  await seedDemo(kith.database);
  const { id: tenantId } = await provisionCouncil(kith.database, demoCouncil);
  const whereNow = await withTenant(kith.database.orm, tenantId, async (tx) => {
    const mia = (await personIdByName(tx, tenantId, 'Mia Thompson'))!;
    const leo = (await personIdByName(tx, tenantId, 'Leo Thompson'))!;
    const found = await whereNowOf(tx, tenantId, [mia, leo], '2026-12-07');
    return { mia: found.get(mia)!, leo: found.get(leo)! };
  });
  const words = (of: typeof whereNow.mia) => of.next.map((step) => `${step.urgency}: ${step.words}`);
  // Seen on 24 November; Family Help visits every 20 working days: due on 22 December.
  assert.deepEqual(words(whereNow.mia), ['on_track: Visit due in 11 working days']);
  assert.deepEqual(words(whereNow.leo), ['overdue: Not seen for 1 month']);
});
