/** SQL for a council's own settings, in that council's transaction. */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { DEFAULT_RESTRICTED_GRANT_RULE, type RestrictedGrantRule } from './restricted-grant.js';
import { councilSettings } from './schema.js';

/** How long this council's restricted records stay open after a reason is given (its default without a row). */
export async function restrictedGrantRuleOf(tx: Tx, tenantId: string): Promise<RestrictedGrantRule> {
  const [row] = await tx
    .select({
      until: councilSettings.restrictedGrantUntil,
      workingDayEndsAt: councilSettings.workingDayEndsAt,
      hours: councilSettings.restrictedGrantHours,
    })
    .from(councilSettings)
    .where(eq(councilSettings.tenantId, tenantId));
  return row ?? DEFAULT_RESTRICTED_GRANT_RULE;
}

/** Changes it, recording who did and when. */
export async function saveRestrictedGrantRule(
  tx: Tx,
  tenantId: string,
  rule: RestrictedGrantRule,
  userId: string,
): Promise<void> {
  const values = {
    restrictedGrantUntil: rule.until,
    workingDayEndsAt: rule.workingDayEndsAt,
    restrictedGrantHours: rule.hours,
    updatedAt: new Date(),
    updatedBy: userId,
  };
  await tx
    .insert(councilSettings)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: councilSettings.tenantId, set: values });
}
