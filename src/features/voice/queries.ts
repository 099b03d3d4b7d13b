/** The only place SQL about visits, the child's words, taking part and drafts is written. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { reusableQuery } from '../../platform/db/reusable-query.js';
import { rowsOf } from '../../platform/db/tenancy.js';
import { MARK_END, MARK_START, SEARCH_PAGE_SIZE, SEARCH_PAGES, type SearchOrder } from './search.js';
import { networkMembers } from '../network/schema.js';
import { childRecords, people } from '../people/schema.js';
import type { VisitContent } from './visit-form.js';
import {
  attachments,
  type AttachmentOwner,
  type AttachmentType,
  chronologyEntries,
  childsWords,
  type ChronologyCategory,
  directWork,
  type DirectWorkTool,
  type DirectWorkWords,
  drafts,
  participationPreferences,
  type recordWords,
  visits,
  type DraftContent,
  type NextStep,
  type PersonThere,
  type ParticipationWay,
} from './schema.js';

/** The council and child most of this feature's reads are about. */
interface OfChild {
  tenantId: string;
  childId: string;
}

const childHeaderQuery = reusableQuery<OfChild>()((tx, p) =>
  tx
    .select({
      childId: people.id,
      fullName: people.fullName,
      knownAs: people.knownAs,
      reference: childRecords.reference,
    })
    .from(childRecords)
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, p.tenantId), eq(childRecords.personId, p.childId))),
);

/** The child's name and reference, for the heading of every page of their record here. */
export async function childHeader(tx: Tx, tenantId: string, childId: string) {
  const [row] = await childHeaderQuery(tx, { tenantId, childId });
  return row;
}

/** The people in the child's network now (not groups or places; not those who have died), for "who was there". */
export async function networkPeopleOf(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({ id: people.id, fullName: people.fullName, knownAs: people.knownAs })
    .from(networkMembers)
    .innerJoin(people, and(eq(people.tenantId, networkMembers.tenantId), eq(people.id, networkMembers.personId)))
    .where(
      and(
        eq(networkMembers.tenantId, tenantId),
        eq(networkMembers.childPersonId, childId),
        isNull(networkMembers.noLongerInvolvedOn),
        isNull(people.mergedInto),
        eq(people.kind, 'person'),
        isNull(people.diedOn),
      ),
    )
    .orderBy(people.fullName);
}

const visitContentColumns = {
  kind: visits.kind,
  happenedAt: visits.happenedAt,
  place: visits.place,
  whoWasThere: visits.whoWasThere,
  childSeen: visits.childSeen,
  seenAlone: visits.seenAlone,
  notSeenReason: visits.notSeenReason,
  seenHeardFelt: visits.seenHeardFelt,
  childsWords: visits.childsWords,
  workingWell: visits.workingWell,
  worries: visits.worries,
  reflection: visits.reflection,
  nextSteps: visits.nextSteps,
};

/** A stored visit in the same shape and key order as a typed one (jsonb reorders object keys). */
const asContent = <Row extends { happenedAt: Date; whoWasThere: PersonThere[]; nextSteps: NextStep[] }>(row: Row) => ({
  ...row,
  happenedAt: row.happenedAt.toISOString(),
  whoWasThere: row.whoWasThere.map((person) => ({ personId: person.personId, name: person.name })),
  nextSteps: row.nextSteps.map((step) => ({ who: step.who, what: step.what, byWhen: step.byWhen })),
});

export async function insertVisit(
  tx: Tx,
  tenantId: string,
  childId: string,
  visit: VisitContent,
  author: { userId: string | null; label: string },
): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx
    .insert(visits)
    .values({
      tenantId,
      childPersonId: childId,
      ...visit,
      happenedAt: new Date(visit.happenedAt),
      recordedBy: author.userId,
      recordedByLabel: author.label,
    })
    .returning({ id: visits.id, createdAt: visits.createdAt });
  if (!row) throw new Error('insert into visits returned no row');
  return row;
}

export async function updateVisit(tx: Tx, tenantId: string, visitId: string, visit: VisitContent, version: number) {
  await tx
    .update(visits)
    .set({ ...visit, happenedAt: new Date(visit.happenedAt), version, updatedAt: new Date() })
    .where(and(eq(visits.tenantId, tenantId), eq(visits.id, visitId)));
}

