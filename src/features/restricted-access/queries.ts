/** Openings of restricted records waiting for a team manager's review. */
import { asc, desc, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { isRow, ofCouncil } from '../../platform/db/rows.js';
import { auditEvents } from '../../platform/audit/schema.js';
import { childAllocations, restrictedAccessGrants, users } from '../../platform/identity/schema.js';
import { people } from '../people/schema.js';

/** Grants on children allocated to any of these teams, not yet reviewed. */
export async function grantsAwaitingReview(tx: Tx, tenantId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  return tx
    .select({
      grantId: restrictedAccessGrants.id,
      childPersonId: restrictedAccessGrants.childPersonId,
      childName: people.fullName,
      userId: restrictedAccessGrants.userId,
      openedBy: users.fullName,
      reason: restrictedAccessGrants.reason,
      grantedAt: restrictedAccessGrants.grantedAt,
      expiresAt: restrictedAccessGrants.expiresAt,
    })
    .from(restrictedAccessGrants)
    .innerJoin(people, isRow(people, restrictedAccessGrants.tenantId, restrictedAccessGrants.childPersonId))
    .innerJoin(users, isRow(users, restrictedAccessGrants.tenantId, restrictedAccessGrants.userId))
    .where(
      ofCouncil(
        restrictedAccessGrants,
        tenantId,
        isNull(restrictedAccessGrants.reviewedAt),
        inArray(
          restrictedAccessGrants.childPersonId,
          tx
            .select({ childPersonId: childAllocations.childPersonId })
            .from(childAllocations)
            .where(
              ofCouncil(
                childAllocations,
                tenantId,
                isNull(childAllocations.endsOn),
                inArray(childAllocations.teamId, [...teamIds]),
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(restrictedAccessGrants.grantedAt));
}

export async function markReviewed(
  tx: Tx,
  tenantId: string,
  grantId: string,
  reviewerId: string,
  note: string | null,
): Promise<boolean> {
  const updated = await tx
    .update(restrictedAccessGrants)
    .set({ reviewedBy: reviewerId, reviewedAt: new Date(), reviewNote: note })
    .where(
      ofCouncil(
        restrictedAccessGrants,
        tenantId,
        eq(restrictedAccessGrants.id, grantId),
        isNull(restrictedAccessGrants.reviewedAt),
      ),
    )
    .returning({ id: restrictedAccessGrants.id, childPersonId: restrictedAccessGrants.childPersonId });
  return updated.length === 1;
}

/** The most entries listed under one grant; the audit trail has the rest. */
export const ENTRIES_UNDER_A_GRANT = 200;

/**
 * What the person who opened a restricted record did in it while the grant lasted: their
 * audit entries about that child from the moment it was given to its end (or now), oldest
 * first, without the opening itself. Through the index on (council, actor, sequence).
 */
export async function entriesUnderGrant(
  tx: Tx,
  tenantId: string,
  grant: { userId: string; childPersonId: string; grantedAt: Date; expiresAt: Date },
  now: Date,
) {
  const until = grant.expiresAt < now ? grant.expiresAt : now;
  return tx
    .select({
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      subjectType: auditEvents.subjectType,
    })
    .from(auditEvents)
    .where(
      ofCouncil(
        auditEvents,
        tenantId,
        eq(auditEvents.actorUserId, grant.userId),
        eq(auditEvents.childPersonId, grant.childPersonId),
        gte(auditEvents.occurredAt, grant.grantedAt),
        lte(auditEvents.occurredAt, until),
        ne(auditEvents.action, 'child_record.restricted_opened'),
      ),
    )
    .orderBy(asc(auditEvents.sequence))
    .limit(ENTRIES_UNDER_A_GRANT + 1);
}
