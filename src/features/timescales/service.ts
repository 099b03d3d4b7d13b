/**
 * The council's timescale policy: read by every due date, changed by its administrators with a
 * reason. Each change is a new version (the earlier ones are kept) and an audit entry saying what
 * changed, from what, to what.
 */
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import type { Database, Tx } from '../../platform/db/database.js';
import { hasSqlState, SqlState } from '../../platform/db/errors.js';
import { withTenant } from '../../platform/db/tenancy.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { isBankHoliday, dayOfWeek, type WorkingDayCalendar } from '../../platform/working-days/index.js';
import { policyChanges, policyNumbersFrom, type TimescalePolicy } from './policy.js';
import { currentPolicyOf, insertPolicyVersion, policyVersionsOf } from './queries.js';
import type { NewClosureDay, PolicyChange } from './validation.js';

/** The council's policy now (Kith's defaults when it has never been changed). */
export const timescalePolicy = async (tx: Tx, tenantId: string): Promise<TimescalePolicy> =>
  (await currentPolicyOf(tx, tenantId)).policy;

/** The council's working-day calendar: its nation's bank holidays and its own closure days. */
export async function councilCalendar(tx: Tx, tenantId: string): Promise<WorkingDayCalendar> {
  const policy = await timescalePolicy(tx, tenantId);
  return { nation: policy.nation, closureDays: policy.closureDays.map((day) => day.date) };
}

/** The policy now and every earlier version, newest first. */
export const viewTimescales = (database: Database, actor: Actor) =>
  withTenant(database.orm, actor.tenantId, async (tx) => ({
    current: await currentPolicyOf(tx, actor.tenantId),
    versions: await policyVersionsOf(tx, actor.tenantId),
  }));

export type PolicyOutcome =
  | { outcome: 'saved'; version: number; policy: TimescalePolicy }
  | { outcome: 'stale'; currentVersion: number }
  | { outcome: 'unchanged' }
  | { outcome: 'invalid'; field: string; message: string };

/** Writes the next version from `change` applied to the policy now, and audits it, in one transaction. */
async function saveNextVersion(
  database: Database,
  actor: Actor,
  source: RequestSource,
  action: AuditAction,
  change: (
    current: TimescalePolicy,
    version: number,
  ) =>
    | { policy: TimescalePolicy; reason: string; details: Record<string, unknown> }
    | Exclude<PolicyOutcome, { outcome: 'saved' }>,
): Promise<PolicyOutcome> {
  try {
    return await withTenant(database.orm, actor.tenantId, async (tx) => {
      const current = await currentPolicyOf(tx, actor.tenantId);
      const next = change(current.policy, current.version);
      if ('outcome' in next) return next;
      const version = current.version + 1;
      await insertPolicyVersion(tx, actor.tenantId, {
        version,
        policy: next.policy,
        reason: next.reason,
        recordedBy: actor.userId,
        recordedByLabel: actorLabel(actor),
      });
      await recordAuditEvent(tx, actor.tenantId, {
        action,
        outcome: 'allowed',
        actor: { userId: actor.userId, label: actorLabel(actor) },
        subject: null,
        source,
        reason: next.reason,
        details: { version, ...next.details },
      });
      return { outcome: 'saved' as const, version, policy: next.policy };
    });
  } catch (error) {
    // Someone else saved the same version at the same moment: their change stands.
    if (hasSqlState(error, SqlState.uniqueViolation)) return { outcome: 'stale', currentVersion: -1 };
    throw error;
  }
}

/** Changes the visit frequencies, review intervals and nation, refused when someone saved since `expectedVersion`. */
export const changeTimescalePolicy = (database: Database, actor: Actor, input: PolicyChange, source: RequestSource) =>
  saveNextVersion(database, actor, source, 'timescales.policy_changed', (current, version) => {
    if (version !== input.expectedVersion) return { outcome: 'stale', currentVersion: version };
    const policy: TimescalePolicy = { ...current, nation: input.nation, ...policyNumbersFrom(input) };
    const changes = policyChanges(current, policy);
    if (current.nation !== policy.nation) changes.unshift(`Bank holidays: ${current.nation} to ${policy.nation}`);
    if (changes.length === 0) return { outcome: 'unchanged' };
    return { policy, reason: input.reason, details: { changes } };
  });

/** Adds a day the council's offices are closed; a weekend or bank holiday is not a working day already. */
export const addClosureDay = (database: Database, actor: Actor, input: NewClosureDay, source: RequestSource) =>
  saveNextVersion(database, actor, source, 'timescales.closure_day_added', (current) => {
    const weekday = dayOfWeek(input.date);
    if (weekday === 0 || weekday === 6) {
      return { outcome: 'invalid', field: 'date', message: 'Closure date must be a weekday: weekends never count' };
    }
    if (isBankHoliday(input.date, current.nation)) {
      return {
        outcome: 'invalid',
        field: 'date',
        message: 'Closure date is a bank holiday, which never counts already',
      };
    }
    if (current.closureDays.some((day) => day.date === input.date)) {
      return { outcome: 'invalid', field: 'date', message: 'The council is already closed that day' };
    }
    const closureDays = [...current.closureDays, { date: input.date, name: input.name }].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    return {
      policy: { ...current, closureDays },
      reason: input.reason,
      details: { date: input.date, name: input.name },
    };
  });

/** Removes a closure day: it counts as a working day again. */
export const removeClosureDay = (
  database: Database,
  actor: Actor,
  date: string,
  input: { reason: string },
  source: RequestSource,
) =>
  saveNextVersion(database, actor, source, 'timescales.closure_day_removed', (current) => {
    const removed = current.closureDays.find((day) => day.date === date);
    if (!removed) return { outcome: 'invalid', field: 'date', message: 'The council is not closed that day' };
    const closureDays = current.closureDays.filter((day) => day.date !== date);
    return { policy: { ...current, closureDays }, reason: input.reason, details: { date, name: removed.name } };
  });
