/**
 * A council with one child and everyone whose access to the record differs: the allocated
 * practitioner, a second practitioner in the team, the team's manager, a manager of another
 * team, a partner agency worker and a family member the record is shared with, a practitioner
 * with no relationship, and a practitioner in another council. Each signed in, with the CSRF
 * token their browser would send.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { withTenant } from '../../src/platform/db/tenancy.js';
import { addTeamMember, allocateChild, createTeam, shareChildRecord } from '../../src/platform/identity/accounts.js';
import { insertChildRecord, insertPerson } from '../../src/features/people/queries.js';
import { createTestAccount, csrfTokenIn, signIn, signInWithCode } from './accounts.js';
import { createTestCouncil } from './database.js';

export const MANAGER_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

export interface Caller {
  userId: string;
  cookie: string;
  /** For the API: the session cookie and the x-csrf-token header. */
  headers: Record<string, string>;
}

async function callerFor(app: FastifyInstance, account: { userId: string; email: string }, secret?: string) {
  const cookie = secret ? await signInWithCode(app, account.email, secret) : await signIn(app, account.email);
  const page = await app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  return {
    userId: account.userId,
    cookie,
    headers: { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) },
  };
}

export async function peopleAroundAChild(app: FastifyInstance, database: Database) {
  const council = await createTestCouncil(database, 'People around a child');
  const account = (roles: Parameters<typeof createTestAccount>[2]['roles'], extra = {}) =>
    createTestAccount(database, council.id, { roles, ...extra });
  const practitioner = await account(['practitioner']);
  const colleague = await account(['practitioner']);
  const manager = await account(['team_manager'], { totpSecret: MANAGER_SECRET });
  const otherManager = await account(['team_manager'], { totpSecret: MANAGER_SECRET });
  const partner = await account(['partner_agency_worker']);
  const stranger = await account(['practitioner']);
  const { childId, familyPersonId } = await withTenant(database.orm, council.id, async (tx) => {
    const personId = await insertPerson(tx, council.id, {
      fullName: 'Robin Test',
      knownAs: 'Robin',
      dateOfBirth: '2016-05-01',
    });
    const mum = await insertPerson(tx, council.id, { fullName: 'Jo Test' });
    await insertChildRecord(tx, council.id, { personId, reference: `T-${randomUUID().slice(0, 6).toUpperCase()}` });
    const teamId = await createTeam(tx, council.id, `Team ${randomUUID().slice(0, 6)}`);
    const otherTeamId = await createTeam(tx, council.id, `Other team ${randomUUID().slice(0, 6)}`);
    await addTeamMember(tx, council.id, teamId, practitioner.userId);
    await addTeamMember(tx, council.id, teamId, colleague.userId);
    await addTeamMember(tx, council.id, teamId, manager.userId, true);
    await addTeamMember(tx, council.id, otherTeamId, otherManager.userId, true);
    await allocateChild(tx, council.id, { childPersonId: personId, userId: practitioner.userId, teamId });
    await shareChildRecord(tx, council.id, {
      childPersonId: personId,
      userId: partner.userId,
      audience: 'partner_agency',
      agreement: 'Test agreement',
    });
    return { childId: personId, familyPersonId: mum };
  });
  const family = await createTestAccount(database, council.id, {
    roles: ['family_member'],
    kind: 'family',
    personId: familyPersonId,
  });
  await withTenant(database.orm, council.id, (tx) =>
    shareChildRecord(tx, council.id, {
      childPersonId: childId,
      userId: family.userId,
      audience: 'family',
      agreement: 'Mum',
    }),
  );
  const elsewhere = await createTestCouncil(database, 'Another council');
  const outsider = await createTestAccount(database, elsewhere.id, { roles: ['practitioner'] });
  return {
    council,
    childId,
    practitioner: await callerFor(app, practitioner),
    colleague: await callerFor(app, colleague),
    manager: await callerFor(app, manager, MANAGER_SECRET),
    otherManager: await callerFor(app, otherManager, MANAGER_SECRET),
    partner: await callerFor(app, partner),
    family: await callerFor(app, family),
    stranger: await callerFor(app, stranger),
    outsider: await callerFor(app, outsider),
  };
}
export type PeopleAroundAChild = Awaited<ReturnType<typeof peopleAroundAChild>>;
