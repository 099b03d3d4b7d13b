/** Writing an assessment: start one, save changes to its draft, submit it for sign-off. */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type RequestSource } from '../../child-record/index.js';
import { isEditable, nextStatus } from '../lifecycle.js';
import { insertSeries, insertVersion, updateVersion, type VersionRow } from '../queries.js';
import { contentFields, contentOf, emptyContent, type AssessmentContent } from '../sections.js';
import { keep, withVersion } from './versions.js';

export type StartResult = { outcome: 'started'; assessmentId: string; version: VersionRow } | { outcome: 'not_found' };

export async function startAssessment(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
): Promise<StartResult> {
  const purpose = { need: 'change', action: 'assessment.started', source } as const;
  const started = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const { tx } = record;
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
    await record.audit(purpose.action, { assessmentId: series.id, versionNumber: 1 });
    return { outcome: 'started' as const, assessmentId: series.id, version };
  });
  return started ?? { outcome: 'not_found' };
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
  const purpose = { need: 'change', action: 'assessment.draft_saved', source } as const;
  const address = { childId, assessmentId, versionNumber };
  const result = await withVersion(database, actor, address, purpose, async (call, tx) => {
    if (!call.view) return { outcome: 'not_found' as const };
    const current = call.view.version;
    if (!isEditable(current.status)) {
      await call.refuse(current.status === 'signed_off' ? 'signed_off_locked' : 'not_a_draft');
      return { outcome: 'locked' as const, current };
    }
    const content = { ...contentOf(current) };
    for (const field of contentFields) {
      const value = change.content[field];
      if (typeof value === 'string') content[field] = value;
    }
    const saved =
      current.revision === change.expectedRevision
        ? await updateVersion(
            tx,
            actor.tenantId,
            current.id,
            { ...content, updatedByLabel: actor.fullName },
            { revision: current.revision, status: 'draft' },
          )
        : null;
    if (!saved) {
      await call.refuse('stale_revision');
      return { outcome: 'conflict' as const, current };
    }
    await keep(tx, actor, saved, 'saved');
    const fields = contentFields.filter((field) => current[field] !== saved[field]);
    await call.allow({ revision: saved.revision, fields: fields.join(',') });
    return { outcome: 'saved' as const, version: saved };
  });
  return result ?? { outcome: 'not_found' };
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
  const purpose = { need: 'change', action: 'assessment.submitted', source } as const;
  const address = { childId, assessmentId, versionNumber };
  const result = await withVersion(database, actor, address, purpose, async (call, tx) => {
    if (!call.view) return { outcome: 'not_found' as const };
    const current = call.view.version;
    if (nextStatus(current.status, 'submit') === null) {
      await call.refuse('not_a_draft');
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
      await call.refuse('stale_revision');
      return { outcome: 'conflict' as const, current };
    }
    await keep(tx, actor, saved, 'submitted');
    await call.allow({ revision: saved.revision });
    return { outcome: 'submitted' as const, version: saved };
  });
  return result ?? { outcome: 'not_found' };
}
