import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestAccount, signInWithCode } from '../../../test/helpers/accounts.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { addTeamMember } from '../../platform/identity/accounts.js';
import { childAllocations } from '../../platform/identity/schema.js';
import { createPlanningCouncil, sessionFor } from './plans-fixtures.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const kith = testAppPerFile();

test('overdue plan actions and reviews show on the worker’s and the manager’s lists, and go when done', async () => {
  const council = await createPlanningCouncil(kith.database, { withMapping: false });
  const manager = await createTestAccount(kith.database, council.tenantId, {
    roles: ['team_manager'],
    totpSecret: SECRET,
  });
  await withTenant(kith.database.orm, council.tenantId, async (tx) => {
    const [allocation] = await tx
      .select({ teamId: childAllocations.teamId })
      .from(childAllocations)
      .where(and(eq(childAllocations.tenantId, council.tenantId), eq(childAllocations.childPersonId, council.childId)));
    await addTeamMember(tx, council.tenantId, allocation!.teamId!, manager.userId, true);
  });
  const worker = await sessionFor(kith.app, council.practitioner.email);
  assert.doesNotMatch((await worker.get('/caseload')).body, /overdue/);

  const started = await worker.api('POST', `/api/v1/children/${council.childId}/plans`, {
    kind: 'early_help',
    title: 'Robin’s early help plan',
    startsOn: '2024-01-01',
    reviewBy: '2024-03-01',
  });
  const { planId } = started.json<{ planId: string }>();
  const url = `/api/v1/children/${council.childId}/plans/${planId}`;
  const body = (status: 'not_started' | 'done', version: number) => ({
    expectedVersion: version,
    title: 'Robin’s early help plan',
    startsOn: '2024-01-01',
    reviewBy: '2024-03-01',
    support: null,
    goals: [],
    actions: [
      {
        id: 'first',
        whatWillHappen: 'Sarah visits the school with Robin',
        ownerPersonId: council.people.sarah,
        ownerName: 'Sarah Test',
        ownerCircle: 'family',
        dueOn: '2024-02-01',
        status,
      },
    ],
  });
  assert.equal((await worker.api('PUT', url, body('not_started', 1))).statusCode, 200);

  const list = await worker.get('/caseload');
  assert.match(list.body, /Robin Test[\s\S]*1 plan action overdue[\s\S]*Plan review overdue/);
  const managerCookie = await signInWithCode(kith.app, manager.email, SECRET);
  const managerList = await kith.app.inject({ url: '/caseload', headers: { cookie: `kith_session=${managerCookie}` } });
  assert.equal(managerList.statusCode, 200);
  assert.match(managerList.body, /Robin Test[\s\S]*1 plan action overdue/);
  assert.match((await worker.get(`/children/${council.childId}/plans`)).body, /1 action overdue/);

  // The action's id was given by the server; send it back marked done.
  const plan = (await worker.api('GET', url)).json<{ version: number; content: { actions: { id: string }[] } }>();
  const done = body('done', plan.version);
  done.actions[0]!.id = plan.content.actions[0]!.id;
  assert.equal((await worker.api('PUT', url, done)).statusCode, 200);
  const after = await worker.get('/caseload');
  assert.doesNotMatch(after.body, /plan action overdue/);
  assert.match(after.body, /Plan review overdue/);
});
