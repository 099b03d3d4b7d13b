/** The only place SQL about a council's glossary is written. Each takes the transaction. */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import type { GlossaryEntry } from './glossary.js';
import { councilGlossaryEntries } from './schema.js';

/** The council's own entries as stored (checked again by the caller: the format may have moved on). */
export async function councilEntryRows(tx: Tx, tenantId: string): Promise<{ entry: unknown }[]> {
  return tx
    .select({ entry: councilGlossaryEntries.entry })
    .from(councilGlossaryEntries)
    .where(eq(councilGlossaryEntries.tenantId, tenantId));
}

/** Adds the council's entry, or replaces its earlier version of it. */
export async function upsertCouncilEntry(
  tx: Tx,
  tenantId: string,
  entry: GlossaryEntry,
  updatedBy: string,
): Promise<void> {
  await tx
    .insert(councilGlossaryEntries)
    .values({ tenantId, entryId: entry.id, entry, updatedBy })
    .onConflictDoUpdate({
      target: [councilGlossaryEntries.tenantId, councilGlossaryEntries.entryId],
      set: { entry, updatedBy, updatedAt: sql`now()` },
    });
}
