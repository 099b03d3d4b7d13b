/**
 * The holistic assessment of need: start one, write the draft (saves from an out-of-date page
 * are refused, nothing lost), submit it, a manager signs it off or returns it, and a signed-off
 * version is locked for good: a new version carries on from a copy. Each call runs in one
 * council transaction, asks the record's access policy, and audits what it did or refused in
 * that transaction. Every change of a version is kept in record_versions.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { appendVersion } from '../../platform/history/record-history.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { childRecordAccess, type ChildSummary, type RequestSource } from '../child-record/index.js';
import {
  decideSignOff,
  isEditable,
  mayRead,
  mayStartNewVersion,
  nextStatus,
  type SignOffRefusal,
} from './lifecycle.js';
import {
  contributorsOf,
  findSeries,
  insertSeries,
  insertVersion,
  lockSeries,
  NEED_ASSESSMENT,
  seriesOfChild,
  updateVersion,
  type VersionRow,
} from './queries.js';
import { contentFields, contentOf, emptyContent, type AssessmentContent } from './sections.js';
import { assessmentPaths } from './paths.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';

export type AssessmentVersion = VersionRow;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Details = Record<string, string | number | boolean | null>;

function audit(
  tx: Tx,
  actor: Actor,
  childId: string,
  event: { action: string; outcome: 'allowed' | 'denied'; details?: Details; reason?: string | null },
  source: RequestSource,
) {
  const known = UUID.test(childId);
  return recordAuditEvent(tx, actor.tenantId, {
    action: event.action,
    outcome: event.outcome,
    actor: { userId: actor.userId, label: actorLabel(actor) },
    childPersonId: known ? childId : null,
    subject: known ? { type: 'child_record', id: childId } : null,
    source,
    reason: event.reason ?? null,
    details: event.details ?? {},
  });
}

type Opened = { child: ChildSummary; mayChange: boolean };

/** The record for this part, or null (audited as refused) unless the actor may view / change it. */
async function open(
  tx: Tx,
  actor: Actor,
  childId: string,
  need: 'view' | 'change',
  auditAction: string,
  source: RequestSource,
  details: Details = {},
): Promise<Opened | null> {
  const access = await childRecordAccess(tx, actor, childId);
  if (!access.mayView || (need === 'change' && !access.mayChange)) {
    await audit(
      tx,
      actor,
      childId,
      {
        action: auditAction,
        outcome: 'denied',
        details: { ...details, reason: access.mayView ? 'read_only' : 'no_relationship' },
      },
      source,
    );
    return null;
  }
  return { child: access.child, mayChange: access.mayChange };
}

/** Kept in record_versions on every change: what the version says and where it stands. */
async function keep(tx: Tx, actor: Actor, version: VersionRow, event: string, reason: string | null = null) {
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

export interface SeriesSummary {
  id: string;
  startedAt: Date;
  startedByLabel: string;
  versions: VersionRow[];
  mayStartNewVersion: boolean;
}

export interface AssessmentList {
  child: ChildSummary;
  mayChange: boolean;
  series: SeriesSummary[];
}

export async function listAssessments(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  part = 'assessments',
): Promise<AssessmentList | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const opened = await open(tx, actor, childId, 'view', 'child_record.view', source, { part });
    if (!opened) return null;
    const series = (await seriesOfChild(tx, actor.tenantId, childId))
      .map((row) => ({
        id: row.id,
        startedAt: row.startedAt,
        startedByLabel: row.startedByLabel,
        versions: row.versions.filter((version) => mayRead(version.status, opened.mayChange)),
        mayStartNewVersion: opened.mayChange && mayStartNewVersion(row.versions),
      }))
      .filter((row) => row.versions.length > 0)
      .reverse();
    await audit(tx, actor, childId, { action: 'child_record.view', outcome: 'allowed', details: { part } }, source);
    return { child: opened.child, mayChange: opened.mayChange, series };
  });
}

export type StartResult = { outcome: 'started'; assessmentId: string; version: VersionRow } | { outcome: 'not_found' };

