/**
 * Adding to a mapping and changing it: entries (said in someone's view, in one of the seven
 * sections) and scaling scores. Every change of an entry, a move to another section included,
 * is appended to record history, so nothing that was said is ever lost.
 */
import type { Database } from '../../../platform/db/database.js';
import { appendVersion, latestVersion } from '../../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import type { RequestSource } from '../../child-record/index.js';
import type { PersonToPick } from '../../network/index.js';
import { scoreSchema, validateEntry, type EntryContent } from '../domain.js';
import {
  entriesOf,
  insertEntry,
  insertScore,
  updateEntry,
  type MappingEntryRow,
  type ScalingScoreRow,
} from '../queries.js';
import type { MappingSection } from '../schema.js';
import { auditEach, issuesOf, MAPPING_ENTRY, withMapping, type FieldIssue } from './mapping.js';

const notFound = { outcome: 'not_found' as const };
const author = (actor: Actor) => ({ userId: actor.userId, label: actorLabel(actor) });

/**
 * A person picked from the child's world stands for themselves: their name is filled in from
 * the record. An id that is not in this child's world is refused, never trusted.
 */
function withPickedNames(
  input: Record<string, unknown>,
  people: readonly PersonToPick[],
  pairs: readonly (readonly [idField: string, nameField: string])[],
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
export const entryContentOf = (entry: MappingEntryRow): EntryContent => ({
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

/** An entry's "whose view?" and a next step's "who?" may each name someone from the child's world. */
const entryPeople = [
  ['viewOfPersonId', 'viewOfName'],
  ['stepOwnerPersonId', 'stepOwnerName'],
] as const;

/** Checks an entry for its section once the people it names are filled in from the child's world. */
function checkEntry(section: unknown, input: Record<string, unknown>, people: readonly PersonToPick[]) {
  const picked = withPickedNames(input, people, entryPeople);
  const checked = validateEntry(section, picked.input);
  if (picked.issues.length > 0 || !checked.valid) {
    return { valid: false as const, issues: [...picked.issues, ...(checked.valid ? [] : checked.issues)] };
  }
  return checked;
}

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
  const added = await withMapping(database, actor, childId, mappingId, 'change', source, async (opened, tx) => {
    const checked = checkEntry(section, input, opened.view.people);
    if (!checked.valid) return { outcome: 'invalid' as const, issues: checked.issues };
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
    await auditEach(opened.records, 'mapping.entry_added', {
      mappingId,
      section: checked.content.section,
      entryId: entry.id,
    });
    return { outcome: 'added' as const, entry };
  });
  return added ?? notFound;
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
  const changed = await withMapping(
    database,
    actor,
    childId,
    mappingId,
    'change',
    source,
    async (opened, tx): Promise<ChangeEntryResult> => {
      const current = opened.view.entries.find((entry) => entry.id === entryId);
      if (!current) return notFound;
      if (current.version !== change.expectedVersion) return { outcome: 'conflict' as const, current };
      const checked = checkEntry(change.section, change.input, opened.view.people);
      if (!checked.valid) return { outcome: 'invalid' as const, issues: checked.issues };
      const updated = await updateEntry(tx, actor.tenantId, entryId, change.expectedVersion, checked.content);
      if (!updated) {
        // Someone saved first while this save waited: answer with what they saved (read again
        // now, after their commit), not with what both saves started from.
        const [now] = (await entriesOf(tx, actor.tenantId, [mappingId])).filter((entry) => entry.id === entryId);
        return { outcome: 'conflict' as const, current: now ?? current };
      }
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
      await auditEach(opened.records, 'mapping.entry_changed', {
        mappingId,
        entryId,
        section: updated.section,
        movedFrom,
      });
      return { outcome: 'changed' as const, entry: updated, movedFrom };
    },
  );
  return changed ?? notFound;
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
  const scored = await withMapping(database, actor, childId, mappingId, 'change', source, async (opened, tx) => {
    const picked = withPickedNames(input, opened.view.people, [['scorerPersonId', 'scorerName']]);
    const parsed = scoreSchema.safeParse(picked.input);
    if (picked.issues.length > 0 || !parsed.success) {
      return {
        outcome: 'invalid' as const,
        issues: [...picked.issues, ...(parsed.success ? [] : issuesOf(parsed.error))],
      };
    }
    const score = await insertScore(tx, actor.tenantId, {
      ...parsed.data,
      mappingId,
      recordedBy: actor.userId,
      recordedByLabel: actorLabel(actor),
    });
    await auditEach(opened.records, 'mapping.scored', { mappingId, scoreId: score.id });
    return { outcome: 'scored' as const, score };
  });
  return scored ?? notFound;
}
