/**
 * What every part of the episodes service shares: the record read together, opening it for a
 * form or for a change (holding the child's episodes), and the answers for a broken rule.
 */
import type { Database, Tx } from '../../../platform/db/database.js';
import { isUuid } from '../../../platform/db/ids.js';
import type { Actor } from '../../../platform/identity/actor.js';
import {
  withChildRecord,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../../child-record/index.js';
import { journeyFrom, type Journey } from '../journey.js';
import {
  closuresOf,
  councilCalendarOf,
  episodesOf,
  findEpisode,
  findReferral,
  holdEpisodesOfChild,
  needAssessmentsOfChild,
  protectionMeetingsOfChild,
  protectionStepsOf,
  referralsOf,
  type ClosureRow,
  type EpisodeRow,
  type ProtectionStepRow,
  type ReferralRow,
} from '../queries.js';

export const isoToday = () => new Date().toISOString().slice(0, 10);

/** A rule the record breaks: the field to point at and the GOV.UK message. Nothing was saved. */
export interface Refusal {
  outcome: 'invalid';
  field: string;
  message: string;
}
export const refuse = (field: string, message: string): Refusal => ({ outcome: 'invalid', field, message });
export const notFound = { outcome: 'not_found' as const };

/** Everything on the record about the journey, read together. */
export interface EpisodesRecord {
  referrals: ReferralRow[];
  episodes: EpisodeRow[];
  steps: ProtectionStepRow[];
  closures: ClosureRow[];
}

export const readRecord = async (tx: Tx, tenantId: string, childId: string): Promise<EpisodesRecord> => {
  const [referrals, episodes, steps, closures] = await Promise.all([
    referralsOf(tx, tenantId, childId),
    episodesOf(tx, tenantId, childId),
    protectionStepsOf(tx, tenantId, childId),
    closuresOf(tx, tenantId, childId),
  ]);
  return { referrals, episodes, steps, closures };
};

export interface EpisodesView extends EpisodesRecord {
  child: ChildSummary;
  journey: Journey;
  mayChange: boolean;
}

export async function viewEpisodes(
  database: Database,
  actor: Actor,
  childId: string,
  source: RequestSource,
  part = 'episodes',
): Promise<EpisodesView | null> {
  const purpose = { need: 'view', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const [rows, calendar] = await Promise.all([
      readRecord(record.tx, record.tenantId, childId),
      councilCalendarOf(record.tx, record.tenantId),
    ]);
    await record.audit('child_record.view', { part });
    const journey = journeyFrom(rows, calendar, isoToday());
    return { child: record.child, ...rows, journey, mayChange: record.mayChange };
  });
}

/** What a form that changes the journey offers: the record, and the meetings and assessments it may link to. */
export interface EpisodesForm extends EpisodesRecord {
  child: ChildSummary;
  protectionMeetings: Awaited<ReturnType<typeof protectionMeetingsOfChild>>;
  needAssessments: Awaited<ReturnType<typeof needAssessmentsOfChild>>;
}

/** The child's record for a form that changes this part, or null (audited) if they may not. */
export async function openForChange(
  database: Database,
  actor: Actor,
  childId: string,
  part: string,
  source: RequestSource,
): Promise<EpisodesForm | null> {
  const purpose = { need: 'change', action: 'child_record.view', source, details: { part } } as const;
  return withChildRecord(database, actor, childId, purpose, async (record) => {
    const [rows, protectionMeetings, needAssessments] = await Promise.all([
      readRecord(record.tx, record.tenantId, childId),
      protectionMeetingsOfChild(record.tx, record.tenantId, childId),
      needAssessmentsOfChild(record.tx, record.tenantId, childId),
    ]);
    await record.audit('child_record.view', { part });
    return { child: record.child, ...rows, protectionMeetings, needAssessments };
  });
}

export type Action =
  | 'episodes.referral_recorded'
  | 'episodes.assessment_outcome_recorded'
  | 'episodes.episode_started'
  | 'episodes.episode_ended'
  | 'episodes.protection_step_recorded'
  | 'episodes.case_closed';

/** Opens the record for change under `action`, holding the child's episodes; not found when refused. */
export async function changing<T>(
  database: Database,
  actor: Actor,
  childId: string,
  action: Action,
  source: RequestSource,
  work: (record: ChildRecordHandle) => Promise<T>,
): Promise<T | typeof notFound> {
  const done = await withChildRecord(database, actor, childId, { need: 'change', action, source }, async (record) => {
    await holdEpisodesOfChild(record.tx, record.tenantId, childId);
    return work(record);
  });
  return done ?? notFound;
}

export const recorded = (actor: Actor) => ({ recordedBy: actor.userId, recordedByLabel: actor.fullName });

/** One of the child's referrals or episodes by id (an id that is not a UUID finds nothing). */
const rowOf =
  <T>(find: (tx: Tx, tenantId: string, childId: string, id: string) => Promise<T | undefined>) =>
  (record: ChildRecordHandle, id: string) =>
    isUuid(id) ? find(record.tx, record.tenantId, record.childId, id) : Promise.resolve(undefined);
export const referralOf = rowOf(findReferral);
export const episodeOf = rowOf(findEpisode);