export async function startAssessment(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<StartResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'assessment.started';
    if (!(await open(tx, actor, childId, 'change', action, source))) return { outcome: 'not_found' as const };
    const series = await insertSeries(tx, actor.tenantId, {
      childPersonId: childId,
      startedBy: actor.userId,
      startedByLabel: actor.fullName,
    });
    const version = await insertVersion(tx, actor.tenantId, {
      assessmentId: series.id,
      versionNumber: 1,
      content: emptyContent(),
      authorUserId: actor.userId,
      authorLabel: actor.fullName,
    });
    await keep(tx, actor, version, 'started');
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { assessmentId: series.id, versionNumber: 1 } },
      source,
    );
    return { outcome: 'started' as const, assessmentId: series.id, version };
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

async function loadVersion(
  tx: Tx,
  actor: Actor,
  opened: Opened,
  childId: string,
  assessmentId: string,
  versionNumber: number,
): Promise<VersionView | null> {
  if (!UUID.test(assessmentId) || !Number.isInteger(versionNumber)) return null;
  const series = await findSeries(tx, actor.tenantId, childId, assessmentId);
  if (!series) return null;
  const versions = series.versions.filter((version) => mayRead(version.status, opened.mayChange));
  const version = versions.find((candidate) => candidate.versionNumber === versionNumber);
  if (!version) return null;
  const contributorIds = await contributorsOf(tx, actor.tenantId, version.id);
  return {
    child: opened.child,
    mayChange: opened.mayChange,
    version,
    versions,
    previous: versions.filter((candidate) => candidate.versionNumber < versionNumber).at(-1) ?? null,
    signOff: decideSignOff({
      actor,
      mayChangeRecord: opened.mayChange,
      version: {
        status: version.status,
        authorUserId: version.authorUserId,
        submittedBy: version.submittedBy,
        contributorIds,
      },
    }),
    mayStartNewVersion: opened.mayChange && mayStartNewVersion(series.versions),
  };
}

/** One version, as the actor may see it (read-only viewers: signed-off versions only). */
export async function viewVersion(
  database: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  versionNumber: number,
  source: RequestSource,
  part = 'assessment',
): Promise<VersionView | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const details = { part, assessmentId: UUID.test(assessmentId) ? assessmentId : null, versionNumber };
    const opened = await open(tx, actor, childId, 'view', 'child_record.view', source, details);
    if (!opened) return null;
    const view = await loadVersion(tx, actor, opened, childId, assessmentId, versionNumber);
    if (!view) {
      await audit(
        tx,
        actor,
        childId,
        { action: 'child_record.view', outcome: 'denied', details: { ...details, reason: 'no_such_version' } },
        source,
      );
      return null;
    }
    await audit(tx, actor, childId, { action: 'child_record.view', outcome: 'allowed', details }, source);
    return view;
  });
}

export type DraftSave =
  | { outcome: 'saved'; version: VersionRow }
  | { outcome: 'conflict'; current: VersionRow }
  | { outcome: 'locked'; current: VersionRow }
  | { outcome: 'not_found' };

/**
 * Saves changes to a draft. Refused, with what is there now, when someone else saved since
 * `expectedRevision` (conflict), or when the version is no longer a draft (locked: submitted
 * or signed off). Nothing is saved either way; the caller keeps what was typed.
 */
