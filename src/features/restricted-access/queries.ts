/** Openings of restricted records waiting for a team manager's review. */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
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
      openedBy: users.fullName,
      reason: restrictedAccessGrants.reason,
      grantedAt: restrictedAccessGrants.grantedAt,
      expiresAt: restrictedAccessGrants.expiresAt,
    })
    .from(restrictedAccessGrants)
    .innerJoin(
      people,
      and(eq(people.tenantId, restrictedAccessGrants.tenantId), eq(people.id, restrictedAccessGrants.childPersonId)),
    )
    .innerJoin(
      users,
      and(eq(users.tenantId, restrictedAccessGrants.tenantId), eq(users.id, restrictedAccessGrants.userId)),
    )
    .where(
      and(
        eq(restrictedAccessGrants.tenantId, tenantId),
        isNull(restrictedAccessGrants.reviewedAt),
        inArray(
          restrictedAccessGrants.childPersonId,
          tx
            .select({ childPersonId: childAllocations.childPersonId })
            .from(childAllocations)
            .where(
              and(
                eq(childAllocations.tenantId, tenantId),
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
      and(
        eq(restrictedAccessGrants.tenantId, tenantId),
        eq(restrictedAccessGrants.id, grantId),
        isNull(restrictedAccessGrants.reviewedAt),
      ),
    )
    .returning({ id: restrictedAccessGrants.id, childPersonId: restrictedAccessGrants.childPersonId });
  return updated.length === 1;
}