export async function findVisit(tx: Tx, tenantId: string, childId: string, visitId: string) {
  const [row] = await tx
    .select({
      id: visits.id,
      version: visits.version,
      recordedByLabel: visits.recordedByLabel,
      createdAt: visits.createdAt,
      ...visitContentColumns,
    })
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), eq(visits.childPersonId, childId), eq(visits.id, visitId)));
  if (!row) return undefined;
  const { id, version, recordedByLabel, createdAt, ...content } = row;
  return { id, version, recordedByLabel, createdAt, content: asContent(content) as VisitContent };
}

export async function visitsOf(tx: Tx, tenantId: string, childId: string) {
  const rows = await tx
    .select({
      id: visits.id,
      version: visits.version,
      recordedByLabel: visits.recordedByLabel,
      ...visitContentColumns,
    })
    .from(visits)
    .where(and(eq(visits.tenantId, tenantId), eq(visits.childPersonId, childId)))
    .orderBy(desc(visits.happenedAt));
  return rows.map(({ id, version, recordedByLabel, ...content }) => ({
    id,
    version,
    recordedByLabel,
    content: asContent(content),
  }));
}

/** What the chronology shows of each visit: its kind, time, place and who recorded it, not its words. */
const visitHeadlinesQuery = reusableQuery<OfChild>()((tx, p) =>
  tx
    .select({
      id: visits.id,
      kind: visits.kind,
      happenedAt: visits.happenedAt,
      place: visits.place,
      childSeen: visits.childSeen,
      seenAlone: visits.seenAlone,
      recordedByLabel: visits.recordedByLabel,
    })
    .from(visits)
    .where(and(eq(visits.tenantId, p.tenantId), eq(visits.childPersonId, p.childId)))
    .orderBy(desc(visits.happenedAt)),
);

export async function visitHeadlinesOf(tx: Tx, tenantId: string, childId: string) {
  return visitHeadlinesQuery(tx, { tenantId, childId });
}

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
    .where(and(eq(childsWords.tenantId, tenantId), eq(childsWords.childPersonId, childId)));
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
    .where(and(eq(participationPreferences.tenantId, tenantId), eq(participationPreferences.childPersonId, childId)))
    .orderBy(desc(participationPreferences.saidOn), desc(participationPreferences.recordedAt))
    .limit(limit);
}

const draftKey = (tenantId: string, userId: string, childId: string, formKey: string) =>
  and(
    eq(drafts.tenantId, tenantId),
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
  const [row] = await tx
    .insert(directWork)
    .values({ tenantId, childPersonId: childId, ...work, recordedBy: author.userId, recordedByLabel: author.label })
    .returning({ id: directWork.id });
  if (!row) throw new Error('insert into direct_work returned no row');
  return row.id;
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
    .where(and(eq(directWork.tenantId, p.tenantId), eq(directWork.childPersonId, p.childId)))
    .orderBy(directWork.doneOn, directWork.recordedAt),
);

export async function directWorkOf(tx: Tx, tenantId: string, childId: string) {
  return directWorkQuery(tx, { tenantId, childId });
}

export async function findDirectWork(tx: Tx, tenantId: string, childId: string, workId: string) {
  const [row] = await tx
    .select(directWorkColumns)
    .from(directWork)
    .where(and(eq(directWork.tenantId, tenantId), eq(directWork.childPersonId, childId), eq(directWork.id, workId)));
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
    .where(and(eq(chronologyEntries.tenantId, p.tenantId), eq(chronologyEntries.childPersonId, p.childId))),
);

export async function chronologyEntriesOf(tx: Tx, tenantId: string, childId: string) {
  return chronologyEntriesQuery(tx, { tenantId, childId });
}

export async function insertAttachment(
  tx: Tx,
  tenantId: string,
  childId: string,
  attachment: {
    belongsTo: AttachmentOwner;
    belongsToId: string | null;
    fileName: string;
    contentType: AttachmentType;
    description: string | null;
    content: Buffer;
  },
  author: { userId: string | null; label: string },
): Promise<string> {
  const [row] = await tx
    .insert(attachments)
    .values({
      tenantId,
      childPersonId: childId,
      ...attachment,
      byteSize: attachment.content.length,
      uploadedBy: author.userId,
      uploadedByLabel: author.label,
    })
    .returning({ id: attachments.id });
  if (!row) throw new Error('insert into attachments returned no row');
  return row.id;
}

