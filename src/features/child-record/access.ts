/**
 * Opening a child's record: the one place every feature asks. It loads the facts (allocations,
 * teams, shares, restricted grants), asks the pure access policy (platform/access/policy.ts),
 * writes the audit entry in the same transaction, allowed or refused, and gives back a typed
 * handle for the feature's queries. A refusal looks exactly like a record that does not exist,
 * so ids cannot be probed.
 *
 * - `withChildRecord` / `openChildRecordIn`: open for a purpose (view or change); refusals are
 *   audited with the purpose's action; the handle writes the feature's own entries.
 * - `openChildRecord`: the record's front page (summary and facts in one statement).
 * - `childrenActorMay`: which of several children may be listed or offered (no audit: nothing
 *   is shown from them).
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { together, withTenant } from '../../platform/db/tenancy.js';
import { isUuid } from '../../platform/db/ids.js';
import { decideChildRecordAccess, type ChildRecordAction } from '../../platform/access/policy.js';
import { recordAuditEvent, type AuditDetails, type AuditOutcome } from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { restrictedGrantRuleOf } from '../../platform/council-settings/queries.js';
import { restrictedGrantExpiry } from '../../platform/council-settings/restricted-grant.js';
import type { RequestSource } from '../../platform/http/request-source.js';
import {
  childRecordFacts,
  childRecordWithFacts,
  childSummaries,
  insertRestrictedGrant,
  relationshipsOf,
} from './queries.js';

export type ChildSummary = Awaited<ReturnType<typeof childSummaries>>[number];

/** Why a record is being opened: what for, and the audit action a refusal is recorded under. */
export interface ChildRecordPurpose {
  need: ChildRecordAction;
  /** Recorded, refused, when the actor may not; and the default action of `handle.audit`. */
  action: AuditAction;
  source: RequestSource;
  /** Recorded with a refusal (what was being opened). */
  details?: AuditDetails;
}

/** An opened child's record: what the feature's queries and audit entries need, in its transaction. */
export interface ChildRecordHandle {
  readonly tx: Tx;
  readonly actor: Actor;
  readonly tenantId: string;
  readonly childId: string;
  readonly child: ChildSummary;
  /** Whether the actor may also change the record (the purpose may have been only to view). */
  readonly mayChange: boolean;
  /** Why the policy allowed it ('allocated', 'team', 'shared_with_family', …). */
  readonly basis: string;
  readonly source: RequestSource;
  /**
   * Writes an audit entry about this child, by this actor, from this request, in this
   * transaction. Its subject is the child's record unless a part of it is named (a visit, a plan).
   */
  audit(action: AuditAction, details?: AuditDetails, outcome?: AuditOutcome, about?: AuditAbout): Promise<void>;
}

/** What else an entry may say: the part of the record it is about, and a reason given. */
export interface AuditAbout {
  subject?: { type: string; id: string } | null;
  reason?: string | null;
}

/** One audit entry about a child's record (or about an id that names none). */
export function auditChildRecord(
  tx: Tx,
  actor: Actor,
  childId: string,
  entry: { action: AuditAction; outcome: AuditOutcome; details?: AuditDetails } & AuditAbout,
  source: RequestSource,
): Promise<void> {
  const known = isUuid(childId);
  return recordAuditEvent(tx, actor.tenantId, {
    action: entry.action,
    outcome: entry.outcome,
    actor: { userId: actor.userId, label: actorLabel(actor) },
    subject: entry.subject !== undefined ? entry.subject : known ? { type: 'child_record', id: childId } : null,
    childPersonId: known ? childId : null,
    reason: entry.reason ?? null,
    source,
    details: entry.details ?? {},
  });
}

const permissionFor = (need: ChildRecordAction) => (need === 'view' ? 'child_record.view' : 'child_record.change');

/**
 * Inside a council transaction: opens the child's record for the purpose, or records the
 * refusal (with the reason) and answers null. Nothing is audited as allowed here: the feature
 * records what it then showed or changed through `handle.audit`, in the same transaction.
 */
