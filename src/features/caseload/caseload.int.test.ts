import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { testAppPerFile } from '../../../test/helpers/app.js';
import { createTestAccount, signIn, signInWithCode } from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { addTeamMember, allocateChild, createTeam, shareChildRecord } from '../../platform/identity/accounts.js';
import { childAllocations } from '../../platform/identity/schema.js';
import { insertChildRecord, insertPerson } from '../people/queries.js';
import { childRecords } from '../people/schema.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const cookie = (value: string) => ({ cookie: `kith_session=${value}` });
const kith = testAppPerFile();

/** A team of two practitioners and a manager; Sam has two children, Kim one; one record is shared with a partner. */
async function teamWithChildren() {
  const council = await createTestCouncil(kith.database, 'Caseload council');
  const sam = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const kim = await createTestAccount(kith.database, council.id, { roles: ['practitioner'] });
  const manager = await createTestAccount(kith.database, council.id, { roles: ['team_manager'], totpSecret: SECRET });
  const partner = await createTestAccount(kith.database, council.id, { roles: ['partner_agency_worker'] });
  const children = await withTenant(kith.database.orm, council.id, async (tx) => {
    const teamId = await createTeam(tx, council.id, `Team ${randomUUID().slice(0, 6)}`);
    await addTeamMember(tx, council.id, teamId, sam.userId);
    await addTeamMember(tx, council.id, teamId, kim.userId);
    await addTeamMember(tx, council.id, teamId, manager.userId, true);
    const child = async (fullName: string, worker: string) => {
      const personId = await insertPerson(tx, council.id, { fullName, dateOfBirth: '2015-03-01' });
      await insertChildRecord(tx, council.id, { personId, reference: `C-${randomUUID().slice(0, 6).toUpperCase()}` });
      await allocateChild(tx, council.id, { childPersonId: personId, userId: worker, teamId });
      return personId;
    };
    const ada = await child('Ada Brook', sam.userId);
    const ben = await child('Ben Cole', sam.userId);
    const cal = await child('Cal Dunn', kim.userId);
    await shareChildRecord(tx, council.id, {
      childPersonId: cal,
      userId: partner.userId,
      audience: 'partner_agency',
      agreement: 'School information-sharing agreement',
    });
    return { ada, ben, cal, teamId };
  });
  return { council, sam, kim, manager, partner, children };
}

const namesIn = (html: string) =>
  [...html.matchAll(/<a class="govuk-link" href="\/children\/[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]);

test('a practitioner sees the children allocated to them first, and their team’s on asking', async () => {
  const { sam } = await teamWithChildren();
  const session = await signIn(kith.app, sam.email);

  const mine = await kith.app.inject({ url: '/caseload', headers: cookie(session) });
  assert.equal(mine.statusCode, 200);
  assert.deepEqual(namesIn(mine.body), ['Ada Brook', 'Ben Cole']);
  assert.match(mine.body, /Children allocated to you \(2\)/);
  assert.match(mine.body, /aria-current="page"[^>]*>\s*Allocated to you|Allocated to you/);

  const team = await kith.app.inject({ url: '/caseload?show=team', headers: cookie(session) });
  assert.deepEqual(namesIn(team.body), ['Ada Brook', 'Ben Cole', 'Cal Dunn']);
  assert.match(team.body, /Your teams’ children \(3\)/);

  const api = await kith.app.inject({ url: '/api/v1/children?scope=allocated_to_me', headers: cookie(session) });
  assert.deepEqual(
    api.json<{ children: { fullName: string }[] }>().children.map((child) => child.fullName),
    ['Ada Brook', 'Ben Cole'],
  );
  const apiAll = await kith.app.inject({ url: '/api/v1/children', headers: cookie(session) });
  assert.equal(apiAll.json<{ scope: string; children: unknown[] }>().children.length, 3);
  const refused = await kith.app.inject({ url: '/api/v1/children?scope=everyone', headers: cookie(session) });
  assert.equal(refused.statusCode, 400);
});

test('with nothing allocated to them directly, a manager sees their teams’ children', async () => {
  const { manager } = await teamWithChildren();
  const session = await signInWithCode(kith.app, manager.email, SECRET);
  const page = await kith.app.inject({ url: '/caseload', headers: cookie(session) });
  assert.deepEqual(namesIn(page.body), ['Ada Brook', 'Ben Cole', 'Cal Dunn']);
  assert.match(page.body, /Your teams’ children \(3\)/);
  const askedForMine = await kith.app.inject({ url: '/caseload?show=mine', headers: cookie(session) });
  assert.deepEqual(namesIn(askedForMine.body), []);
  assert.match(askedForMine.body, /See your teams’ children/);
});

test('a partner agency worker sees only what is shared with them; an ended allocation drops off; restricted is marked', async () => {
  const { council, partner, kim, children } = await teamWithChildren();
  const partnerPage = await kith.app.inject({
    url: '/caseload',
    headers: cookie(await signIn(kith.app, partner.email)),
  });
  assert.deepEqual(namesIn(partnerPage.body), ['Cal Dunn']);
  assert.doesNotMatch(partnerPage.body, /Your teams’ children/, 'no team list for someone without a team');

  await withTenant(kith.database.orm, council.id, async (tx) => {
    await tx
      .update(childAllocations)
      .set({ startsOn: '2019-09-01', endsOn: '2020-01-01' })
      .where(and(eq(childAllocations.tenantId, council.id), eq(childAllocations.childPersonId, children.cal)));
    await tx
      .update(childRecords)
      .set({ isRestricted: true })
      .where(and(eq(childRecords.tenantId, council.id), eq(childRecords.personId, children.ada)));
  });
  const kimSession = await signIn(kith.app, kim.email);
  const kimMine = await kith.app.inject({ url: '/caseload?show=mine', headers: cookie(kimSession) });
  assert.deepEqual(namesIn(kimMine.body), [], 'Cal’s allocation to Kim has ended');
  const kimTeam = await kith.app.inject({ url: '/caseload?show=team', headers: cookie(kimSession) });
  assert.deepEqual(namesIn(kimTeam.body), ['Ada Brook', 'Ben Cole']);
  assert.match(kimTeam.body, /Ada Brook<\/a> <strong class="govuk-tag govuk-tag--grey">Restricted<\/strong>/);
});

test('another council’s children never appear', async () => {
  const first = await teamWithChildren();
  const second = await teamWithChildren();
  const page = await kith.app.inject({
    url: '/caseload?show=team',
    headers: cookie(await signIn(kith.app, second.sam.email)),
  });
  assert.equal(namesIn(page.body).length, 3);
  assert.notEqual(first.council.id, second.council.id);
  const apiAll = await kith.app.inject({
    url: '/api/v1/children',
    headers: cookie(await signIn(kith.app, second.sam.email)),
  });
  const ids = apiAll.json<{ children: { id: string }[] }>().children.map((child) => child.id);
  for (const id of Object.values(first.children)) assert.ok(!ids.includes(id));
});
