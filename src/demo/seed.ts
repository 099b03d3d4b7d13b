/**
 * Seeds the demo councils on first start. Idempotent: a council that already has people is
 * left alone, so a restart keeps whatever was added by hand.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { countPeople, insertChildRecord, insertPerson } from '../features/people/queries.js';
import {
  addTeamMember,
  allocateChild,
  createAccount,
  createTeam,
  shareChildRecord,
} from '../platform/identity/accounts.js';
import { DEMO_PASSWORD, demoAccounts, demoTeamName, otherCouncilAccounts, type DemoAccount } from './demo-accounts.js';
import {
  demoChildren,
  demoCouncil,
  demoFamily,
  otherCouncil,
  otherCouncilChildren,
  otherCouncilFamily,
  type DemoPerson,
} from './demo-family.js';

export interface SeedOutcome {
  councils: { name: string; seeded: boolean }[];
}

async function seedCouncil(
  database: Database,
  council: { slug: string; name: string },
  family: DemoPerson[],
  children: readonly { key: string; reference: string; openedOn: string }[],
  accounts: DemoAccount[],
): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, council);
  return withTenant(database.orm, tenantId, async (tx) => {
    if ((await countPeople(tx, tenantId)) > 0) return false;
    const idsByKey = new Map<string, string>();
    for (const { key, ...person } of family) {
      idsByKey.set(key, await insertPerson(tx, tenantId, person));
    }
    for (const child of children) {
      const personId = idsByKey.get(child.key);
      if (!personId) throw new Error(`demo child ${child.key} is not in the family`);
      await insertChildRecord(tx, tenantId, { personId, reference: child.reference, openedOn: child.openedOn });
    }
    const accountIds = new Map<string, string>();
    for (const account of accounts) {
      const personId = account.personKey ? idsByKey.get(account.personKey) : null;
      accountIds.set(
        account.email,
        await createAccount(tx, tenantId, { ...account, personId, password: DEMO_PASSWORD }),
      );
    }
    const teamId = await createTeam(
      tx,
      tenantId,
      council.slug === demoCouncil.slug ? demoTeamName : 'Children’s Services Team',
    );
    const worker = accountIds.get(accounts[0]!.email)!;
    await addTeamMember(tx, tenantId, teamId, worker);
    for (const account of accounts.slice(1)) {
      if (account.roles.includes('team_manager'))
        await addTeamMember(tx, tenantId, teamId, accountIds.get(account.email)!, true);
      if (account.roles.includes('fgc_coordinator'))
        await addTeamMember(tx, tenantId, teamId, accountIds.get(account.email)!);
    }
    for (const child of children) {
      const childPersonId = idsByKey.get(child.key)!;
      await allocateChild(tx, tenantId, { childPersonId, userId: worker, teamId, startsOn: child.openedOn });
      for (const account of accounts) {
        const userId = accountIds.get(account.email)!;
        if (account.roles.includes('partner_agency_worker') && child.key === 'mia') {
          await shareChildRecord(tx, tenantId, {
            childPersonId,
            userId,
            audience: 'partner_agency',
            agreement: 'Riverside Primary School information sharing agreement, September 2025',
          });
        }
        if (account.roles.includes('family_member')) {
          await shareChildRecord(tx, tenantId, {
            childPersonId,
            userId,
            audience: 'family',
            agreement: 'Shared with Sarah as Mia and Leo’s mum, agreed at the family network meeting',
          });
        }
        if (account.roles.includes('young_person') && account.personKey === child.key) {
          await shareChildRecord(tx, tenantId, {
            childPersonId,
            userId,
            audience: 'young_person',
            agreement: 'Mia’s own record, shared with her',
          });
        }
      }
    }
    return true;
  });
}

export async function seedDemo(database: Database): Promise<SeedOutcome> {
  return {
    councils: [
      {
        name: demoCouncil.name,
        seeded: await seedCouncil(database, demoCouncil, demoFamily, demoChildren, demoAccounts),
      },
      {
        name: otherCouncil.name,
        seeded: await seedCouncil(
          database,
          otherCouncil,
          otherCouncilFamily,
          otherCouncilChildren,
          otherCouncilAccounts,
        ),
      },
    ],
  };
}
