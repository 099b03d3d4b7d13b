/** The only place SQL about referrals, episodes, child protection steps and closures is written. Each takes the transaction. */
import { and, asc, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { rowsOfChild, rowsOfChildren } from '../../platform/db/reusable-query.js';
import {
  insertReturningRow,
  isRowAtVersion,
  isRowOfChild,
  ofChild,
  ofCouncil,
  rowOfChildFinder,
} from '../../platform/db/rows.js';
import type { WorkingDayCalendar } from '../../platform/working-days/index.js';
import { needAssessments, needAssessmentVersions } from '../assessment-of-need/schema.js';
import { meetings } from '../meetings/schema.js';
import { plans } from '../plans/schema.js';
import { timescalePolicyVersions } from '../timescales/schema.js';
import { caseClosures, episodes, protectionSteps, referrals } from './schema.js';

export type ReferralRow = typeof referrals.$inferSelect;
export type EpisodeRow = typeof episodes.$inferSelect;
export type ProtectionStepRow = typeof protectionSteps.$inferSelect;
export type ClosureRow = typeof caseClosures.$inferSelect;

/** Each table of the journey in the order it is read: by date, then as recorded. */
const inOrder = {
  referrals: [asc(referrals.referredOn), asc(referrals.recordedAt)],
  episodes: [asc(episodes.startsOn), asc(episodes.recordedAt)],
  steps: [asc(protectionSteps.heldOn), asc(protectionSteps.recordedAt)],
  closures: [asc(caseClosures.closedOn), asc(caseClosures.recordedAt)],
};

export const referralsOf = rowsOfChild(referrals, ...inOrder.referrals);
export const episodesOf = rowsOfChild(episodes, ...inOrder.episodes);
export const protectionStepsOf = rowsOfChild(protectionSteps, ...inOrder.steps);
export const closuresOf = rowsOfChild(caseClosures, ...inOrder.closures);

/** The same four reads for several children at once (a caseload), each table read once. */
export const journeyRowsOfChildren = {
  referrals: rowsOfChildren(referrals, ...inOrder.referrals),
  episodes: rowsOfChildren(episodes, ...inOrder.episodes),
  steps: rowsOfChildren(protectionSteps, ...inOrder.steps),
  closures: rowsOfChildren(caseClosures, ...inOrder.closures),
};

export const findReferral = rowOfChildFinder(referrals);
export const findEpisode = rowOfChildFinder(episodes);

/**
 * Holds the child's episodes for this transaction: anyone else starting, ending or stepping an
 * episode of this child waits, then sees what this one did (so two overlapping episodes cannot
 * both pass the check).
 */
export async function holdEpisodesOfChild(tx: Tx, tenantId: string, childId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${tenantId}:episodes:${childId}`}, 0))`);
}

type Recorded = { recordedBy: string | null; recordedByLabel: string; recordedAt?: Date };

export const insertReferral = (
  tx: Tx,
  tenantId: string,
  referral: {
    childPersonId: string;
    referredOn: string;
    source: string;
    contactId?: string | null;
    primaryNeedCode?: string | null;
  } & Recorded,
): Promise<ReferralRow> => insertReturningRow(tx, referrals, { tenantId, ...referral });

export const insertEpisode = (
  tx: Tx,
  tenantId: string,
  episode: Omit<typeof episodes.$inferInsert, 'tenantId' | 'id' | 'version'>,
): Promise<EpisodeRow> => insertReturningRow(tx, episodes, { tenantId, ...episode });

export const insertProtectionStep = (
  tx: Tx,
  tenantId: string,
  step: Omit<typeof protectionSteps.$inferInsert, 'tenantId' | 'id'>,
): Promise<ProtectionStepRow> => insertReturningRow(tx, protectionSteps, { tenantId, ...step });

export const insertClosure = (
  tx: Tx,
  tenantId: string,
  closure: Omit<typeof caseClosures.$inferInsert, 'tenantId' | 'id'>,
): Promise<ClosureRow> => insertReturningRow(tx, caseClosures, { tenantId, ...closure });

/** Changes a row only if nobody saved since `expectedVersion`, raising its version; the new row or null. */
const updateAtVersion =
  <T extends typeof referrals | typeof episodes>(table: T) =>
  async (
    tx: Tx,
    tenantId: string,
    id: string,
    change: Partial<T['$inferInsert']>,
    expectedVersion: number,
  ): Promise<T['$inferSelect'] | null> => {
    const source = table as typeof referrals;
    const [row] = await tx
      .update(source)
      .set({ ...(change as object), version: sql`${source.version} + 1` })
      .where(isRowAtVersion(source, tenantId, id, expectedVersion))
      .returning();
    return (row as T['$inferSelect'] | undefined) ?? null;
  };