/** What is attached to one record (not the content itself). */
export async function attachmentsOf(
  tx: Tx,
  tenantId: string,
  childId: string,
  belongsTo: AttachmentOwner,
  belongsToId: string,
) {
  return tx
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      byteSize: attachments.byteSize,
      description: attachments.description,
      uploadedByLabel: attachments.uploadedByLabel,
      uploadedAt: attachments.uploadedAt,
    })
    .from(attachments)
    .where(
      and(
        eq(attachments.tenantId, tenantId),
        eq(attachments.childPersonId, childId),
        eq(attachments.belongsTo, belongsTo),
        eq(attachments.belongsToId, belongsToId),
      ),
    )
    .orderBy(attachments.uploadedAt);
}

export async function findAttachmentContent(tx: Tx, tenantId: string, childId: string, attachmentId: string) {
  const [row] = await tx
    .select({ fileName: attachments.fileName, contentType: attachments.contentType, content: attachments.content })
    .from(attachments)
    .where(
      and(eq(attachments.tenantId, tenantId), eq(attachments.childPersonId, childId), eq(attachments.id, attachmentId)),
    );
  return row;
}

export type SearchKind = (typeof recordWords.$inferSelect)['kind'];
export interface SearchHit {
  kind: SearchKind;
  id: string;
  childId: string;
  when: string;
  snippet: string;
}

export type { SearchOrder } from './search.js';

export interface SearchFound {
  /** The page's matches, each with its snippet. */
  hits: SearchHit[];
  /** How many records matched in all. */
  total: number;
}

/**
 * Full-text search (websearch syntax: words, "a phrase", -not) across visits, the child's
 * words, direct work and the chronology of the given children, a page at a time.
 *
 * Every match is found through the (council, child, words) index of `record_words`, one narrow
 * row a record, so a search costs about what its matches cost, whether the words are common or
 * rare; only the page asked for is put in order (newest first or best first) and given snippets
 * from the records themselves.
 */
export async function searchRecords(
  tx: Tx,
  tenantId: string,
  childIds: string[],
  terms: string,
  { order = 'newest', page = 1 }: { order?: SearchOrder; page?: number } = {},
): Promise<SearchFound> {
  if (childIds.length === 0) return { hits: [], total: 0 };
  const firstPosition = (Math.max(1, Math.min(page, SEARCH_PAGES)) - 1) * SEARCH_PAGE_SIZE;
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const result = await tx.execute(sql`
    with q as materialized (select websearch_to_tsquery('english', ${terms}) as query),
    matches as materialized (
      select r.kind, r.record_id as id, r.child_person_id as "childId", r.happened_at as at,
             ${order === 'best' ? sql`ts_rank(r.words, (select query from q))` : sql`0::real`} as rank
        from record_words r
       where r.tenant_id = ${tenantId} and r.child_person_id = any(${sql.param(childIds)}::uuid[])
         and r.words @@ (select query from q)),
    page as (select * from matches order by rank desc, at desc, id limit ${SEARCH_PAGE_SIZE} offset ${firstPosition})
    select counted.total, page.kind, page.id::text as id, page."childId"::text as "childId",
           case page.kind when 'visit' then to_char(page.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                          else to_char(page.at at time zone 'UTC', 'YYYY-MM-DD') end as "when",
           ts_headline('english', case page.kind
             when 'visit' then (select concat_ws(' ', v.place, v.seen_heard_felt, v.childs_words, v.working_well, v.worries, v.not_seen_reason)
                                  from visits v where v.tenant_id = ${tenantId} and v.id = page.id)
             when 'childs_words' then (select w.words from childs_words w where w.tenant_id = ${tenantId} and w.id = page.id)
             when 'direct_work' then (select string_agg(item, '. ') from direct_work d, jsonb_each(d.childs_words) part,
                                        jsonb_array_elements_text(part.value) item
                                       where d.tenant_id = ${tenantId} and d.id = page.id)
             when 'chronology' then (select c.title || '. ' || coalesce(c.details, '') from chronology_entries c
                                       where c.tenant_id = ${tenantId} and c.id = page.id)
           end, q.query, ${options}) as snippet
      from (select count(*)::int as total from matches) counted
      left join page on true
     cross join q
     order by page.rank desc, page.at desc, page.id`);
  // One row always comes back, carrying the count; on a page past the last its record is null.
  const rows = rowsOf<(SearchHit | Record<keyof SearchHit, null>) & { total: number }>(result);
  return {
    hits: rows.flatMap((row) =>
      row.id === null
        ? []
        : [{ kind: row.kind, id: row.id, childId: row.childId, when: row.when, snippet: row.snippet }],
    ),
    total: rows[0]?.total ?? 0,
  };
}
