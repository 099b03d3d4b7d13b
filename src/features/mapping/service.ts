/**
 * Mapping with the family, and scaling. Each call runs in one council transaction, asks the
 * same access policy as the rest of the child's record, and writes its audit entry in that
 * transaction. A mapping about a sibling group is opened only by someone who may see every
 * child in it. Every change of an entry (including a move to another section) is appended to
 * record history, so nothing that was said is ever lost. Other features reach the mapping only
 * through here.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion, latestVersion, versionsOf } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import {
  checkChildAccess,
  childrenActorMay,
  childSummaryIn,
  type ChildSummary,
  type RequestSource,
} from '../child-record/index.js';
import { peopleToPickFrom, type PersonToPick } from '../network/index.js';
import {
  compareMappings,
  newMappingSchema,
  scoreSchema,
  validateEntry,
  type EntryContent,
  type SectionComparison,
} from './domain.js';
import {
  entriesOf,
  insertEntry,
  insertMapping,
  insertScore,
  mappingById,
  mappingsOfChild,
  scoresOf,
  scoresOfChildsMappings,
  updateEntry,
  type MappingEntryRow,
  type MappingRow,
  type ScalingScoreRow,
} from './queries.js';
import type { MappingSection } from './schema.js';
import { mappingPaths } from './paths.js';
import { groupAverages } from './presenters.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';

export { latestMappingForPlanning, type MappingForPlanning, type MappingEntryForPlanning } from './queries.js';
export type { MappingEntryRow, ScalingScoreRow } from './queries.js';

export const MAPPING_ENTRY = 'mapping_entry';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type FieldIssue = { field: string; message: string };

/** What the record calls a child in a sentence: the name they are known by, or their first name. */
const shortName = (child: { fullName: string; knownAs: string | null }) =>
  child.knownAs ?? child.fullName.split(' ')[0]!;

const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: string,
  source: RequestSource,
  details: Record<string, string | number | boolean | null> = {},
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: author(actor),
    childPersonId: childId,
    subject: { type: 'child_record', id: childId },
    source,
    details,
  });
}

/** Audits the same action on each child a mapping is about (a sibling group's mapping is part of each record). */
async function auditEach(
  tx: Tx,
  actor: Actor,
  childIds: readonly string[],
  action: string,
  source: RequestSource,
  details: Record<string, string | number | boolean | null>,
) {
  for (const childId of childIds) await audit(tx, actor, childId, action, source, details);
}

// ---- The mapping section of a child's record -----------------------------------------------

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
export async function mappingSection(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<MappingSectionView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'view', source, 'child_record.view'))) return null;
    const [child, all] = await together([
      childSummaryIn(tx, actor.tenantId, childId),
      mappingsOfChild(tx, actor.tenantId, childId),
    ]);
    if (!child) return null;
    // A sibling group's mapping is listed only for someone who may see every child in it.
    const viewable = await childrenActorMay(
      tx,
      actor,
      all.flatMap((mapping) => mapping.childIds),
      'view',
    );
    const shown = all.filter((mapping) => mapping.childIds.every((id) => viewable.has(id)));
    const siblingIds = [...new Set(shown.flatMap((mapping) => mapping.childIds))].filter((id) => id !== childId);
    const [siblings, scores, changeable] = await together([
      together(siblingIds.map((id) => childSummaryIn(tx, actor.tenantId, id))),
      scoresOf(
        tx,
        actor.tenantId,
        shown.map((mapping) => mapping.id),
      ),
      childrenActorMay(tx, actor, [childId], 'change'),
    ]);
    const names = new Map<string, string>([[childId, shortName(child)]]);
    siblingIds.forEach((id, index) => {
      const summary = siblings[index];
      names.set(id, summary ? shortName(summary) : '');
    });
    const mayChange = changeable.has(childId);
    await audit(tx, actor, childId, 'child_record.view', source, { part: 'mapping' });
    return {
      child,
      mappings: shown.map((mapping) => ({
        ...mapping,
        childNames: mapping.childIds.map((id) => names.get(id) ?? ''),
      })),
      scores,
      mayChange,
    };
  });
}

// ---- Starting a mapping ----------------------------------------------------------------

export interface MappingStartView {
  child: ChildSummary;
  /** Brothers and sisters in the child's network with a record this person may change. */
  siblings: PersonToPick[];
}

export async function mappingStartForm(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<MappingStartView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'mapping.start'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    const picking = await peopleToPickFrom(tx, actor.tenantId, childId);
    if (!child || !picking) return null;
    const withRecords = picking.people.filter((person) => person.hasChildRecord);
    const changeable = await childrenActorMay(
      tx,
      actor,
      withRecords.map((person) => person.id),
      'change',
    );
    await audit(tx, actor, childId, 'child_record.view', source, { part: 'mapping_start_form' });
    return { child, siblings: withRecords.filter((person) => changeable.has(person.id)) };
  });
}

