import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/accounts.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { demoCouncil } from '../../demo/demo-family.js';
import { personIdByName } from '../../demo/demo-lookups.js';
import { seedDemo } from '../../demo/seed.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { provisionCouncil } from '../../platform/tenancy/councils.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
  await seedDemo(kith.database);
});
after(() => kith.close());

test('the demo: after the school’s referral, the assessment led to a child in need plan: Family Help with Alex Morgan', async () => {
  const { id: tenantId } = await provisionCouncil(kith.database, demoCouncil);
  const miaId = await withTenant(kith.database.orm, tenantId, (tx) => personIdByName(tx, tenantId, 'Mia Thompson'));
  const cookie = await signIn(kith.app, 'alex.morgan@demo-borough.example', DEMO_PASSWORD);
  const read = () =>
    kith.app.inject({ url: `/children/${miaId}/episodes`, headers: { cookie: `kith_session=${cookie}` } });
  const page = await read();
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Family Help since 5 November 2025/);
  assert.match(page.body, /Family Help lead practitioner: Alex Morgan/);
  assert.match(page.body, /Riverside Primary School/);
  assert.match(page.body, /Child in need plan \(Family Help\)/);
  assert.match(page.body, /1B: Alcohol misuse: a parent or carer/);
  await seedDemo(kith.database);
  const again = await read();
  assert.equal(again.body.match(/Family Help since/g)?.length, 1, 'seeding twice adds nothing');
  assert.equal(again.body.match(/<tr class="govuk-table__row">\s*<td/g)?.length, 1, 'one referral');
});
