/**
 * Seeds the demo councils on first start. Idempotent: a council that already has people is
 * left alone, so a restart keeps whatever was added by hand.
 */
import type { Database } from '../platform/db/database.js';
import { withTenant } from '../platform/db/tenancy.js';
import { provisionCouncil } from '../platform/tenancy/councils.js';
import { countPeople, insertChildRecord, insertPerson } from '../features/people/queries.js';
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
    return true;
  });
}

export async function seedDemo(database: Database): Promise<SeedOutcome> {
  return {
    councils: [
      { name: demoCouncil.name, seeded: await seedCouncil(database, demoCouncil, demoFamily, demoChildren) },
      {
        name: otherCouncil.name,
        seeded: await seedCouncil(database, otherCouncil, otherCouncilFamily, otherCouncilChildren),
      },
    ],
  };
}
