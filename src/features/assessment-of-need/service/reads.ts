/** Reading assessments of need: a child's list, one version, and the chronology's events. */
import type { Database, Tx } from '../../../platform/db/database.js';
import type { ChronologyEvent } from '../../../platform/chronology/sources.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { withChildRecord, type ChildSummary, type RequestSource } from '../../child-record/index.js';
import { mayRead, mayStartNewVersion } from '../lifecycle.js';
import { assessmentPaths, versionParameters } from '../paths.js';
import { seriesOfChild, type VersionRow } from '../queries.js';
import { withVersion, type VersionView } from './versions.js';

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
  const purpose = { need: 'view', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const series = (await seriesOfChild(record.tx, actor.tenantId, childId))
      .map((row) => ({
        id: row.id,
        startedAt: row.startedAt,
        startedByLabel: row.startedByLabel,
        versions: row.versions.filter((version) => mayRead(version.status, record.mayChange)),
        mayStartNewVersion: record.mayChange && mayStartNewVersion(row.versions),
      }))
      .filter((row) => row.versions.length > 0)
      .reverse();
    await record.audit('child_record.view', { part });
    return { child: record.child, mayChange: record.mayChange, series };
  });
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
  const purpose = { need: 'view', action: 'child_record.view', source, part } as const;
  return withVersion(database, actor, { childId, assessmentId, versionNumber }, purpose, async (call) => {
    if (!call.view) {
      await call.refuse('no_such_version');
      return null;
    }
    await call.allow();
    return call.view;
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
        href: assessmentPaths.version.href(
          versionParameters({ childId, assessmentId: series.id, versionNumber: version.versionNumber }),
        ),
      })),
  );
}
