/** The only place SQL about visits, the child's words, taking part and drafts is written. */
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOf } from '../../platform/db/tenancy.js';
import {
  MARK_END,
  MARK_START,
  SEARCH_COUNT_LIMIT,
  SEARCH_PAGE_SIZE,
  SEARCH_PAGES,
  type SearchOrder,
} from './search.js';
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
  visits,
  type DraftContent,
  type NextStep,
  type PersonThere,
  type ParticipationWay,
} from './schema.js';

export async function childHeader(tx: Tx, tenantId: string, childId: string) {
  const [row] = await tx
    .select({
      childId: people.id,
      fullName: people.fullName,
      knownAs: people.knownAs,
      reference: childRecords.reference,
    })
    .from(childRecords)
    .innerJoin(people, and(eq(people.tenantId, childRecords.tenantId), eq(people.id, childRecords.personId)))
    .where(and(eq(childRecords.tenantId, tenantId), eq(childRecords.personId, childId)));
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
export async function visitHeadlinesOf(tx: Tx, tenantId: string, childId: string) {
  return tx
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
    .where(and(eq(visits.tenantId, tenantId), eq(visits.childPersonId, childId)))
    .orderBy(desc(visits.happenedAt));
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

export async function directWorkOf(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select(directWorkColumns)
    .from(directWork)
    .where(and(eq(directWork.tenantId, tenantId), eq(directWork.childPersonId, childId)))
    .orderBy(directWork.doneOn, directWork.recordedAt);
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

export async function chronologyEntriesOf(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({
      id: chronologyEntries.id,
      happenedOn: chronologyEntries.happenedOn,
      category: chronologyEntries.category,
      title: chronologyEntries.title,
      details: chronologyEntries.details,
      recordedByLabel: chronologyEntries.recordedByLabel,
    })
    .from(chronologyEntries)
    .where(and(eq(chronologyEntries.tenantId, tenantId), eq(chronologyEntries.childPersonId, childId)));
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

export type SearchKind = 'visit' | 'childs_words' | 'direct_work' | 'chronology';
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
  /** How many matched: every match for best first; newest first counts up to SEARCH_COUNT_LIMIT. */
  total: number;
  /** Newest first stopped counting at SEARCH_COUNT_LIMIT: more than that matched. */
  moreThanCounted: boolean;
}

/**
 * Full-text search (websearch syntax: words, "a phrase", -not) across visits, the child's
 * words, direct work and the chronology of the given children, a page at a time.
 *
 * Newest first (the default) reads the children's records newest first and tests the words on
 * each in turn, stopping once it has counted SEARCH_COUNT_LIMIT + 1 matches: so a search for a
 * common word across a team's children tests a few hundred records, not every record they
 * have (the dates come from each table's (council, child, date) index). Best first must rank
 * every match, so it reads them all. Either way only the page's matches get a snippet.
 */
export async function searchRecords(
  tx: Tx,
  tenantId: string,
  childIds: string[],
  terms: string,
  { order = 'newest', page = 1 }: { order?: SearchOrder; page?: number } = {},
): Promise<SearchFound> {
  if (childIds.length === 0) return { hits: [], total: 0, moreThanCounted: false };
  const firstPosition = (Math.max(1, Math.min(page, SEARCH_PAGES)) - 1) * SEARCH_PAGE_SIZE;
  const lastPosition = firstPosition + SEARCH_PAGE_SIZE;
  const children = sql`${sql.param(childIds)}::uuid[]`;
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const numbered = order === 'best' ? bestFirst(tenantId, children) : newestFirst(tenantId, children);
  const result = await tx.execute(sql`
    with q as materialized (select websearch_to_tsquery('english', ${terms}) as query),
    ${numbered}
    select found.kind, found.id::text as id, found."childId"::text as "childId",
           case found.kind when 'visit' then to_char(found.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                           else to_char(found.at at time zone 'UTC', 'YYYY-MM-DD') end as "when",
           found.total::int as total,
           ts_headline('english', case found.kind
             when 'visit' then (select concat_ws(' ', v.place, v.seen_heard_felt, v.childs_words, v.working_well, v.worries, v.not_seen_reason)
                                  from visits v where v.tenant_id = ${tenantId} and v.id = found.id)
             when 'childs_words' then (select w.words from childs_words w where w.tenant_id = ${tenantId} and w.id = found.id)
             when 'direct_work' then (select string_agg(item, '. ') from direct_work d, jsonb_each(d.childs_words) part,
                                        jsonb_array_elements_text(part.value) item
                                       where d.tenant_id = ${tenantId} and d.id = found.id)
             else (select c.title || '. ' || coalesce(c.details, '') from chronology_entries c
                    where c.tenant_id = ${tenantId} and c.id = found.id)
           end, q.query, ${options}) as snippet
      from found, q
     where found.position > ${firstPosition} and found.position <= ${lastPosition}
     order by found.position`);
  const rows = rowsOf<SearchHit & { total: number }>(result);
  const counted = rows[0]?.total ?? (firstPosition > 0 ? await countOnly(tx, tenantId, childIds, terms, order) : 0);
  const moreThanCounted = order === 'newest' && counted > SEARCH_COUNT_LIMIT;
  return {
    hits: rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      childId: row.childId,
      when: row.when,
      snippet: row.snippet,
    })),
    total: moreThanCounted ? SEARCH_COUNT_LIMIT : counted,
    moreThanCounted,
  };
}

