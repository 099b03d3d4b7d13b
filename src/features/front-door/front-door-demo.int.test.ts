import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { signIn } from '../../../test/helpers/accounts.js';
import { DEMO_PASSWORD } from '../../demo/demo-accounts.js';
import { seedDemo } from '../../demo/seed.js';

let kith: TestApp;
before(async () => {
  kith = await buildTestApp();
  await seedDemo(kith.database);
});
after(() => kith.close());

test('the demo: the Okafors wait at the front door today; the school’s 2025 contact about the Thompsons was a referral', async () => {
  const cookie = await signIn(kith.app, 'alex.morgan@demo-borough.example', DEMO_PASSWORD);
  const queue = await kith.app.inject({ url: '/front-door', headers: { cookie: `kith_session=${cookie}` } });
  assert.equal(queue.statusCode, 200);
  assert.match(queue.body, /Waiting for a decision \(1\)/);
  assert.match(queue.body, /Tayo Okafor/);
  assert.match(queue.body, /Northfield Health Centre/);
  assert.match(queue.body, /Due by/);
  assert.match(queue.body, /Mia Thompson/);
  assert.match(queue.body, /Referral to children’s social care/);
  await seedDemo(kith.database);
  const again = await kith.app.inject({ url: '/front-door', headers: { cookie: `kith_session=${cookie}` } });
  assert.match(again.body, /Waiting for a decision \(1\)/, 'seeding twice adds nothing');
});