export type StartMappingResult =
  { outcome: 'started'; mappingId: string } | { outcome: 'invalid'; issues: FieldIssue[] } | { outcome: 'not_found' };

export async function startMapping(
  database: Database,
  actor: Actor,
  childId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<StartMappingResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'mapping.start'))) {
      return { outcome: 'not_found' as const };
    }
    const parsed = newMappingSchema.safeParse(input);
    if (!parsed.success) {
      return {
        outcome: 'invalid' as const,
        issues: parsed.error.issues.map((issue) => ({
          field: String(issue.path[0] ?? 'form'),
          message: issue.message,
        })),
      };
    }
    const childIds = [...new Set([childId, ...parsed.data.childIds])];
    // Other children must be in this child's world, with a record this person may change.
    const picking = await peopleToPickFrom(tx, actor.tenantId, childId);
    const siblings = new Set(picking?.people.filter((person) => person.hasChildRecord).map((person) => person.id));
    const others = childIds.filter((id) => id !== childId);
    const changeable = await childrenActorMay(tx, actor, others, 'change');
    if (others.some((id) => !siblings.has(id) || !changeable.has(id))) {
      return {
        outcome: 'invalid' as const,
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
    await auditEach(tx, actor, childIds, 'mapping.started', source, { mappingId, children: childIds.length });
    return { outcome: 'started' as const, mappingId };
  });
}

// ---- One mapping -------------------------------------------------------------------------

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

async function loadMapping(
  tx: Tx,
  actor: Actor,
  childId: string,
  mappingId: string,
  action: 'view' | 'change',
  source: RequestSource,
): Promise<MappingView | null> {
  const auditAction = action === 'view' ? 'child_record.view' : 'mapping.change';
  if (!(await checkChildAccess(tx, actor, childId, action, source, auditAction))) return null;
  if (!UUID.test(mappingId)) return null;
  const mapping = await mappingById(tx, actor.tenantId, mappingId);
  if (!mapping?.childIds.includes(childId)) return null;
  for (const other of mapping.childIds.filter((id) => id !== childId)) {
    if (!(await checkChildAccess(tx, actor, other, action, source, auditAction))) return null;
  }
  // Independent reads, sent together (on a server, one round trip). Only forms ask "whose
  // view?": reading a mapping does not need the child's world.
  const [summaries, picking, changeable, entries, scores] = await together([
    together(mapping.childIds.map((id) => childSummaryIn(tx, actor.tenantId, id))),
    action === 'change' ? peopleToPickFrom(tx, actor.tenantId, childId) : null,
    action === 'change' ? null : childrenActorMay(tx, actor, mapping.childIds, 'change'),
    entriesOf(tx, actor.tenantId, [mappingId]),
    scoresOf(tx, actor.tenantId, [mappingId]),
  ]);
  const child = summaries[mapping.childIds.indexOf(childId)];
  if (!child || (action === 'change' && !picking)) return null;
  const children = mapping.childIds.map((id, index) => {
    const summary = summaries[index];
    return { id, name: summary ? shortName(summary) : '' };
  });
  const mayChange = action === 'change' || changeable?.size === mapping.childIds.length;
  return {
    child,
    mapping,
    children,
    entries,
    scores,
    people: picking ? [picking.child, ...picking.people] : [],
    mayChange,
  };
}

/** Opens a mapping to read (audited on each child it is about). */
export async function openMapping(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  source: RequestSource,
  part = 'mapping',
): Promise<MappingView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'view', source);
    if (view) await auditEach(tx, actor, view.mapping.childIds, 'child_record.view', source, { part, mappingId });
    return view;
  });
}

/** Opens a mapping to add to or change (refused, and audited, for anyone who may only read). */
export async function openMappingForChange(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  source: RequestSource,
): Promise<MappingView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'change', source);
    // The form shows the mapping, so opening it is a read of each child's record.
    if (view)
      await auditEach(tx, actor, view.mapping.childIds, 'child_record.view', source, {
        part: 'mapping_form',
        mappingId,
      });
    return view;
  });
}

/**
 * A person picked from the child's world stands for themselves: their name is filled in from
 * the record. An id that is not in this child's world is refused, never trusted.
 */
