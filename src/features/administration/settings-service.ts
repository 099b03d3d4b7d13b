/**
 * A council's own settings, changed by its administrators: for now, how long a restricted
 * record stays open after someone gives a reason. Every change is audited with what it was
 * before and after.
 */
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { restrictedGrantRuleOf, saveRestrictedGrantRule } from '../../platform/council-settings/queries.js';
import {
  restrictedGrantRuleInWords,
  type RestrictedGrantRule,
} from '../../platform/council-settings/restricted-grant.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';

/** The council's rule now (Kith's default when it has never been set). */
export const restrictedGrantRuleFor = (database: Database, actor: Actor) =>
  withTenant(database.orm, actor.tenantId, (tx) => restrictedGrantRuleOf(tx, actor.tenantId));

/** Saves the rule; a choice left blank or unreadable for the option not chosen keeps what was there. */
export async function changeRestrictedGrantRule(
  database: Database,
  actor: Actor,
  change: Pick<RestrictedGrantRule, 'until'> & Partial<RestrictedGrantRule>,
  source: RequestSource,
): Promise<RestrictedGrantRule> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const before = await restrictedGrantRuleOf(tx, actor.tenantId);
    const after: RestrictedGrantRule = {
      until: change.until,
      workingDayEndsAt: change.workingDayEndsAt ?? before.workingDayEndsAt,
      hours: change.hours ?? before.hours,
    };
    await saveRestrictedGrantRule(tx, actor.tenantId, after, actor.userId);
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'admin.settings_changed',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      subject: null,
      source,
      details: {
        setting: 'restricted_record_open_for',
        from: restrictedGrantRuleInWords(before),
        to: restrictedGrantRuleInWords(after),
      },
    });
    return after;
  });
}