export async function openChildRecordIn(
  tx: Tx,
  actor: Actor,
  childId: string,
  purpose: ChildRecordPurpose,
): Promise<ChildRecordHandle | null> {
  const refuse = async (reason: string) => {
    await auditChildRecord(
      tx,
      actor,
      childId,
      { action: purpose.action, outcome: 'denied', details: { ...purpose.details, reason } },
      purpose.source,
    );
    return null;
  };
  if (!isUuid(childId)) return refuse('no_such_record');
  const record = await childRecordWithFacts(tx, actor.tenantId, childId);
  if (!record) return refuse('no_such_record');
  const relationships = await relationshipsOf(tx, actor);
  const view = decideChildRecordAccess(relationships, 'view', record.facts);
  if (!view.allowed || !hasPermission(actor.roles, 'child_record.view')) {
    return refuse(view.allowed ? 'no_permission' : view.reason);
  }
  const mayChange =
    hasPermission(actor.roles, 'child_record.change') &&
    decideChildRecordAccess(relationships, 'change', record.facts).allowed;
  if (purpose.need === 'change' && !mayChange) return refuse('read_only');
  return {
    tx,
    actor,
    tenantId: actor.tenantId,
    childId,
    child: record.summary,
    mayChange,
    basis: view.basis,
    source: purpose.source,
    audit: (action, details, outcome = 'allowed', about = {}) =>
      auditChildRecord(tx, actor, childId, { action, outcome, details: details ?? {}, ...about }, purpose.source),
  };
}

/** Opens the record in its own council transaction and runs `work` with it; null when refused. */
export function withChildRecord<T>(
  database: Database,
  actor: Actor,
  childId: string,
  purpose: ChildRecordPurpose,
  work: (record: ChildRecordHandle) => Promise<T>,
): Promise<T | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const record = await openChildRecordIn(tx, actor, childId, purpose);
    return record ? work(record) : null;
  });
}

/**
 * A service that opens the child's record for one purpose and does its work there, called the
 * way every service is: `service(database, actor, childId, ...args, source)`. It answers what
 * the work answers, or, when the record is refused, null (or the `whenRefused` answer given).
 *
 *   export const entryHistory = childRecordService('view', 'child_record.view', async (record, entryId: string) => …);
 */
export function childRecordService<Args extends unknown[], T>(
  need: ChildRecordAction,
  action: AuditAction,
  work: (record: ChildRecordHandle, ...args: Args) => Promise<T>,
): (database: Database, actor: Actor, childId: string, ...rest: [...Args, RequestSource]) => Promise<T | null>;
export function childRecordService<Args extends unknown[], T, Refused>(
  need: ChildRecordAction,
  action: AuditAction,
  work: (record: ChildRecordHandle, ...args: Args) => Promise<T>,
  whenRefused: Refused,
): (database: Database, actor: Actor, childId: string, ...rest: [...Args, RequestSource]) => Promise<T | Refused>;
export function childRecordService<Args extends unknown[], T, Refused>(
  need: ChildRecordAction,
  action: AuditAction,
  work: (record: ChildRecordHandle, ...args: Args) => Promise<T>,
  whenRefused: Refused | null = null,
) {
  return async (database: Database, actor: Actor, childId: string, ...rest: [...Args, RequestSource]) => {
    const args = rest.slice(0, -1) as Args;
    const source = rest[rest.length - 1] as RequestSource;
    const done = await withChildRecord(database, actor, childId, { need, action, source }, (record) =>
      work(record, ...args),
    );
    return done ?? whenRefused;
  };
}

/** The record's front page: its summary when the actor may view it, audited either way. */
export async function openChildRecord<Extra = undefined>(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  /** More of the record to read once access is granted, in the same transaction (one round trip fewer each). */
  alsoRead?: (tx: Tx) => Promise<Extra>,
): Promise<
  | { outcome: 'opened'; child: ChildSummary; extra: Extra | undefined }
  | { outcome: 'restricted'; childName: string; grantUntil: Date }
  | { outcome: 'not_found' }
> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const audit = (outcome: 'allowed' | 'denied', details: Record<string, string>) =>
      auditChildRecord(tx, actor, childId, { action: 'child_record.view', outcome, details }, source);
    if (!isUuid(childId)) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const relationships = await relationshipsOf(tx, actor);
    const record = await childRecordWithFacts(tx, actor.tenantId, childId);
    if (!record) {
      await audit('denied', { reason: 'no_such_record' });
      return { outcome: 'not_found' as const };
    }
    const decision = decideChildRecordAccess(relationships, 'view', record.facts);
    if (!decision.allowed) {
      await audit('denied', { reason: decision.reason });
      if (decision.reason === 'restricted_reason_needed') {
        // They work with this child's team, so the record's existence is no secret to them.
        const grantUntil = restrictedGrantExpiry(await restrictedGrantRuleOf(tx, actor.tenantId), new Date());
        return { outcome: 'restricted' as const, childName: record.summary.fullName, grantUntil };
      }
      return { outcome: 'not_found' as const };
    }
    // The audit entry and the rest of the record go to the database together (on a server, in
    // one round trip). They share the transaction: if the entry cannot be written, nothing is read.
    const [, extra] = await together([audit('allowed', { basis: decision.basis }), alsoRead?.(tx)]);
    return { outcome: 'opened' as const, child: record.summary, extra };
  });
}

