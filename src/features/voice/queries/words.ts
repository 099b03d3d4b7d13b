/** The child's words, how they would like to take part, drafts, direct work and hand-recorded chronology entries. */
import { desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { insertReturningId, isRowOfChild, ofChild, ofCouncil } from '../../../platform/db/rows.js';
import { reusableQuery } from '../../../platform/db/reusable-query.js';
import {
  chronologyEntries,
  childsWords,
  type ChronologyCategory,
  directWork,
  type DirectWorkTool,
  type DirectWorkWords,
  drafts,
  participationPreferences,
  type DraftContent,
  type ParticipationWay,
} from '../schema.js';
import type { OfChild } from './shared.js';

export async function insertChildsWords(
  tx: Tx,
  tenantId: string,
  childId: string,
  quote: { words: string; heardBy: string; heardOn: string; setting: string | null },
  author: { userId: string | null; label: string },
) {
  await tx.insert(childsWords).values({
    tenantId,
    childPersonId: childId,
    ...quote,
    recordedBy: author.userId,
    recordedByLabel: author.label,
  });
}

export async function childsWordsOf(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({
      id: childsWords.id,
      words: childsWords.words,
      heardBy: childsWords.heardBy,
      heardOn: childsWords.heardOn,
      setting: childsWords.setting,
      recordedAt: childsWords.recordedAt,
    })
    .from(childsWords)
    .where(ofChild(childsWords, tenantId, childId));
}

export async function insertParticipationPreference(
  tx: Tx,
  tenantId: string,
  childId: string,
  preference: { way: ParticipationWay; inTheirWords: string | null; saidOn: string },
  author: { userId: string | null; label: string },
) {
  await tx.insert(participationPreferences).values({
    tenantId,
    childPersonId: childId,
    ...preference,
    recordedBy: author.userId,
    recordedByLabel: author.label,
  });
}

/** Every preference the child has given, the one that counts first. */
export async function participationPreferencesOf(tx: Tx, tenantId: string, childId: string, limit = 50) {
  return tx
    .select({
      way: participationPreferences.way,
      inTheirWords: participationPreferences.inTheirWords,
      saidOn: participationPreferences.saidOn,
      recordedByLabel: participationPreferences.recordedByLabel,
      recordedAt: participationPreferences.recordedAt,
    })
    .from(participationPreferences)
    .where(ofChild(participationPreferences, tenantId, childId))
    .orderBy(desc(participationPreferences.saidOn), desc(participationPreferences.recordedAt))
    .limit(limit);
}

const draftKey = (tenantId: string, userId: string, childId: string, formKey: string) =>
  ofCouncil(
    drafts,
    tenantId,
    eq(drafts.userId, userId),
    eq(drafts.childPersonId, childId),
    eq(drafts.formKey, formKey),
  );

export async function findDraft(tx: Tx, tenantId: string, userId: string, childId: string, formKey: string) {
  const [row] = await tx
    .select({ content: drafts.content, version: drafts.version, savedAt: drafts.savedAt })
    .from(drafts)
    .where(draftKey(tenantId, userId, childId, formKey));
  return row;
}

/**
 * Saves a draft if it is still at `expectedVersion` (0: there is none yet), in one statement.
 * Returns the new version, or null when someone (another window) saved it meanwhile.
 */
export async function saveDraftIfCurrent(
  tx: Tx,
  tenantId: string,
  key: { userId: string; childId: string; formKey: string },
  content: DraftContent,
  expectedVersion: number,
): Promise<{ version: number; savedAt: Date } | null> {
  const [row] = await tx
    .insert(drafts)
    .values({
      tenantId,
      userId: key.userId,
      childPersonId: key.childId,
      formKey: key.formKey,
      content,
      version: 1,
    })
    .onConflictDoUpdate({
      target: [drafts.tenantId, drafts.userId, drafts.childPersonId, drafts.formKey],
      set: { content, version: sql`${drafts.version} + 1`, savedAt: sql`now()` },
      setWhere: sql`${drafts.version} = ${expectedVersion}`,
    })
    .returning({ version: drafts.version, savedAt: drafts.savedAt });
  // No row: the draft was at another version (another window saved it). A draft inserted anew
  // where one was expected (its record was saved meanwhile) has nothing to conflict with: kept.
  return row ?? null;
}

export async function deleteDraft(tx: Tx, tenantId: string, userId: string, childId: string, formKey: string) {
  await tx.delete(drafts).where(draftKey(tenantId, userId, childId, formKey));
}

export async function insertDirectWork(
  tx: Tx,
  tenantId: string,
  childId: string,
  work: { tool: DirectWorkTool; doneOn: string; doneWith: string; childsWords: DirectWorkWords },
  author: { userId: string | null; label: string },
): Promise<string> {
  return insertReturningId(tx, directWork, {
    tenantId,
    childPersonId: childId,
    ...work,
    recordedBy: author.userId,
    recordedByLabel: author.label,
  });
}

const directWorkColumns = {
  id: directWork.id,
  tool: directWork.tool,
  doneOn: directWork.doneOn,
  doneWith: directWork.doneWith,
  childsWords: directWork.childsWords,
  recordedByLabel: directWork.recordedByLabel,
};

const directWorkQuery = reusableQuery<OfChild>()((tx, p) =>
  tx
    .select(directWorkColumns)
    .from(directWork)
    .where(ofChild(directWork, p.tenantId, p.childId))
    .orderBy(directWork.doneOn, directWork.recordedAt),
);

export async function directWorkOf(tx: Tx, tenantId: string, childId: string) {
  return directWorkQuery(tx, { tenantId, childId });
}

export async function findDirectWork(tx: Tx, tenantId: string, childId: string, workId: string) {
  const [row] = await tx
    .select(directWorkColumns)
    .from(directWork)
    .where(isRowOfChild(directWork, tenantId, childId, workId));
  return row;
}

export async function insertChronologyEntry(
  tx: Tx,
  tenantId: string,
  childId: string,
  entry: { happenedOn: string; category: ChronologyCategory; title: string; details: string | null },
  author: { userId: string | null; label: string },
) {
  await tx.insert(chronologyEntries).values({
    tenantId,
    childPersonId: childId,
    ...entry,
    recordedBy: author.userId,
    recordedByLabel: author.label,
  });
}

const chronologyEntriesQuery = reusableQuery<OfChild>()((tx, p) =>
  tx
    .select({
      id: chronologyEntries.id,
      happenedOn: chronologyEntries.happenedOn,
      category: chronologyEntries.category,
      title: chronologyEntries.title,
      details: chronologyEntries.details,
      recordedByLabel: chronologyEntries.recordedByLabel,
    })
    .from(chronologyEntries)
    .where(ofChild(chronologyEntries, p.tenantId, p.childId)),
);

export async function chronologyEntriesOf(tx: Tx, tenantId: string, childId: string) {
  return chronologyEntriesQuery(tx, { tenantId, childId });
}
