/**
 * SQL for councils (tenants). Provisioning runs as the schema owner, through plain SQL; reading
 * the current council runs in that council's transaction as the application role.
 */
import { eq } from 'drizzle-orm';
import type { SqlRunner, Tx } from '../db/database.js';
import { tenants } from './schema.js';

/** A council as its row gives it back. */
export interface CouncilRow {
  id: string;
  slug: string;
  name: string;
}

/** The council with this slug, if there is one (as the schema owner). */
export async function councilWithSlug(owner: SqlRunner, slug: string): Promise<CouncilRow | undefined> {
  const [existing] = await owner.query<{ id: string; slug: string; name: string }>(
    'select id, slug, name from tenants where slug = $1',
    [slug],
  );
  return existing;
}

/** Adds a council (as the schema owner). */
export async function insertCouncil(owner: SqlRunner, council: CouncilRow): Promise<void> {
  await owner.query('insert into tenants (id, slug, name) values ($1, $2, $3)', [
    council.id,
    council.slug,
    council.name,
  ]);
}

/** The council of the current transaction (RLS shows only that one). */
export async function councilById(tx: Tx, tenantId: string): Promise<CouncilRow | undefined> {
  const [council] = await tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return council;
}
