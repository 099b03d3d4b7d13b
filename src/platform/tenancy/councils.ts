/**
 * Councils (tenants). Provisioning runs as the schema owner; everything inside a council runs
 * in that council's transaction as the application role.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Database, Tx } from '../db/database.js';

export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    const [existing] = await owner.query<{ id: string; slug: string; name: string }>(
      'select id, slug, name from tenants where slug = $1',
      [council.slug],
    );
    if (existing) return { ...existing, created: false };
    const id = randomUUID();
    await owner.query('insert into tenants (id, slug, name) values ($1, $2, $3)', [id, council.slug, council.name]);
    return { id, slug: council.slug, name: council.name, created: true };
  });
}

/** The council of the current transaction (RLS shows only that one). */
export async function currentCouncil(tx: Tx, tenantId: string): Promise<Council | undefined> {
  const [council] = await tx
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return council;
}
