/** Full-text search across the child's records. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { rowsOf } from '../../../platform/db/tenancy.js';
import { MARK_END, MARK_START, SEARCH_PAGE_SIZE, SEARCH_PAGES, type SearchOrder } from '../search.js';
import type { recordWords } from '../schema.js';

export type SearchKind = (typeof recordWords.$inferSelect)['kind'];
export interface SearchHit {
  kind: SearchKind;
  id: string;
  childId: string;
  when: string;
  snippet: string;
}

export type { SearchOrder } from '../search.js';

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
