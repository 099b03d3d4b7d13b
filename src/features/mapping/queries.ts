/**
 * What a plan takes from the child's most recent mapping: the worries a goal can answer, and
 * the safety goals and next steps to start the plan from. Called by the plans feature inside
 * its own council transaction, after it has checked access to the child's record.
 */
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { isRow, isRowAtVersion, ofChild, ofCouncil } from '../../platform/db/rows.js';
import { reusableQuery, rowsUnderChild } from '../../platform/db/reusable-query.js';
import { mappingChildren, mappingEntries, mappings, scalingScores, type MappingSection } from './schema.js';

export interface MappingEntryForPlanning {
  id: string;
  section: MappingSection;
  statement: string;
  viewOfName: string;
  /** Next steps only: who and by when. */
  stepOwnerPersonId: string | null;
  stepOwnerName: string | null;
  stepDueOn: string | null;
}

export interface MappingForPlanning {
  mappingId: string;
  title: string;
  heldOn: string;
  /** Past harm, danger statements and complicating factors: what a goal can answer. */
  worries: MappingEntryForPlanning[];
  safetyGoals: MappingEntryForPlanning[];
  nextSteps: MappingEntryForPlanning[];
}

const worrySections: readonly MappingSection[] = ['past_harm', 'danger_statement', 'complicating_factor'];

/** The child's most recent mapping (by the date it was held), or null when none has been made. */
export async function latestMappingForPlanning(
  tx: Tx,
  tenantId: string,
  childPersonId: string,
): Promise<MappingForPlanning | null> {
  const [latest] = await tx
    .select({ id: mappings.id, title: mappings.title, heldOn: mappings.heldOn })
    .from(mappingChildren)
    .innerJoin(mappings, isRow(mappings, mappingChildren.tenantId, mappingChildren.mappingId))
    .where(ofChild(mappingChildren, tenantId, childPersonId))
    .orderBy(desc(mappings.heldOn), desc(mappings.createdAt))
    .limit(1);
  if (!latest) return null;
  const entries = await tx
    .select({
      id: mappingEntries.id,
      section: mappingEntries.section,
      statement: mappingEntries.statement,
      viewOfName: mappingEntries.viewOfName,
      stepOwnerPersonId: mappingEntries.stepOwnerPersonId,
      stepOwnerName: mappingEntries.stepOwnerName,
      stepDueOn: mappingEntries.stepDueOn,
    })
    .from(mappingEntries)
    .where(
      ofCouncil(
        mappingEntries,
        tenantId,
        eq(mappingEntries.mappingId, latest.id),
        inArray(mappingEntries.section, [...worrySections, 'safety_goal', 'next_step']),
      ),
    )
    .orderBy(mappingEntries.section, mappingEntries.position, mappingEntries.createdAt);
  return {
    mappingId: latest.id,
    title: latest.title,
    heldOn: latest.heldOn,
    worries: entries.filter((entry) => worrySections.includes(entry.section)),
    safetyGoals: entries.filter((entry) => entry.section === 'safety_goal'),
    nextSteps: entries.filter((entry) => entry.section === 'next_step'),
  };
}

// ---- Mappings, entries and scores --------------------------------------------------------

export type MappingRow = typeof mappings.$inferSelect;
export type MappingEntryRow = typeof mappingEntries.$inferSelect;
export type ScalingScoreRow = typeof scalingScores.$inferSelect;
export type NewMappingEntry = Omit<
  typeof mappingEntries.$inferInsert,
  'tenantId' | 'id' | 'mappingId' | 'position' | 'createdAt' | 'updatedAt' | 'version'
>;

export async function insertMapping(
  tx: Tx,
  tenantId: string,
  mapping: Omit<typeof mappings.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'version'>,
  childPersonIds: readonly string[],
): Promise<string> {
  const [inserted] = await tx
    .insert(mappings)
    .values({ ...mapping, tenantId })
    .returning({ id: mappings.id });
  await tx
    .insert(mappingChildren)
    .values(childPersonIds.map((childPersonId) => ({ tenantId, mappingId: inserted!.id, childPersonId })));
  return inserted!.id;
}