function withPickedNames(
  input: Record<string, unknown>,
  people: readonly PersonToPick[],
  pairs: readonly [idField: string, nameField: string][],
): { input: Record<string, unknown>; issues: FieldIssue[] } {
  const resolved = { ...input };
  const issues: FieldIssue[] = [];
  for (const [idField, nameField] of pairs) {
    const id = typeof resolved[idField] === 'string' ? resolved[idField].trim() : resolved[idField];
    if (id === undefined || id === null || id === '') {
      resolved[idField] = null;
      continue;
    }
    const person = people.find((candidate) => candidate.id === id);
    if (!person) {
      issues.push({ field: nameField, message: 'Choose someone from this child’s world, or type a name' });
      continue;
    }
    resolved[idField] = person.id;
    const typed = resolved[nameField];
    if (typeof typed !== 'string' || typed.trim() === '') resolved[nameField] = person.name;
  }
  return { input: resolved, issues };
}

const versionContent = (content: EntryContent) => ({ ...content }) as unknown as Record<string, unknown>;

/** What a stored entry says, in the shape its versions keep. */
const entryContentOf = (entry: MappingEntryRow): EntryContent => ({
  section: entry.section,
  statement: entry.statement,
  harmSeverity: entry.harmSeverity,
  harmFrequency: entry.harmFrequency,
  harmWhen: entry.harmWhen,
  worriedWho: entry.worriedWho,
  couldHappen: entry.couldHappen,
  becauseOf: entry.becauseOf,
  inCircumstances: entry.inCircumstances,
  goalWho: entry.goalWho,
  goalWillBeDoing: entry.goalWillBeDoing,
  goalHowWeWillKnow: entry.goalHowWeWillKnow,
  stepOwnerPersonId: entry.stepOwnerPersonId,
  stepOwnerName: entry.stepOwnerName,
  stepDueOn: entry.stepDueOn,
  viewOfKind: entry.viewOfKind,
  viewOfPersonId: entry.viewOfPersonId,
  viewOfName: entry.viewOfName,
});

export type AddEntryResult =
  | { outcome: 'added'; entry: MappingEntryRow }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'not_found' };

export async function addEntry(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  section: unknown,
  input: Record<string, unknown>,
  source: RequestSource,
  carriedFrom?: { type: string; id: string; label: string },
): Promise<AddEntryResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'change', source);
    if (!view) return { outcome: 'not_found' as const };
    const picked = withPickedNames(input, view.people, [
      ['viewOfPersonId', 'viewOfName'],
      ['stepOwnerPersonId', 'stepOwnerName'],
    ]);
    const checked = validateEntry(section, picked.input);
    if (picked.issues.length > 0 || !checked.valid) {
      return { outcome: 'invalid' as const, issues: [...picked.issues, ...(checked.valid ? [] : checked.issues)] };
    }
    const entry = await insertEntry(tx, actor.tenantId, mappingId, {
      ...checked.content,
      createdBy: actor.userId,
      sourceType: carriedFrom?.type ?? null,
      sourceId: carriedFrom?.id ?? null,
      sourceLabel: carriedFrom?.label ?? null,
    });
    await appendVersion(tx, actor.tenantId, {
      recordType: MAPPING_ENTRY,
      recordId: entry.id,
      version: 1,
      author: author(actor),
      reason: null,
      content: versionContent(checked.content),
    });
    await auditEach(tx, actor, view.mapping.childIds, 'mapping.entry_added', source, {
      mappingId,
      section: checked.content.section,
      entryId: entry.id,
    });
    return { outcome: 'added' as const, entry };
  });
}

export type ChangeEntryResult =
  | { outcome: 'changed'; entry: MappingEntryRow; movedFrom: MappingSection | null }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'conflict'; current: MappingEntryRow }
  | { outcome: 'not_found' };

/**
 * Changes what an entry says, or moves it to another section as understanding changes. Refused
 * when someone else changed it since the editor opened it (both versions are shown; nothing is
 * overwritten). Every version is kept.
 */
export async function changeEntry(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  entryId: string,
  change: { section: unknown; input: Record<string, unknown>; expectedVersion: number; reason: string | null },
  source: RequestSource,
): Promise<ChangeEntryResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'change', source);
    const current = view?.entries.find((entry) => entry.id === entryId);
    if (!view || !current) return { outcome: 'not_found' as const };
    if (current.version !== change.expectedVersion) return { outcome: 'conflict' as const, current };
    const picked = withPickedNames(change.input, view.people, [
      ['viewOfPersonId', 'viewOfName'],
      ['stepOwnerPersonId', 'stepOwnerName'],
    ]);
    const checked = validateEntry(change.section, picked.input);
    if (picked.issues.length > 0 || !checked.valid) {
      return { outcome: 'invalid' as const, issues: [...picked.issues, ...(checked.valid ? [] : checked.issues)] };
    }
    const updated = await updateEntry(tx, actor.tenantId, entryId, change.expectedVersion, checked.content);
    if (!updated) return { outcome: 'conflict' as const, current };
    // An entry brought in without history (a bulk import, say) keeps what it said first, too.
    if (!(await latestVersion(tx, actor.tenantId, MAPPING_ENTRY, entryId))) {
      await appendVersion(tx, actor.tenantId, {
        recordType: MAPPING_ENTRY,
        recordId: entryId,
        version: current.version,
        author: { userId: null, label: 'As first recorded' },
        reason: null,
        content: versionContent(entryContentOf(current)),
        recordedAt: current.createdAt,
      });
    }
    await appendVersion(tx, actor.tenantId, {
      recordType: MAPPING_ENTRY,
      recordId: entryId,
      version: updated.version,
      author: author(actor),
      reason: change.reason,
      content: versionContent(checked.content),
    });
    const movedFrom = current.section !== updated.section ? current.section : null;
    await auditEach(tx, actor, view.mapping.childIds, 'mapping.entry_changed', source, {
      mappingId,
      entryId,
      section: updated.section,
      movedFrom,
    });
    return { outcome: 'changed' as const, entry: updated, movedFrom };
  });
}

