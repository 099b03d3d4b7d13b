/**
 * A team manager reviews every opening of a restricted record of their teams' children: who
 * opened it and why. Reviewing is audited; a grant can be reviewed once.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { isUuid } from '../../platform/db/ids.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { relationshipsOf } from '../child-record/index.js';
import { entriesUnderGrant, ENTRIES_UNDER_A_GRANT, grantsAwaitingReview, markReviewed } from './queries.js';

/**
 * The openings waiting for this manager's review, each with what was looked at and done under
 * it (the opener's audit entries about that child while the grant lasted), so the review is
 * of what happened, not only of the reason given.
 */
export async function reviewsFor(database: Database, actor: Actor, now: Date = new Date()) {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const grants = await grantsAwaitingReview(tx, actor.tenantId, relationships.managedTeamIds);
    const reviews = [];
    for (const grant of grants) {
      const entries = await entriesUnderGrant(tx, actor.tenantId, grant, now);
      reviews.push({
        ...grant,
        entries: entries.slice(0, ENTRIES_UNDER_A_GRANT),
        moreEntries: entries.length > ENTRIES_UNDER_A_GRANT,
        stillOpen: grant.expiresAt > now,
      });
    }
    return reviews;
  });
}

export async function reviewGrant(
  database: Database,
  actor: Actor,
  grantId: string,
  note: string | null,
  source: RequestSource,
): Promise<'reviewed' | 'not_found'> {
  if (!isUuid(grantId)) return 'not_found';
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const mine = await grantsAwaitingReview(tx, actor.tenantId, relationships.managedTeamIds);
    const grant = mine.find((candidate) => candidate.grantId === grantId);
    if (!grant || !(await markReviewed(tx, actor.tenantId, grantId, actor.userId, note))) return 'not_found';
    // About the grant, not the record (which was opened under its own audit entry): so not auditChildRecord.
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'child_record.restricted_opening_reviewed',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      childPersonId: grant.childPersonId,
      subject: { type: 'restricted_access_grant', id: grantId },
      reason: note,
      source,
    });
    return 'reviewed';
  });
}
