/** A team manager's decision on a submitted version, and carrying on in a new version. */
import type { Database } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type RequestSource } from '../../child-record/index.js';
import { mayStartNewVersion, type SignOffRefusal } from '../lifecycle.js';
import { findSeries, insertVersion, lockSeries, updateVersion, type VersionRow } from '../queries.js';
import { contentOf } from '../sections.js';
import { keep, withVersion } from './versions.js';

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
  const signOff = decision.decision === 'sign_off';
  const purpose = { need: 'view', action: signOff ? 'assessment.signed_off' : 'assessment.returned', source } as const;
  const address = { childId, assessmentId, versionNumber };
  const result = await withVersion(database, actor, address, purpose, async (call, tx) => {
    if (!call.view) {
      await call.refuse('no_such_version');
      return { outcome: 'not_found' as const };
    }
    const current = call.view.version;
    if (!call.view.signOff.allowed) {
      await call.refuse(call.view.signOff.reason);
      return { outcome: 'refused' as const, reason: call.view.signOff.reason, current };
    }
    const now = new Date();
    const saved = await updateVersion(
      tx,
      actor.tenantId,
      current.id,
      signOff
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
      await call.refuse('not_submitted');
      return { outcome: 'refused' as const, reason: 'not_submitted' as const, current };
    }
    await keep(tx, actor, saved, signOff ? 'signed_off' : 'returned', decision.comment);
    await call.allow({ revision: saved.revision }, decision.comment);
    return { outcome: signOff ? ('signed_off' as const) : ('returned' as const), version: saved };
  });
  return result ?? { outcome: 'not_found' };
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
  const action = 'assessment.new_version';
  const details = { assessmentId: isUuid(assessmentId) ? assessmentId : null };
  const purpose = { need: 'change', action, source, details } as const;
  const result = await withChildRecord(database, actor, childId, purpose, async (record) => {
    const { tx } = record;
    if (!isUuid(assessmentId)) return null;
    await lockSeries(tx, actor.tenantId, assessmentId);
    const series = await findSeries(tx, actor.tenantId, childId, assessmentId);
    if (!series) return null;
    if (!mayStartNewVersion(series.versions)) {
      await record.audit(action, { ...details, reason: 'version_open' }, 'denied');
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
    await record.audit(action, { ...details, versionNumber: version.versionNumber });
    return { outcome: 'started' as const, version };
  });
  return result ?? { outcome: 'not_found' };
}