/** Every kept version of one entry, newest first (what was said, and where, before it moved). */
export async function entryHistory(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  entryId: string,
  source: RequestSource,
) {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'view', source);
    const entry = view?.entries.find((candidate) => candidate.id === entryId);
    if (!view || !entry) return null;
    await auditEach(tx, actor, view.mapping.childIds, 'child_record.view', source, {
      part: 'mapping_entry_history',
      entryId,
    });
    return { view, entry, versions: await versionsOf(tx, actor.tenantId, MAPPING_ENTRY, entryId) };
  });
}

export type AddScoreResult =
  | { outcome: 'scored'; score: ScalingScoreRow }
  | { outcome: 'invalid'; issues: FieldIssue[] }
  | { outcome: 'not_found' };

/** One person's 0 to 10 judgement, with their reason. */
export async function addScore(
  database: Database,
  actor: Actor,
  childId: string,
  mappingId: string,
  input: Record<string, unknown>,
  source: RequestSource,
): Promise<AddScoreResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const view = await loadMapping(tx, actor, childId, mappingId, 'change', source);
    if (!view) return { outcome: 'not_found' as const };
    const picked = withPickedNames(input, view.people, [['scorerPersonId', 'scorerName']]);
    const parsed = scoreSchema.safeParse(picked.input);
    if (picked.issues.length > 0 || !parsed.success) {
      return {
        outcome: 'invalid' as const,
        issues: [
          ...picked.issues,
          ...(parsed.success
            ? []
            : parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }))),
        ],
      };
    }
    const score = await insertScore(tx, actor.tenantId, {
      ...parsed.data,
      mappingId,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await auditEach(tx, actor, view.mapping.childIds, 'mapping.scored', source, { mappingId, scoreId: score.id });
    return { outcome: 'scored' as const, score };
  });
}

// ---- Carrying a line in from elsewhere (a visit) ----------------------------------------------

export interface CarryForm {
  child: ChildSummary;
  /** The child's mappings this person may add to, newest first. */
  mappings: { id: string; title: string; heldOn: string }[];
  people: PersonToPick[];
}

/** What the "add this line to the mapping" form offers: the mappings to choose from and the people in the child's world. */
export async function carryForm(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<CarryForm | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    if (!(await checkChildAccess(tx, actor, childId, 'change', source, 'mapping.change'))) return null;
    const child = await childSummaryIn(tx, actor.tenantId, childId);
    const picking = await peopleToPickFrom(tx, actor.tenantId, childId);
    if (!child || !picking) return null;
    const all = await mappingsOfChild(tx, actor.tenantId, childId);
    const changeable = await childrenActorMay(
      tx,
      actor,
      all.flatMap((mapping) => mapping.childIds),
      'change',
    );
    await audit(tx, actor, childId, 'child_record.view', source, { part: 'mapping_carry_form' });
    return {
      child,
      mappings: all
        .filter((mapping) => mapping.childIds.every((id) => changeable.has(id)))
        .map((mapping) => ({ id: mapping.id, title: mapping.title, heldOn: mapping.heldOn })),
      people: [picking.child, ...picking.people],
    };
  });
}

// ---- Comparing two mappings ------------------------------------------------------------------

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
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const first = await loadMapping(tx, actor, childId, firstId, 'view', source);
    const second = first ? await loadMapping(tx, actor, childId, secondId, 'view', source) : null;
    if (!first || !second) return null;
    const [earlier, later] = first.mapping.heldOn <= second.mapping.heldOn ? [first, second] : [second, first];
    await audit(tx, actor, childId, 'child_record.view', source, {
      part: 'mapping_comparison',
      earlier: earlier.mapping.id,
      later: later.mapping.id,
    });
    return { child: first.child, earlier, later, sections: compareMappings(earlier.entries, later.entries) };
  });
}

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
      href: mappingPaths.mapping(childId, mapping.id),
    };
  });
}
