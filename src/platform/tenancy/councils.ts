/**
 * Councils (tenants). Provisioning runs as the schema owner; everything inside a council runs
 * in that council's transaction as the application role.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Tx } from '../db/database.js';
import { councilById, councilWithSlug, insertCouncil } from './queries.js';

export { tenants } from './schema.js';

export interface Council {
  id: string;
  slug: string;
  name: string;
}

/** Creates a council, or returns the existing one with that slug. */
export async function provisionCouncil(
  database: Database,
  council: { slug: string; name: string },
): Promise<Council & { created: boolean }> {
  return database.asOwner(async (owner) => {
    const existing = await councilWithSlug(owner, council.slug);
    if (existing) return { ...existing, created: false };
    const id = randomUUID();
    await insertCouncil(owner, { id, slug: council.slug, name: council.name });
    return { id, slug: council.slug, name: council.name, created: true };
  });
}

/** The council of the current transaction (RLS shows only that one). */
export async function currentCouncil(tx: Tx, tenantId: string): Promise<Council | undefined> {
  return councilById(tx, tenantId);
}
