/**
 * What every call about an assessment shares: opening the child's record for it (through
 * child-record, which audits a refusal), reading one version as the actor may see it, the
 * call's audit entries, and keeping each change in record_versions.
 */
import type { Database, Tx } from '../../../platform/db/database.js';
import { withTenant } from '../../../platform/db/tenancy.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { isUuid } from '../../../platform/db/ids.js';
import { appendVersion } from '../../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../../platform/identity/actor.js';
import {
  auditChildRecord,
  openChildRecordIn,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { decideSignOff, mayRead, mayStartNewVersion, type SignOffRefusal } from '../lifecycle.js';
import { contributorsOf, findSeries, NEED_ASSESSMENT, type VersionRow } from '../queries.js';
import type { VersionAddress } from '../paths.js';
import { contentOf } from '../sections.js';

export type AssessmentVersion = VersionRow;
export type Details = Record<string, string | number | boolean | null>;

/** Kept in record_versions on every change: what the version says and where it stands. */
export async function keep(tx: Tx, actor: Actor, version: VersionRow, event: string, reason: string | null = null) {
  await appendVersion(tx, actor.tenantId, {
    recordType: NEED_ASSESSMENT,
    recordId: version.id,
    version: version.revision,
    author: { userId: actor.userId, label: actorLabel(actor) },
    reason,
    content: {
      event,
      status: version.status,
      assessmentId: version.assessmentId,
      versionNumber: version.versionNumber,
      ...contentOf(version),
    },
  });
}

export interface VersionView {
  child: ChildSummary;
  mayChange: boolean;
  version: VersionRow;
  /** The versions of this series the actor may read, oldest first. */
  versions: VersionRow[];
  /** The version before this one that the actor may read, to compare with. */
  previous: VersionRow | null;
  /** Whether this actor may sign off or return this version, and if not, why. */
  signOff: { allowed: true } | { allowed: false; reason: SignOffRefusal };
  mayStartNewVersion: boolean;
}

/** The version as this actor may read it (read-only viewers: signed-off versions only), or null. */
async function loadVersion(
  record: ChildRecordHandle,
  assessmentId: string,
  versionNumber: number,
): Promise<VersionView | null> {
  if (!isUuid(assessmentId) || !Number.isInteger(versionNumber)) return null;
  const { tx, actor, childId } = record;
  const series = await findSeries(tx, actor.tenantId, childId, assessmentId);
  if (!series) return null;
  const versions = series.versions.filter((version) => mayRead(version.status, record.mayChange));
  const version = versions.find((candidate) => candidate.versionNumber === versionNumber);
  if (!version) return null;
  const contributorIds = await contributorsOf(tx, actor.tenantId, version.id);
  return {
    child: record.child,
    mayChange: record.mayChange,
    version,
    versions,
    previous: versions.filter((candidate) => candidate.versionNumber < versionNumber).at(-1) ?? null,
    signOff: decideSignOff({
      actor,
      mayChangeRecord: record.mayChange,
      version: {
        status: version.status,
        authorUserId: version.authorUserId,
        submittedBy: version.submittedBy,
        contributorIds,
      },
    }),
    mayStartNewVersion: record.mayChange && mayStartNewVersion(series.versions),
  };
}

/** A call about one version: the record opened for it, the version, and its audit entries. */
export interface VersionCall {
  record: ChildRecordHandle;
  /** Null when the version does not exist or the actor may not read it. */
  view: VersionView | null;
  /** Records this call's action as allowed, with the call's details and these. */
  allow(more?: Details, reason?: string | null): Promise<void>;
  /** Records this call's action as refused, for this reason. */
  refuse(reason: string): Promise<void>;
}

/** What a call about one version is for: the need, the action it records, where it came from. */
export interface VersionPurpose {
  need: 'view' | 'change';
  action: AuditAction;
  source: RequestSource;
  part?: string;
}

/**
 * Opens the child's record for a call about one version (a refusal is audited under `action`
 * and answers null), then reads the version as the actor may see it.
 */
export async function openVersion(
  tx: Tx,
  actor: Actor,
  address: VersionAddress,
  purpose: VersionPurpose,
): Promise<VersionCall | null> {
  const { action, part, source } = purpose;
  const { assessmentId, versionNumber } = address;
  // Each entry names the version asked for (the page's part first, for a page's read).
  const named = { assessmentId: isUuid(assessmentId) ? assessmentId : null, versionNumber };
  const details: Details = part === undefined ? named : { part, ...named };
  const record = await openChildRecordIn(tx, actor, address.childId, { need: purpose.need, action, source, details });
  if (!record) return null;
  const view = await loadVersion(record, address.assessmentId, address.versionNumber);
  return {
    record,
    view,
    allow: (more = {}, reason = null) =>
      auditChildRecord(
        tx,
        actor,
        address.childId,
        { action, outcome: 'allowed', details: { ...details, ...more }, reason },
        source,
      ),
    refuse: (reason) => record.audit(action, { ...details, reason }, 'denied'),
  };
}

/**
 * A call about one version in one council transaction: `work` is given the call, or is not run
 * (null) when the child's record cannot be opened for it (the refusal is audited).
 */
export function withVersion<Result>(
  database: Database,
  actor: Actor,
  address: VersionAddress,
  purpose: VersionPurpose,
  work: (call: VersionCall, tx: Tx) => Promise<Result>,
): Promise<Result | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const call = await openVersion(tx, actor, address, purpose);
    return call ? work(call, tx) : null;
  });
}
