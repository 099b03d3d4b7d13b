/**
 * Seeds the demo councils on first start. Idempotent: a council that already has people is
 * left alone, so a restart keeps whatever was added by hand. Two Kith processes starting at
 * once on one database seed one after the other (an advisory lock), so the second finds the
 * councils made and leaves them be.
 */
import type { Database } from '../platform/db/database.js';
import { appendVersion } from '../platform/history/record-history.js';
import { insertHousehold, insertMember, insertRelationship } from '../features/network/queries.js';
import { networkMembers } from '../features/network/schema.js';
import { RELATIONSHIP } from '../features/network/service.js';
import { demoHouseholds, demoNetworkMembers, demoTies } from './demo-network.js';
import { seedDemoMappings } from './demo-mapping.js';
import { seedDemoAssessmentOfNeed } from './demo-assessment-of-need.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { seedEpisodesChapter } from './episodes-chapter.js';
import { seedFrontDoorChapter } from './front-door-chapter.js';
import { seedVisitsChapter } from './visits-chapter.js';
import { withTenant } from '../platform/db/tenancy.js';
import { seedDemoVoice } from './demo-voice.js';
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
import { councilHasRows, peopleByName } from './demo-lookups.js';

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

/**
 * Mia's and Leo's networks. Separate from the first seed so a demo folder made before networks
 * existed gains them on its next start; it does nothing once any network is recorded.
 */
async function seedDemoNetwork(database: Database): Promise<boolean> {
  const { id: tenantId } = await provisionCouncil(database, demoCouncil);
  return withTenant(database.orm, tenantId, async (tx) => {
    if (await councilHasRows(tx, networkMembers, tenantId)) return false;
    const byName = await peopleByName(tx, tenantId);
    const idOf = (key: string) => {
      const person = demoFamily.find((candidate) => candidate.key === key);
      const id = person ? byName.get(person.fullName) : undefined;
      if (!id) throw new Error(`demo person ${key} is not in the council`);
      return id;
    };
    for (const [childKey, members] of Object.entries(demoNetworkMembers)) {
      for (const [personKey, circle] of Object.entries(members)) {
        await insertMember(tx, tenantId, { childPersonId: idOf(childKey), personId: idOf(personKey), circle });
      }
    }
    const firstRecorded = new Date('2025-09-08T10:00:00Z');
    // The safety network grew over the year of work together: each role was agreed at a
    // later meeting, so the growth chart has a story to tell.
    let rolesAgreed = 0;
    for (const tie of demoTies) {
      const recordedAt = tie.safetyNetworkRole
        ? new Date(firstRecorded.getTime() + rolesAgreed++ * 40 * 86_400_000)
        : firstRecorded;
      const facts = {
        fromPersonId: idOf(tie.from),
        toPersonId: idOf(tie.to),
        type: tie.type,
        closeness: tie.closeness ?? 'moderate',
        quality: tie.quality ?? 'supportive',
        supportFlows: tie.supportFlows ?? 'none',
        lovesTheChild: tie.lovesTheChild ?? null,
        childLovesThem: tie.childLovesThem ?? null,
        lifelongConnection: tie.lifelongConnection ?? false,
        safetyNetworkRole: tie.safetyNetworkRole ?? null,
        startedOn: tie.startedOn ?? null,
        endedOn: tie.endedOn ?? null,
        notes: tie.notes ?? null,
      };
      const relationshipId = await insertRelationship(tx, tenantId, facts);
      await appendVersion(tx, tenantId, {
        recordType: RELATIONSHIP,
        recordId: relationshipId,
        version: 1,
        author: { userId: null, label: 'Alex Morgan, at the first family network meeting' },
        reason: null,
        content: facts,
        recordedAt,
      });
    }
    for (const household of demoHouseholds) {
      await insertHousehold(tx, tenantId, household.name, household.members.map(idOf));
    }
    return true;
  });
}

/** Any fixed number, the same for every Kith process (migrations use 4_210_001). */
const DEMO_SEED_LOCK_KEY = 4_210_002;

export async function seedDemo(database: Database): Promise<SeedOutcome> {
  // Each step checks what is there and then writes, in its own transactions: without the lock,
  // two processes both find no council and both try to create it.
  return database.exclusively(DEMO_SEED_LOCK_KEY, () => seedDemoCouncils(database));
}

async function seedDemoCouncils(database: Database): Promise<SeedOutcome> {
  const demoSeeded = await seedCouncil(database, demoCouncil, demoFamily, demoChildren, demoAccounts);
  await seedDemoNetwork(database);
  await seedDemoMappings(database);
  await seedDemoAssessmentOfNeed(database);
  await seedDemoPlans(database);
  await seedDemoVoice(database);
  await seedDemoMeetings(database);
  await seedFrontDoorChapter(database);
  await seedEpisodesChapter(database);
  await seedVisitsChapter(database);
  return {
    councils: [
      {
        name: demoCouncil.name,
        seeded: demoSeeded,
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
