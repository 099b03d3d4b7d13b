/**
 * Searching the child's records (visits, their words, direct work, the chronology): one child's,
 * or those of every child this person may open now.
 */
import type { Database } from '../../../platform/db/database.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../../platform/audit/audit-log.js';
import { decideChildRecordAccess } from '../../../platform/access/policy.js';
import type { Actor } from '../../../platform/identity/actor.js';
import {
  caseloadCandidates,
  childSummaries,
  relationshipsOf,
  withChildRecord,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { childShortName } from '../names.js';
import { voicePaths } from '../paths.js';
import { searchRecords, type SearchHit } from '../queries.js';
import type { SearchOrder } from '../search.js';
import { author } from './record.js';

export interface SearchResult extends SearchHit {
  childName: string;
  href: string;
}

function hrefOf(hit: SearchHit): string {
  const childId = hit.childId;
  if (hit.kind === 'visit') return voicePaths.visit.href({ childId, visitId: hit.id });
  if (hit.kind === 'direct_work') return voicePaths.directWork.href({ childId, workId: hit.id });
  if (hit.kind === 'childs_words') return voicePaths.ownWords.href({ childId });
  return voicePaths.chronology.href({ childId });
}

/** Searches one child's records; the search is audited when words were given. */
export function searchChild(
  database: Database,
  actor: Actor,
  childId: string,
  terms: string | null,
  source: RequestSource,
  order: SearchOrder = 'newest',
  page = 1,
): Promise<{ child: ChildSummary; results: SearchResult[]; total: number } | null> {
  const purpose = { need: 'view', action: 'child_record.searched', source } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const { hits, total } = terms
      ? await searchRecords(record.tx, actor.tenantId, [childId], terms, { order, page })
      : { hits: [], total: 0 };
    if (terms) await record.audit('child_record.searched', { results: total, page });
    const childName = childShortName(record.child);
    return { child: record.child, results: hits.map((hit) => ({ ...hit, childName, href: hrefOf(hit) })), total };
  });
}

/**
 * Searches the records of every child this person may open now: allocated to them, shared
 * with them, or their teams' children, as the access policy decides (restricted records
 * without an open reason are left out). The search is audited; opening a result is audited
 * by the page it opens.
 */
export async function searchCaseload(
  database: Database,
  actor: Actor,
  terms: string,
  source: RequestSource,
  order: SearchOrder = 'newest',
  page = 1,
): Promise<{ results: SearchResult[]; total: number }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const candidates = [
      ...(await caseloadCandidates(tx, actor.tenantId, relationships, 'allocated_to_me')),
      ...(relationships.teamIds.length + relationships.managedTeamIds.length > 0
        ? await caseloadCandidates(tx, actor.tenantId, relationships, 'my_teams')
        : []),
    ];
    const allowed = [
      ...new Set(
        candidates
          .filter(({ facts }) => decideChildRecordAccess(relationships, 'view', facts).allowed)
          .map(({ summary }) => summary.childId),
      ),
    ];
    const { hits, total } = await searchRecords(tx, actor.tenantId, allowed, terms, { order, page });
    const names = new Map(
      (await childSummaries(tx, actor.tenantId, [...new Set(hits.map((hit) => hit.childId))])).map((child) => [
        child.childId,
        childShortName(child),
      ]),
    );
    // About no one child: the search itself, with how many children and results it covered.
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'caseload.searched',
      outcome: 'allowed',
      actor: author(actor),
      childPersonId: null,
      subject: null,
      source,
      details: { children: allowed.length, results: total, page },
    });
    return {
      results: hits.map((hit) => ({ ...hit, childName: names.get(hit.childId) ?? '', href: hrefOf(hit) })),
      total,
    };
  });
}
