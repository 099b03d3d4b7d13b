/** A council, a child and the people around a family group conference, for the meetings tests. */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../../test/helpers/app.js';
import { createTestAccount, csrfTokenIn, signIn, signInWithCode } from '../../../test/helpers/accounts.js';
import { createTestCouncil } from '../../../test/helpers/database.js';
import { MANAGER_SECRET } from '../../../test/helpers/people-around-a-child.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { addTeamMember, allocateChild, createTeam, shareChildRecord } from '../../platform/identity/accounts.js';
import { insertChildRecord, insertPerson } from '../people/queries.js';
import { insertMember } from '../network/queries.js';

export interface Caller {
  cookie: string;
  userId: string;
  headers: Record<string, string>;
}
async function callerFor(kith: TestApp, account: { userId: string; email: string }, secret?: string): Promise<Caller> {
  const cookie = secret ? await signInWithCode(kith.app, account.email, secret) : await signIn(kith.app, account.email);
  const page = await kith.app.inject({ url: '/account', headers: { cookie: `kith_session=${cookie}` } });
  return {
    userId: account.userId,
    cookie,
    headers: { cookie: `kith_session=${cookie}`, 'x-csrf-token': csrfTokenIn(page.body) },
  };
}

/**
 * A child with Mum and Nan in their world; the allocated practitioner; an independent
 * coordinator in the same team (not allocated); Mum and Nan with family accounts the record is
 * shared with; a team manager; a practitioner with no relationship to the child; and a partner
 * agency worker the record is shared with, who may read it but not change it.
 */
export async function familyForConference(kith: TestApp) {
  const council = await createTestCouncil(kith.database, 'Meetings council');
  const account = (roles: Parameters<typeof createTestAccount>[2]['roles'], extra = {}) =>
    createTestAccount(kith.database, council.id, { roles, ...extra });
  const practitioner = await account(['practitioner']);
  const coordinator = await account(['fgc_coordinator']);
  const manager = await account(['team_manager'], { totpSecret: MANAGER_SECRET });
  const stranger = await account(['practitioner']);
  const reader = await account(['partner_agency_worker']);
  const ids = await withTenant(kith.database.orm, council.id, async (tx) => {
    const childId = await insertPerson(tx, council.id, {
      fullName: 'Robin Test',
      knownAs: 'Robin',
      dateOfBirth: '2016-05-01',
    });
    await insertChildRecord(tx, council.id, {
      personId: childId,
      reference: `T-${randomUUID().slice(0, 6).toUpperCase()}`,
    });
    const mumId = await insertPerson(tx, council.id, { fullName: 'Jo Test' });
    const nanId = await insertPerson(tx, council.id, { fullName: 'Pat Test' });
    await insertMember(tx, council.id, { childPersonId: childId, personId: mumId, circle: 'family' });
    await insertMember(tx, council.id, { childPersonId: childId, personId: nanId, circle: 'family' });
    const teamId = await createTeam(tx, council.id, `Team ${randomUUID().slice(0, 6)}`);
    await addTeamMember(tx, council.id, teamId, practitioner.userId);
    await addTeamMember(tx, council.id, teamId, coordinator.userId);
    await addTeamMember(tx, council.id, teamId, manager.userId, true);
    await allocateChild(tx, council.id, { childPersonId: childId, userId: practitioner.userId, teamId });
    return { childId, mumId, nanId };
  });
  const mum = await account(['family_member'], { kind: 'family', personId: ids.mumId });
  const nan = await account(['family_member'], { kind: 'family', personId: ids.nanId });
  await withTenant(kith.database.orm, council.id, async (tx) => {
    for (const family of [mum, nan]) {
      await shareChildRecord(tx, council.id, {
        childPersonId: ids.childId,
        userId: family.userId,
        audience: 'family',
        agreement: 'Family',
      });
    }
    await shareChildRecord(tx, council.id, {
      childPersonId: ids.childId,
      userId: reader.userId,
      audience: 'partner_agency',
      agreement: 'School',
    });
  });
  return {
    council,
    ...ids,
    practitioner: await callerFor(kith, practitioner),
    coordinator: await callerFor(kith, coordinator),
    manager: await callerFor(kith, manager, MANAGER_SECRET),
    stranger: await callerFor(kith, stranger),
    reader: await callerFor(kith, reader),
    mum: await callerFor(kith, mum),
    nan: await callerFor(kith, nan),
  };
}