export async function saveDraft(
  database: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  versionNumber: number,
  change: { content: Partial<AssessmentContent>; expectedRevision: number },
  source: RequestSource,
): Promise<DraftSave> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'assessment.draft_saved';
    const details = { assessmentId: UUID.test(assessmentId) ? assessmentId : null, versionNumber };
    const opened = await open(tx, actor, childId, 'change', action, source, details);
    if (!opened) return { outcome: 'not_found' as const };
    const view = await loadVersion(tx, actor, opened, childId, assessmentId, versionNumber);
    if (!view) return { outcome: 'not_found' as const };
    const current = view.version;
    const refuse = async (reason: string) =>
      audit(tx, actor, childId, { action, outcome: 'denied', details: { ...details, reason } }, source);
    if (!isEditable(current.status)) {
      await refuse(current.status === 'signed_off' ? 'signed_off_locked' : 'not_a_draft');
      return { outcome: 'locked' as const, current };
    }
    if (current.revision !== change.expectedRevision) {
      await refuse('stale_revision');
      return { outcome: 'conflict' as const, current };
    }
    const content = { ...contentOf(current) };
    for (const field of contentFields) {
      const value = change.content[field];
      if (typeof value === 'string') content[field] = value;
    }
    const saved = await updateVersion(
      tx,
      actor.tenantId,
      current.id,
      { ...content, updatedByLabel: actor.fullName },
      { revision: current.revision, status: 'draft' },
    );
    if (!saved) {
      await refuse('stale_revision');
      return { outcome: 'conflict' as const, current };
    }
    await keep(tx, actor, saved, 'saved');
    const fields = contentFields.filter((field) => current[field] !== saved[field]);
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { ...details, revision: saved.revision, fields: fields.join(',') } },
      source,
    );
    return { outcome: 'saved' as const, version: saved };
  });
}

export type SubmitResult =
  | { outcome: 'submitted'; version: VersionRow }
  | { outcome: 'conflict'; current: VersionRow }
  | { outcome: 'not_a_draft'; current: VersionRow }
  | { outcome: 'not_found' };

/** Sends a draft to a manager for sign-off. From then on it cannot be edited unless returned. */
export async function submitVersion(
  database: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  versionNumber: number,
  expectedRevision: number,
  source: RequestSource,
): Promise<SubmitResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'assessment.submitted';
    const details = { assessmentId: UUID.test(assessmentId) ? assessmentId : null, versionNumber };
    const opened = await open(tx, actor, childId, 'change', action, source, details);
    if (!opened) return { outcome: 'not_found' as const };
    const view = await loadVersion(tx, actor, opened, childId, assessmentId, versionNumber);
    if (!view) return { outcome: 'not_found' as const };
    const current = view.version;
    if (nextStatus(current.status, 'submit') === null) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: 'not_a_draft' } },
        source,
      );
      return { outcome: 'not_a_draft' as const, current };
    }
    const saved =
      current.revision === expectedRevision
        ? await updateVersion(
            tx,
            actor.tenantId,
            current.id,
            {
              status: 'submitted',
              submittedAt: new Date(),
              submittedBy: actor.userId,
              submittedByLabel: actor.fullName,
              updatedByLabel: actor.fullName,
            },
            { revision: current.revision, status: 'draft' },
          )
        : null;
    if (!saved) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: 'stale_revision' } },
        source,
      );
      return { outcome: 'conflict' as const, current };
    }
    await keep(tx, actor, saved, 'submitted');
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { ...details, revision: saved.revision } },
      source,
    );
    return { outcome: 'submitted' as const, version: saved };
  });
}

export type SignOffResult =
  | { outcome: 'signed_off' | 'returned'; version: VersionRow }
  | { outcome: 'refused'; reason: SignOffRefusal; current: VersionRow }
  | { outcome: 'not_found' };

/**
 * A manager's decision on a submitted version: sign it off (locked from then on) or return it
 * to draft, with their comment either way. Refused, audited and nothing changed, for anyone
 * the rules in lifecycle.ts do not allow.
 */