/** Every mapping a child is part of, newest first, with the children each covers and how full it is. */
const mappingsOfChildQuery = reusableQuery<{ tenantId: string; childPersonId: string }>()((tx, p) =>
  tx
    .select({
      id: mappings.id,
      title: mappings.title,
      heldOn: mappings.heldOn,
      createdByLabel: mappings.createdByLabel,
      childIds: sql<string[] | string>`(
        select json_agg(${mappingChildren.childPersonId}) from ${mappingChildren}
        where ${mappingChildren.tenantId} = ${mappings.tenantId} and ${mappingChildren.mappingId} = ${mappings.id})`,
      sections: sql<Record<string, number> | string | null>`(
        select json_object_agg(counts.section, counts.entries) from (
          select ${mappingEntries.section} as section, count(*) as entries from ${mappingEntries}
          where ${mappingEntries.tenantId} = ${mappings.tenantId} and ${mappingEntries.mappingId} = ${mappings.id}
          group by ${mappingEntries.section}) counts)`,
      scoreCount: sql<number>`(
        select count(*)::int from ${scalingScores}
        where ${scalingScores.tenantId} = ${mappings.tenantId} and ${scalingScores.mappingId} = ${mappings.id})`,
    })
    .from(mappingChildren)
    .innerJoin(mappings, isRow(mappings, mappingChildren.tenantId, mappingChildren.mappingId))
    .where(ofChild(mappingChildren, p.tenantId, p.childPersonId))
    .orderBy(desc(mappings.heldOn), desc(mappings.createdAt)),
);

export async function mappingsOfChild(tx: Tx, tenantId: string, childPersonId: string) {
  const rows = await mappingsOfChildQuery(tx, { tenantId, childPersonId });
  return rows.map((row) => ({
    ...row,
    childIds: parsedJson(row.childIds) ?? [],
    sections: parsedJson(row.sections) ?? {},
  }));
}

function parsedJson<T>(value: T | string | null): T | null {
  if (value === null) return null;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

export async function mappingById(tx: Tx, tenantId: string, mappingId: string) {
  const [mapping] = await tx
    .select()
    .from(mappings)
    .where(isRow(mappings, tenantId, mappingId));
  if (!mapping) return null;
  const children = await tx
    .select({ childPersonId: mappingChildren.childPersonId })
    .from(mappingChildren)
    .where(ofCouncil(mappingChildren, tenantId, eq(mappingChildren.mappingId, mappingId)));
  return { ...mapping, childIds: children.map((child) => child.childPersonId) };
}

export async function entriesOf(tx: Tx, tenantId: string, mappingIds: readonly string[]): Promise<MappingEntryRow[]> {
  if (mappingIds.length === 0) return [];
  return tx
    .select()
    .from(mappingEntries)
    .where(ofCouncil(mappingEntries, tenantId, inArray(mappingEntries.mappingId, [...mappingIds])))
    .orderBy(mappingEntries.position, mappingEntries.createdAt);
}

export async function insertEntry(
  tx: Tx,
  tenantId: string,
  mappingId: string,
  entry: NewMappingEntry,
): Promise<MappingEntryRow> {
  const [inserted] = await tx
    .insert(mappingEntries)
    .values({
      ...entry,
      tenantId,
      mappingId,
      // Last in its mapping: entries keep the order they were said in.
      position: sql`(select coalesce(max(${mappingEntries.position}), 0) + 1 from ${mappingEntries}
        where ${mappingEntries.tenantId} = ${tenantId} and ${mappingEntries.mappingId} = ${mappingId})`,
    })
    .returning();
  return inserted!;
}

/** Changes an entry if it is still at the version the editor started from; undefined otherwise. */
export async function updateEntry(
  tx: Tx,
  tenantId: string,
  entryId: string,
  expectedVersion: number,
  entry: Omit<NewMappingEntry, 'createdBy' | 'sourceType' | 'sourceId' | 'sourceLabel'>,
): Promise<MappingEntryRow | undefined> {
  const [updated] = await tx
    .update(mappingEntries)
    .set({ ...entry, version: sql`${mappingEntries.version} + 1`, updatedAt: sql`now()` })
    .where(isRowAtVersion(mappingEntries, tenantId, entryId, expectedVersion))
    .returning();
  return updated;
}

export async function scoresOf(tx: Tx, tenantId: string, mappingIds: readonly string[]): Promise<ScalingScoreRow[]> {
  if (mappingIds.length === 0) return [];
  return tx
    .select()
    .from(scalingScores)
    .where(ofCouncil(scalingScores, tenantId, inArray(scalingScores.mappingId, [...mappingIds])))
    .orderBy(scalingScores.scoredOn, scalingScores.recordedAt);
}

/**
 * The scaling scores of every mapping a child is part of, oldest first: one read, where
 * `mappingsOfChild` then `scoresOf` would wait for one before asking for the other.
 */
export const scoresOfChildsMappings = rowsUnderChild(
  scalingScores,
  scalingScores.mappingId,
  mappingChildren,
  mappingChildren.mappingId,
  scalingScores.scoredOn,
  scalingScores.recordedAt,
);

export async function insertScore(
  tx: Tx,
  tenantId: string,
  score: Omit<typeof scalingScores.$inferInsert, 'tenantId' | 'id' | 'recordedAt'>,
): Promise<ScalingScoreRow> {
  const [inserted] = await tx
    .insert(scalingScores)
    .values({ ...score, tenantId })
    .returning();
  return inserted!;
}