/**
 * Opening a restricted record: allowed only to named roles with a relationship to the child,
 * with a typed reason; gives a short grant (the council's setting: until the end of the
 * working day, or a number of hours) and puts it on the team manager's list.
 */
export async function openRestrictedRecord(
  database: Database,
  actor: Actor,
  childId: string,
  reason: string,
  source: RequestSource,
  now: Date = new Date(),
): Promise<'granted' | 'not_found'> {
  if (!isUuid(childId)) return 'not_found';
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const relationships = await relationshipsOf(tx, actor);
    const facts = (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId);
    const decision = facts ? decideChildRecordAccess(relationships, 'view', facts) : null;
    const entry = (outcome: AuditOutcome, details?: AuditDetails) =>
      auditChildRecord(
        tx,
        actor,
        childId,
        { action: 'child_record.restricted_opened', outcome, reason, details },
        source,
      );
    if (!facts || !decision || (!decision.allowed && decision.reason !== 'restricted_reason_needed')) {
      await entry('denied');
      return 'not_found';
    }
    const expiresAt = restrictedGrantExpiry(await restrictedGrantRuleOf(tx, actor.tenantId), now);
    await insertRestrictedGrant(tx, actor.tenantId, {
      childPersonId: childId,
      userId: actor.userId,
      reason,
      grantedAt: now,
      expiresAt,
    });
    await entry('allowed', { expiresAt: expiresAt.toISOString() });
    return 'granted';
  });
}

/**
 * Inside a council transaction: may this actor view or change this child's record? Refusals
 * are audited under `auditAction` and look like a record that does not exist. For parts that
 * need only a yes or no; `openChildRecordIn` also gives the child's summary.
 */
export async function checkChildAccess(
  tx: Tx,
  actor: Actor,
  childId: string,
  action: ChildRecordAction,
  source: RequestSource,
  auditAction: AuditAction,
): Promise<boolean> {
  const facts = isUuid(childId) ? (await childRecordFacts(tx, actor.tenantId, [childId])).get(childId) : undefined;
  const allowed =
    facts !== undefined &&
    hasPermission(actor.roles, permissionFor(action)) &&
    decideChildRecordAccess(await relationshipsOf(tx, actor), action, facts).allowed;
  if (!allowed) await auditChildRecord(tx, actor, childId, { action: auditAction, outcome: 'denied' }, source);
  return allowed;
}

/** The child's name, reference and details for the top of a record page, inside the caller's transaction. */
export async function childSummaryIn(tx: Tx, tenantId: string, childId: string): Promise<ChildSummary | undefined> {
  const [child] = await childSummaries(tx, tenantId, [childId]);
  return child;
}

/**
 * Which of these children's records the actor may view or change, without auditing: for
 * deciding what to list or offer (a sibling's shared mapping, say). Opening a record still
 * goes through `openChildRecordIn` or `checkChildAccess`, which audit.
 */
export async function childrenActorMay(
  tx: Tx,
  actor: Actor,
  childIds: readonly string[],
  action: ChildRecordAction,
): Promise<Set<string>> {
  const ids = [...new Set(childIds.filter(isUuid))];
  if (ids.length === 0 || !hasPermission(actor.roles, permissionFor(action))) return new Set();
  const relationships = await relationshipsOf(tx, actor);
  const facts = await childRecordFacts(tx, actor.tenantId, ids);
  return new Set(
    [...facts.values()]
      .filter((record) => decideChildRecordAccess(relationships, action, record).allowed)
      .map((record) => record.childPersonId),
  );
}

export type ChildRecordAccess =
  { mayView: false } | { mayView: true; mayChange: boolean; child: ChildSummary; basis: string };

/**
 * Inside a council transaction: what this actor may do with this child's record, and the
 * child's summary when they may see it. Writes no audit entry: for callers that audit their
 * own read or change, allowed or refused. Prefer `openChildRecordIn`, which audits refusals.
 */
export async function childRecordAccess(tx: Tx, actor: Actor, childId: string): Promise<ChildRecordAccess> {
  if (!isUuid(childId)) return { mayView: false };
  const record = await childRecordWithFacts(tx, actor.tenantId, childId);
  if (!record) return { mayView: false };
  const relationships = await relationshipsOf(tx, actor);
  const view = decideChildRecordAccess(relationships, 'view', record.facts);
  if (!view.allowed || !hasPermission(actor.roles, 'child_record.view')) return { mayView: false };
  const mayChange =
    hasPermission(actor.roles, 'child_record.change') &&
    decideChildRecordAccess(relationships, 'change', record.facts).allowed;
  return { mayView: true, mayChange, child: record.summary, basis: view.basis };
}
