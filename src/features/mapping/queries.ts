/**
 * What a plan takes from the child's most recent mapping: the worries a goal can answer, and
 * the safety goals and next steps to start the plan from. Called by the plans feature inside
 * its own council transaction, after it has checked access to the child's record.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { mappingChildren, mappingEntries, mappings, type MappingSection } from './schema.js';

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
    .innerJoin(
      mappings,
      and(eq(mappings.tenantId, mappingChildren.tenantId), eq(mappings.id, mappingChildren.mappingId)),
    )
    .where(and(eq(mappingChildren.tenantId, tenantId), eq(mappingChildren.childPersonId, childPersonId)))
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
      and(
        eq(mappingEntries.tenantId, tenantId),
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
