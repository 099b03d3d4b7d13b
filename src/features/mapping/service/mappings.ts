/**
 * The mapping part of a child's record: the child's mappings and their scaling over time,
 * starting a mapping (for brothers and sisters too), the form that carries a line from a visit
 * into a mapping, and each mapping as an event in the child's chronology.
 */
import type { ChronologyEvent } from '../../../platform/chronology/sources.js';
import type { Tx } from '../../../platform/db/database.js';
import { together } from '../../../platform/db/tenancy.js';
import { actorLabel } from '../../../platform/identity/actor.js';
import {
  auditChildRecord,
  childrenActorMay,
  childRecordService,
  childSummaryIn,
  type ChildRecordHandle,
  type ChildSummary,
} from '../../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../../network/index.js';
import { newMappingSchema } from '../domain.js';
import { mappingPaths } from '../paths.js';
import { groupAverages, shortName } from '../presenters.js';
import { insertMapping, mappingsOfChild, scoresOf, scoresOfChildsMappings, type ScalingScoreRow } from '../queries.js';
import { issuesOf, type FieldIssue } from './mapping.js';

export type MappingSummary = Awaited<ReturnType<typeof mappingsOfChild>>[number] & {
  childNames: string[];
};

export interface MappingSectionView {
  child: ChildSummary;
  mappings: MappingSummary[];
  /** Every score given in the mappings listed, for the chart over time. */
  scores: ScalingScoreRow[];
  mayChange: boolean;
}

/** The child's mappings, newest first, and their scaling over time. */
export const mappingSection = childRecordService(
  'view',
  'child_record.view',
  async (record): Promise<MappingSectionView> => {
    const { tx, child, actor, childId } = record;
    const all = await mappingsOfChild(tx, actor.tenantId, childId);
    // A sibling group's mapping is listed only for someone who may see every child in it.
    const viewable = await childrenActorMay(
      tx,
      actor,
      all.flatMap((mapping) => mapping.childIds),
      'view',
    );
    const shown = all.filter((mapping) => mapping.childIds.every((id) => viewable.has(id)));
    const siblingIds = [...new Set(shown.flatMap((mapping) => mapping.childIds))].filter((id) => id !== childId);
    const [siblings, scores] = await together([
      together(siblingIds.map((id) => childSummaryIn(tx, actor.tenantId, id))),
      scoresOf(
        tx,
        actor.tenantId,
        shown.map((mapping) => mapping.id),
      ),
    ]);
    const names = new Map<string, string>([[childId, shortName(child)]]);
    siblingIds.forEach((id, index) => {
      const summary = siblings[index];
      names.set(id, summary ? shortName(summary) : '');
    });
    await record.audit('child_record.view', { part: 'mapping' });
    return {
      child,
      mappings: shown.map((mapping) => ({
        ...mapping,
        childNames: mapping.childIds.map((id) => names.get(id) ?? ''),
      })),
      scores,
      mayChange: record.mayChange,
    };
  },
);

/** Which of these children's records the person may change too (a sibling group's mapping is part of each). */
const changeableChildren = (record: ChildRecordHandle, childIds: string[]) =>
  childrenActorMay(record.tx, record.actor, childIds, 'change');

export interface MappingStartView {
  child: ChildSummary;
  /** Brothers and sisters in the child's network with a record this person may change. */
  siblings: PersonToPick[];
}

export const mappingStartForm = childRecordService(
  'change',
  'mapping.start',
  async (record): Promise<MappingStartView | null> => {
    const { actor, childId } = record;
    const picking = await peopleToPickFrom(record.tx, actor.tenantId, childId);
    if (!picking) return null;
    const withRecords = picking.people.filter((person) => person.hasChildRecord);
    const changeable = await changeableChildren(
      record,
      withRecords.map((person) => person.id),
    );
    await record.audit('child_record.view', { part: 'mapping_start_form' });
    return { child: record.child, siblings: withRecords.filter((person) => changeable.has(person.id)) };
  },
);

