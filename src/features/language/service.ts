/**
 * Each council's glossary: the built-in entries with the council's own additions, changes
 * and switched-off entries. Read on every check, so it is cached per council for a minute
 * and dropped the moment the council changes it.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { builtInGlossary, councilGlossary, glossaryEntrySchema, type GlossaryEntry } from './glossary.js';
import { councilEntryRows, upsertCouncilEntry } from './queries.js';

const CACHE_MS = 60_000;
const cache = new Map<string, { glossary: GlossaryEntry[]; changes: GlossaryEntry[]; at: number }>();

async function councilChanges(database: Database, tenantId: string): Promise<GlossaryEntry[]> {
  const rows = await withTenant(database.orm, tenantId, (tx) => councilEntryRows(tx, tenantId));
  // Stored entries were checked when saved; anything that no longer passes is left out.
  return rows.flatMap((row) => {
    const parsed = glossaryEntrySchema.safeParse(row.entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function glossaryFor(database: Database, tenantId: string, now = Date.now()) {
  const cached = cache.get(tenantId);
  if (cached && now - cached.at < CACHE_MS) return cached;
  const changes = await councilChanges(database, tenantId);
  const fresh = { glossary: councilGlossary(changes), changes, at: now };
  cache.set(tenantId, fresh);
  return fresh;
}

export type CouncilEntryChange = 'added' | 'switched_on' | 'switched_off';

const auditActionOf: Record<CouncilEntryChange, AuditAction> = {
  added: 'language.glossary_entry_added',
  switched_on: 'language.glossary_entry_switched_on',
  switched_off: 'language.glossary_entry_switched_off',
};

export async function saveCouncilEntry(
  database: Database,
  actor: Actor,
  entry: GlossaryEntry,
  source: RequestSource,
  change: CouncilEntryChange,
): Promise<void> {
  const checked = glossaryEntrySchema.parse(entry);
  await withTenant(database.orm, actor.tenantId, async (tx) => {
    await upsertCouncilEntry(tx, actor.tenantId, checked, actor.userId);
    await recordAuditEvent(tx, actor.tenantId, {
      action: auditActionOf[change],
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      source,
      details: { entryId: checked.id, term: checked.term },
    });
  });
  cache.delete(actor.tenantId);
}

/** The council's entry as it stands (its own version, or the built-in one). */
export async function entryOf(database: Database, tenantId: string, entryId: string): Promise<GlossaryEntry | null> {
  const { changes } = await glossaryFor(database, tenantId);
  return (
    changes.find((entry) => entry.id === entryId) ?? builtInGlossary().find((entry) => entry.id === entryId) ?? null
  );
}

/** The next free id for a council's own entry: C1, C2, ... */
export async function nextCouncilEntryId(database: Database, tenantId: string): Promise<string> {
  const { changes } = await glossaryFor(database, tenantId);
  const used = changes.filter((entry) => entry.id.startsWith('C')).map((entry) => Number(entry.id.slice(1)));
  return `C${Math.max(0, ...used) + 1}`;
}
