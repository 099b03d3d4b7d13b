/** What the demo seeds look up in the demo council before they add to it. */
import { and, count, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../platform/db/database.js';
import { people } from '../features/people/schema.js';

/** Whether the council has any row in this table yet (a seed that has run once does nothing again). */
export async function councilHasRows(tx: Tx, table: PgTable & { tenantId: PgColumn }, tenantId: string) {
  const [existing] = await tx.select({ total: count() }).from(table).where(eq(table.tenantId, tenantId));
  return (existing?.total ?? 0) > 0;
}

/** The id of the council's person with this full name (the demo family's names are unique), or null. */
export async function personIdByName(tx: Tx, tenantId: string, fullName: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.tenantId, tenantId), eq(people.fullName, fullName)));
  return row?.id ?? null;
}

/** The council's people, by full name. */
export async function peopleByName(tx: Tx, tenantId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(eq(people.tenantId, tenantId));
  return new Map(rows.map((person) => [person.fullName, person.id]));
}