export type StartMappingResult =
  { outcome: 'started'; mappingId: string } | { outcome: 'invalid'; issues: FieldIssue[] } | { outcome: 'not_found' };

export const startMapping = childRecordService(
  'change',
  'mapping.start',
  async ({ tx, actor, childId, source }, input: Record<string, unknown>): Promise<StartMappingResult> => {
    const parsed = newMappingSchema.safeParse(input);
    if (!parsed.success) return { outcome: 'invalid', issues: issuesOf(parsed.error) };
    const childIds = [...new Set([childId, ...parsed.data.childIds])];
    // Other children must be in this child's world, with a record this person may change.
    const picking = await peopleToPickFrom(tx, actor.tenantId, childId);
    const siblings = new Set(picking?.people.filter((person) => person.hasChildRecord).map((person) => person.id));
    const others = childIds.filter((id) => id !== childId);
    const changeable = await childrenActorMay(tx, actor, others, 'change');
    if (others.some((id) => !siblings.has(id) || !changeable.has(id))) {
      return {
        outcome: 'invalid',
        issues: [
          { field: 'childIds', message: 'Select only children in this child’s world whose records you work on' },
        ],
      };
    }
    const { title, heldOn, whoTookPart, scalingQuestion, scaleZeroMeans, scaleTenMeans } = parsed.data;
    const mappingId = await insertMapping(
      tx,
      actor.tenantId,
      {
        title,
        heldOn,
        whoTookPart,
        scalingQuestion,
        scaleZeroMeans,
        scaleTenMeans,
        childPersonId: childId,
        createdBy: actor.userId,
        createdByLabel: actorLabel(actor),
      },
      childIds,
    );
    // A sibling group's mapping is part of each child's record.
    for (const id of childIds) {
      await auditChildRecord(
        tx,
        actor,
        id,
        { action: 'mapping.started', outcome: 'allowed', details: { mappingId, children: childIds.length } },
        source,
      );
    }
    return { outcome: 'started', mappingId };
  },
  { outcome: 'not_found' } as const,
);

export interface CarryForm {
  child: ChildSummary;
  /** The child's mappings this person may add to, newest first. */
  mappings: { id: string; title: string; heldOn: string }[];
  people: PersonToPick[];
}

/** What the "add this line to the mapping" form offers: the mappings to choose from and the people in the child's world. */
export const carryForm = childRecordService('change', 'mapping.change', async (record): Promise<CarryForm | null> => {
  const { actor, childId } = record;
  const picking = await peopleToPickFrom(record.tx, actor.tenantId, childId);
  if (!picking) return null;
  const all = await mappingsOfChild(record.tx, actor.tenantId, childId);
  const changeable = await changeableChildren(
    record,
    all.flatMap((mapping) => mapping.childIds),
  );
  await record.audit('child_record.view', { part: 'mapping_carry_form' });
  return {
    child: record.child,
    mappings: all
      .filter((mapping) => mapping.childIds.every((id) => changeable.has(id)))
      .map((mapping) => ({ id: mapping.id, title: mapping.title, heldOn: mapping.heldOn })),
    people: [picking.child, ...picking.people],
  };
});

/**
 * Each mapping as an event in the child's chronology: when it was held and where everyone put
 * things on the scale. Called by the chronology inside its own access-checked transaction.
 */
export async function mappingChronologyEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  const [mappings, scores] = await together([
    mappingsOfChild(tx, tenantId, childId),
    scoresOfChildsMappings(tx, tenantId, childId),
  ]);
  return mappings.map((mapping) => {
    const averages = groupAverages(scores.filter((score) => score.mappingId === mapping.id));
    return {
      occurredAt: mapping.heldOn,
      type: 'mapping',
      title: `Mapping with the family: ${mapping.title}`,
      details: averages.length > 0 ? `Scaling: ${averages.join(', ')}` : null,
      byline: mapping.createdByLabel,
      href: mappingPaths.mapping.href({ childId, mappingId: mapping.id }),
    };
  });
}