/** A page past the last: no rows to carry the count, so count on its own. */
async function countOnly(tx: Tx, tenantId: string, childIds: string[], terms: string, order: SearchOrder) {
  const numbered =
    order === 'best'
      ? bestFirst(tenantId, sql`${sql.param(childIds)}::uuid[]`)
      : newestFirst(tenantId, sql`${sql.param(childIds)}::uuid[]`);
  const [row] = rowsOf<{ total: number }>(
    await tx.execute(sql`
      with q as materialized (select websearch_to_tsquery('english', ${terms}) as query),
      ${numbered}
      select count(*)::int as total from found`),
  );
  return row?.total ?? 0;
}

/** Where each kind of record is kept, and when it happened (a time, or a day taken as its midnight UTC). */
const searchSources = [
  { kind: 'visit', table: sql`visits`, at: sql`happened_at` },
  { kind: 'childs_words', table: sql`childs_words`, at: sql`heard_on::timestamp at time zone 'UTC'` },
  { kind: 'direct_work', table: sql`direct_work`, at: sql`done_on::timestamp at time zone 'UTC'` },
  { kind: 'chronology', table: sql`chronology_entries`, at: sql`happened_on::timestamp at time zone 'UTC'` },
] as const;

/**
 * `found`: the first SEARCH_COUNT_LIMIT + 1 matches, newest first, numbered, with how many of
 * them there are. The records are put in date order first (a materialised CTE, read in that
 * order), and the words are tested on each as it is read, so the test stops at the limit.
 */
function newestFirst(tenantId: string, children: SQL): SQL {
  const everyRecord = sql.join(
    searchSources.map(
      (source) =>
        sql`select ${source.kind}::text as kind, r.id, r.child_person_id as "childId", ${source.at} as at
              from ${source.table} r where r.tenant_id = ${tenantId} and r.child_person_id = any(${children})`,
    ),
    sql` union all `,
  );
  // A scalar subquery per record (not EXISTS, which PostgreSQL may turn into matching every
  // record of the council at once), so the words are tested on one record at a time, in order.
  const wordsMatch = sql.join(
    searchSources.map(
      (source) =>
        sql`when ${source.kind} then (select r.search_text @@ (select query from q) from ${source.table} r
              where r.tenant_id = ${tenantId} and r.id = record.id)`,
    ),
    sql` `,
  );
  return sql`
    newest as materialized (select * from (${everyRecord}) every_record order by at desc, id),
    matched as materialized (
      select record.* from newest record where case record.kind ${wordsMatch} end limit ${SEARCH_COUNT_LIMIT + 1}
    ),
    found as (select matched.*, row_number() over () as position, count(*) over () as total from matched)`;
}

/** `found`: every match, ranked (how much of the search the words hold), then newest first. */
function bestFirst(tenantId: string, children: SQL): SQL {
  const matches = sql.join(
    searchSources.map(
      (source) =>
        sql`select ${source.kind}::text as kind, r.id, r.child_person_id as "childId", ${source.at} as at,
                   ts_rank(r.search_text, (select query from q)) as rank
              from ${source.table} r
             where r.tenant_id = ${tenantId} and r.child_person_id = any(${children}) and r.search_text @@ (select query from q)`,
    ),
    sql` union all `,
  );
  return sql`
    found as (
      select matches.kind, matches.id, matches."childId", matches.at,
             row_number() over (order by rank desc, at desc, id) as position, count(*) over () as total
        from (${matches}) matches
    )`;
}