export async function decideOnVersion(
  database: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  versionNumber: number,
  decision: { decision: 'sign_off' | 'return'; comment: string },
  source: RequestSource,
): Promise<SignOffResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = decision.decision === 'sign_off' ? 'assessment.signed_off' : 'assessment.returned';
    const details = { assessmentId: UUID.test(assessmentId) ? assessmentId : null, versionNumber };
    const opened = await open(tx, actor, childId, 'view', action, source, details);
    if (!opened) return { outcome: 'not_found' as const };
    const view = await loadVersion(tx, actor, opened, childId, assessmentId, versionNumber);
    if (!view) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: 'no_such_version' } },
        source,
      );
      return { outcome: 'not_found' as const };
    }
    const current = view.version;
    if (!view.signOff.allowed) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: view.signOff.reason } },
        source,
      );
      return { outcome: 'refused' as const, reason: view.signOff.reason, current };
    }
    const now = new Date();
    const saved = await updateVersion(
      tx,
      actor.tenantId,
      current.id,
      decision.decision === 'sign_off'
        ? {
            status: 'signed_off',
            signedOffAt: now,
            signedOffBy: actor.userId,
            signedOffByLabel: actor.fullName,
            signOffComment: decision.comment,
            updatedByLabel: actor.fullName,
          }
        : {
            status: 'draft',
            returnedAt: now,
            returnedBy: actor.userId,
            returnedByLabel: actor.fullName,
            returnComment: decision.comment,
            submittedAt: null,
            submittedBy: null,
            submittedByLabel: null,
            updatedByLabel: actor.fullName,
          },
      { revision: current.revision, status: 'submitted' },
    );
    if (!saved) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: 'not_submitted' } },
        source,
      );
      return { outcome: 'refused' as const, reason: 'not_submitted' as const, current };
    }
    await keep(tx, actor, saved, decision.decision === 'sign_off' ? 'signed_off' : 'returned', decision.comment);
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { ...details, revision: saved.revision }, reason: decision.comment },
      source,
    );
    return {
      outcome: decision.decision === 'sign_off' ? ('signed_off' as const) : ('returned' as const),
      version: saved,
    };
  });
}

export type NewVersionResult =
  | { outcome: 'started'; version: VersionRow }
  | { outcome: 'not_allowed'; openVersion: VersionRow | null }
  | { outcome: 'not_found' };

/**
 * Starts the next version of a series from a copy of its latest signed-off version, which stays
 * untouched and readable. Not while a version is being worked on (draft or submitted).
 */
export async function startNewVersion(
  database: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  source: RequestSource,
): Promise<NewVersionResult> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const action = 'assessment.new_version';
    const details = { assessmentId: UUID.test(assessmentId) ? assessmentId : null };
    const opened = await open(tx, actor, childId, 'change', action, source, details);
    if (!opened) return { outcome: 'not_found' as const };
    if (!UUID.test(assessmentId)) return { outcome: 'not_found' as const };
    await lockSeries(tx, actor.tenantId, assessmentId);
    const series = await findSeries(tx, actor.tenantId, childId, assessmentId);
    if (!series) return { outcome: 'not_found' as const };
    if (!mayStartNewVersion(series.versions)) {
      await audit(
        tx,
        actor,
        childId,
        { action, outcome: 'denied', details: { ...details, reason: 'version_open' } },
        source,
      );
      return {
        outcome: 'not_allowed' as const,
        openVersion: series.versions.find((version) => version.status !== 'signed_off') ?? null,
      };
    }
    const latest = series.versions.at(-1)!;
    const version = await insertVersion(tx, actor.tenantId, {
      assessmentId,
      versionNumber: latest.versionNumber + 1,
      content: contentOf(latest),
      authorUserId: actor.userId,
      authorLabel: actor.fullName,
    });
    await keep(tx, actor, version, 'started', `Carried on from version ${latest.versionNumber}`);
    await audit(
      tx,
      actor,
      childId,
      { action, outcome: 'allowed', details: { ...details, versionNumber: version.versionNumber } },
      source,
    );
    return { outcome: 'started' as const, version };
  });
}

/**
 * Each signed-off version of an assessment of need, as an event in the child's chronology.
 * Drafts are left out: the chronology is read by the family too, and drafts are not theirs yet.
 */
export async function assessmentChronologyEvents(
  tx: Tx,
  tenantId: string,
  childId: string,
): Promise<ChronologyEvent[]> {
  return (await seriesOfChild(tx, tenantId, childId)).flatMap((series) =>
    series.versions
      .filter((version) => version.status === 'signed_off' && version.signedOffAt)
      .map((version) => ({
        occurredAt: version.signedOffAt!.toISOString(),
        type: 'assessment',
        title: `Assessment of need signed off (version ${version.versionNumber})`,
        details: null,
        byline: version.signedOffByLabel,
        href: assessmentPaths.version(childId, series.id, version.versionNumber),
      })),
  );
}
