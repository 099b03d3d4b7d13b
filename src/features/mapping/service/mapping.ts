/**
 * One mapping, opened on every child's record it is part of: a mapping about a sibling group
 * is opened only by someone who may see (or change) every child in it, and what is read or
 * changed is audited on each of them. Reading one, its entry's history, and two side by side.
 */
import type { z } from 'zod';
import type { AuditDetails } from '../../../platform/audit/audit-log.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { Database, Tx } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import { together, withTenant } from '../../../platform/db/tenancy.js';
import { versionsOf } from '../../../platform/history/record-history.js';
import type { Actor } from '../../../platform/identity/actor.js';
import {
  openChildRecordIn,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../../network/index.js';
import { compareMappings, type SectionComparison } from '../domain.js';
import { shortName } from '../presenters.js';
import {
  entriesOf,
  mappingById,
  scoresOf,
  type MappingEntryRow,
  type MappingRow,
  type ScalingScoreRow,
} from '../queries.js';

export const MAPPING_ENTRY = 'mapping_entry';

/** A problem with one field of what was sent, in the words the form or the API shows. */
export type FieldIssue = { field: string; message: string };

/** A schema's problems as field issues (the first part of each path names the field). */
export const issuesOf = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));

export interface MappingView {
  child: ChildSummary;
  mapping: MappingRow & { childIds: string[] };
  children: { id: string; name: string }[];
  entries: MappingEntryRow[];
  scores: ScalingScoreRow[];
  /** The child and the people in their world, for "whose view?" and "who will do it?" (forms only). */
  people: PersonToPick[];
  mayChange: boolean;
}

/** A mapping opened in a transaction, with the record of each child it is about (in the mapping's order). */
export interface OpenedMapping {
  view: MappingView;
  records: ChildRecordHandle[];
}

/** Writes the same audit entry on each child's record the mapping is part of. */
export async function auditEach(records: readonly ChildRecordHandle[], action: AuditAction, details: AuditDetails) {
  for (const record of records) await record.audit(action, details);
}

/**
 * Opens the mapping on the child's record and on each other child's it is about, to view or to
 * change; null (the refusal audited) when any of them may not be, or the mapping is not theirs.
 */
async function openMappingIn(
  tx: Tx,
  actor: Actor,
  childId: string,
  mappingId: string,
  need: 'view' | 'change',
  source: RequestSource,
): Promise<OpenedMapping | null> {
  const purpose = { need, action: need === 'view' ? 'child_record.view' : 'mapping.change', source } as const;
  const record = await openChildRecordIn(tx, actor, childId, purpose);
  if (!record || !isUuid(mappingId)) return null;
  const mapping = await mappingById(tx, actor.tenantId, mappingId);
  if (!mapping?.childIds.includes(childId)) return null;
  const records: ChildRecordHandle[] = [];
  for (const id of mapping.childIds) {
    const opened = id === childId ? record : await openChildRecordIn(tx, actor, id, purpose);
    if (!opened) return null;
    records.push(opened);
  }
  // Independent reads, sent together (on a server, one round trip). Only forms ask "whose
  // view?": reading a mapping does not need the child's world.
  const [picking, entries, scores] = await together([
    need === 'change' ? peopleToPickFrom(tx, actor.tenantId, childId) : null,
    entriesOf(tx, actor.tenantId, [mappingId]),
    scoresOf(tx, actor.tenantId, [mappingId]),
  ]);
  if (need === 'change' && !picking) return null;
  const view: MappingView = {
    child: record.child,
    mapping,
    children: records.map((opened) => ({ id: opened.childId, name: shortName(opened.child) })),
    entries,
    scores,
    people: picking ? [picking.child, ...picking.people] : [],
    mayChange: records.every((opened) => opened.mayChange),
  };
  return { view, records };
}

/** Opens the mapping in its own council transaction and runs `work` with it; null when it cannot be opened. */
export function withMapping<T>(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  need: 'view' | 'change',
  source: RequestSource,
  work: (opened: OpenedMapping, tx: Tx) => Promise<T>,
): Promise<T | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const opened = await openMappingIn(tx, actor, childId, mappingId, need, source);
    return opened ? work(opened, tx) : null;
  });
}

/** Opens a mapping for a page or the API, audited on each child it is about as a read of `part`. */
function openingMapping(need: 'view' | 'change', part: string) {
  return (database: Database, actor: Actor, childId: string, mappingId: string, source: RequestSource) =>
    withMapping(database, actor, childId, mappingId, need, source, async ({ view, records }) => {
      await auditEach(records, 'child_record.view', { part, mappingId });
      return view;
    });
}

/** Opens a mapping to read (audited on each child it is about). */
export const openMapping = openingMapping('view', 'mapping');
/** The same, for the JSON API. */
export const openMappingForApi = openingMapping('view', 'mapping_api');
/**
 * Opens a mapping to add to or change (refused, and audited, for anyone who may only read). The
 * form shows the mapping, so opening it is a read of each child's record.
 */
export const openMappingForChange = openingMapping('change', 'mapping_form');

/** Every kept version of one entry, newest first (what was said, and where, before it moved). */
export async function entryHistory(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  entryId: string,
  source: RequestSource,
) {
  const history = await withMapping(database, actor, childId, mappingId, 'view', source, async (opened, tx) => {
    const entry = opened.view.entries.find((candidate) => candidate.id === entryId);
    if (!entry) return null;
    await auditEach(opened.records, 'child_record.view', { part: 'mapping_entry_history', entryId });
    return { view: opened.view, entry, versions: await versionsOf(tx, actor.tenantId, MAPPING_ENTRY, entryId) };
  });
  return history ?? null;
}

export interface MappingComparison {
  child: ChildSummary;
  earlier: MappingView;
  later: MappingView;
  sections: SectionComparison[];
}

/** Two mappings side by side, the earlier first, whichever order they were asked for in. */
export async function compareTwoMappings(
  database: Database,
  actor: Actor,
  childId: string,
  firstId: string,
  secondId: string,
  source: RequestSource,
): Promise<MappingComparison | null> {
  const comparison = await withMapping(database, actor, childId, firstId, 'view', source, async (first, tx) => {
    const second = await openMappingIn(tx, actor, childId, secondId, 'view', source);
    if (!second) return null;
    const [earlier, later] =
      first.view.mapping.heldOn <= second.view.mapping.heldOn ? [first.view, second.view] : [second.view, first.view];
    const record = first.records[first.view.mapping.childIds.indexOf(childId)]!;
    await record.audit('child_record.view', {
      part: 'mapping_comparison',
      earlier: earlier.mapping.id,
      later: later.mapping.id,
    });
    return { child: first.view.child, earlier, later, sections: compareMappings(earlier.entries, later.entries) };
  });
  return comparison ?? null;
}