/** Records the assessment's outcome on the referral, only if nobody saved since `expectedVersion`. */
export const updateReferralOutcome: (
  tx: Tx,
  tenantId: string,
  referralId: string,
  outcome: {
    assessmentOutcome: NonNullable<ReferralRow['assessmentOutcome']>;
    assessmentCompletedOn: string;
    assessmentFactors: string[];
    outcomeReasons: string;
    needAssessmentId: string | null;
    outcomeRecordedByLabel: string;
  },
  expectedVersion: number,
) => Promise<ReferralRow | null> = updateAtVersion(referrals);

/** Ends an open episode, only if nobody saved since `expectedVersion`. */
export const updateEpisodeEnd: (
  tx: Tx,
  tenantId: string,
  episodeId: string,
  end: { endsOn: string; closureReasonCode: string; endedByLabel: string },
  expectedVersion: number,
) => Promise<EpisodeRow | null> = updateAtVersion(episodes);

/** The date the child's case was last closed, or null. */
export async function lastClosureDate(tx: Tx, tenantId: string, childId: string): Promise<string | null> {
  const [row] = await tx
    .select({ closedOn: max(caseClosures.closedOn) })
    .from(caseClosures)
    .where(ofChild(caseClosures, tenantId, childId));
  return row?.closedOn ?? null;
}

/** Whether the assessment of need belongs to this child. */
export async function isNeedAssessmentOfChild(tx: Tx, tenantId: string, childId: string, id: string): Promise<boolean> {
  const rows = await tx
    .select({ id: needAssessments.id })
    .from(needAssessments)
    .where(isRowOfChild(needAssessments, tenantId, childId, id));
  return rows.length > 0;
}

/** The child's assessments of need, newest first, to link one to a referral. */
export async function needAssessmentsOfChild(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({ id: needAssessments.id, startedAt: needAssessments.startedAt })
    .from(needAssessments)
    .where(ofChild(needAssessments, tenantId, childId))
    .orderBy(sql`${needAssessments.startedAt} desc`);
}

const conferenceKinds = ['child_protection_conference', 'child_protection_review', 'strategy_discussion'] as const;

/** The child's strategy discussions and child protection conferences in the meetings capability, newest first. */
export async function protectionMeetingsOfChild(tx: Tx, tenantId: string, childId: string) {
  return tx
    .select({ id: meetings.id, kind: meetings.kind, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(ofChild(meetings, tenantId, childId), inArray(meetings.kind, [...conferenceKinds])))
    .orderBy(sql`${meetings.heldOn} desc`);
}

/** Whether the meeting is one of this child's, of the kind given. */
export async function isMeetingOfChild(
  tx: Tx,
  tenantId: string,
  childId: string,
  id: string,
  kind: (typeof conferenceKinds)[number],
) {
  const rows = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(isRowOfChild(meetings, tenantId, childId, id), eq(meetings.kind, kind)));
  return rows.length > 0;
}

/** What is still open on the child's record when the case is closed: plan actions not done, assessment versions not signed off. */
export async function unfinishedWork(tx: Tx, tenantId: string, childId: string) {
  const [actions, unsigned] = await Promise.all([
    tx
      .select({ actions: plans.actions })
      .from(plans)
      .where(ofChild(plans, tenantId, childId)),
    tx
      .select({ id: needAssessmentVersions.id })
      .from(needAssessmentVersions)
      .innerJoin(
        needAssessments,
        and(
          eq(needAssessments.tenantId, needAssessmentVersions.tenantId),
          eq(needAssessments.id, needAssessmentVersions.assessmentId),
        ),
      )
      .where(and(ofChild(needAssessments, tenantId, childId), ne(needAssessmentVersions.status, 'signed_off'))),
  ]);
  const openActions = actions.flatMap((plan) => plan.actions).filter((action) => action.status !== 'done').length;
  return { openActions, unsignedAssessments: unsigned.length };
}

/**
 * The council's working-day calendar: its nation and closure days, from the newest version of
 * its timescale policy (England with no closure days until it has one). Read from the policy's
 * table here, not through timescales' index, which reads the journey from this feature.
 */
export async function councilCalendarOf(tx: Tx, tenantId: string): Promise<WorkingDayCalendar> {
  const [row] = await tx
    .select({ nation: timescalePolicyVersions.nation, closureDays: timescalePolicyVersions.closureDays })
    .from(timescalePolicyVersions)
    .where(ofCouncil(timescalePolicyVersions, tenantId))
    .orderBy(desc(timescalePolicyVersions.version))
    .limit(1);
  return row
    ? { nation: row.nation, closureDays: row.closureDays.map((day) => day.date) }
    : { nation: 'england', closureDays: [] };
}
