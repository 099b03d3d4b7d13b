/**
 * Episodes: referrals and their assessments, the steps of child protection, episodes of help,
 * and closing the case. Each call runs in one council transaction, opens the child's record for
 * its purpose (the same access policy as the rest of the record) and writes its audit entry in
 * that transaction; a rule the record breaks is answered with the field and the GOV.UK message,
 * and nothing is saved.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import type { ChronologyEvent } from '../../platform/chronology/sources.js';
import type { Actor } from '../../platform/identity/actor.js';
import {
  withChildRecord,
  type ChildRecordHandle,
  type ChildSummary,
  type RequestSource,
} from '../child-record/index.js';
import { checkLanguage } from '../language/index.js';
import {
  assessmentOutcomes,
  closureReasonCodes,
  episodeKinds,
  outcomeName,
  protectionSteps as stepCodes,
  type ProtectionStepKind,
} from './codes.js';
import { journeyFrom, type Journey } from './journey.js';
import { episodesPaths } from './paths.js';
import {
  closuresOf,
  councilCalendarOf,
  episodesOf,
  findEpisode,
  findReferral,
  holdEpisodesOfChild,
  insertClosure,
  insertEpisode,
  insertProtectionStep,
  insertReferral,
  isMeetingOfChild,
  isNeedAssessmentOfChild,
  needAssessmentsOfChild,
  protectionMeetingsOfChild,
  protectionStepsOf,
  referralsOf,
  unfinishedWork,
  updateEpisodeEnd,
  updateReferralOutcome,
  type ClosureRow,
  type EpisodeRow,
  type ProtectionStepRow,
  type ReferralRow,
} from './queries.js';
import { endsBeforeStart, overlappingEpisode, refusedStep } from './rules.js';
import type {
  AssessmentOutcomeInput,
  CloseCaseInput,
  EndEpisodeInput,
  NewEpisodeInput,
  NewReferralInput,
  ProtectionStepInput,
} from './validation.js';

const isoToday = () => new Date().toISOString().slice(0, 10);

/** A rule the record breaks: the field to point at and the GOV.UK message. Nothing was saved. */
export interface Refusal {
  outcome: 'invalid';
  field: string;
  message: string;
}
const refuse = (field: string, message: string): Refusal => ({ outcome: 'invalid', field, message });
const notFound = { outcome: 'not_found' as const };

/** Everything on the record about the journey, read together. */
export interface EpisodesRecord {
  referrals: ReferralRow[];
  episodes: EpisodeRow[];
  steps: ProtectionStepRow[];
  closures: ClosureRow[];
}

const readRecord = async (tx: Tx, tenantId: string, childId: string): Promise<EpisodesRecord> => {
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

type Action =
  | 'episodes.referral_recorded'
  | 'episodes.assessment_outcome_recorded'
  | 'episodes.episode_started'
  | 'episodes.episode_ended'
  | 'episodes.protection_step_recorded'
  | 'episodes.case_closed';

/** Opens the record for change under `action`, holding the child's episodes; not found when refused. */
async function changing<T>(
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

const recorded = (actor: Actor) => ({ recordedBy: actor.userId, recordedByLabel: actor.fullName });

// ---- Referrals and assessments ------------------------------------------------------------------

export async function recordReferral(
  database: Database,
  actor: Actor,
  childId: string,
  input: NewReferralInput,
  source: RequestSource,
) {
  return changing(database, actor, childId, 'episodes.referral_recorded', source, async (record) => {
    const referral = await insertReferral(record.tx, record.tenantId, {
      childPersonId: childId,
      referredOn: input.referredOn,
      source: input.source,
      primaryNeedCode: input.primaryNeedCode ?? null,
      ...recorded(actor),
    });
    await record.audit('episodes.referral_recorded', { referralId: referral.id, referredOn: referral.referredOn });
    return { outcome: 'recorded' as const, referral };
  });
}

const rowOf =
  <T>(find: (tx: Tx, tenantId: string, childId: string, id: string) => Promise<T | undefined>) =>
  (record: ChildRecordHandle, id: string) =>
    isUuid(id) ? find(record.tx, record.tenantId, record.childId, id) : Promise.resolve(undefined);
const referralOf = rowOf(findReferral);
const episodeOf = rowOf(findEpisode);

export async function recordAssessmentOutcome(
  database: Database,
  actor: Actor,
  childId: string,
  referralId: string,
  input: AssessmentOutcomeInput & { expectedVersion: number },
  source: RequestSource,
) {
  const action = 'episodes.assessment_outcome_recorded';
  return changing(database, actor, childId, action, source, async (record) => {
    const referral = await referralOf(record, referralId);
    if (!referral) return notFound;
    if (input.completedOn < referral.referredOn) {
      return refuse('completedOn', 'The date the assessment was completed must be on or after the referral');
    }
    if (
      input.needAssessmentId &&
      !(await isNeedAssessmentOfChild(record.tx, record.tenantId, childId, input.needAssessmentId))
    ) {
      return refuse('needAssessmentId', 'Select one of this child’s assessments of need');
    }
    const saved = await updateReferralOutcome(
      record.tx,
      record.tenantId,
      referralId,
      {
        assessmentOutcome: input.outcome,
        assessmentCompletedOn: input.completedOn,
        assessmentFactors: input.factors,
        outcomeReasons: input.reasons,
        needAssessmentId: input.needAssessmentId,
        outcomeRecordedByLabel: actor.fullName,
      },
      input.expectedVersion,
    );
    if (!saved) return { outcome: 'conflict' as const, current: referral };
    await record.audit(action, { referralId, outcome: input.outcome, factors: input.factors.join(' ') });
    return { outcome: 'recorded' as const, referral: saved };
  });
}

// ---- Episodes of help ---------------------------------------------------------------------------

/** Starts an episode after the rules: no overlap with one of its kind, a step only from an open episode. */
async function startEpisodeIn(
  record: ChildRecordHandle,
  actor: Actor,
  input: NewEpisodeInput & { referralId?: string | null },
): Promise<{ outcome: 'started'; episode: EpisodeRow; ended: EpisodeRow | null } | Refusal> {
  const { tx, tenantId, childId } = record;
  const existing = await episodesOf(tx, tenantId, childId);
  let ended: EpisodeRow | null = null;
  if (input.steppedFromEpisodeId) {
    const from = existing.find((episode) => episode.id === input.steppedFromEpisodeId && episode.endsOn === null);
    if (!from) return refuse('steppedFromEpisodeId', 'Select an open episode to step up or down from');
    const refused = refusedStep(from.kind, input.kind);
    if (refused) return refuse('kind', refused);
    if (endsBeforeStart(from.startsOn, input.startsOn)) {
      return refuse(
        'startsOn',
        `The start date must be on or after the start of the ${episodeKinds[from.kind].name.toLowerCase()}`,
      );
    }
    ended = await updateEpisodeEnd(
      tx,
      tenantId,
      from.id,
      { endsOn: input.startsOn, closureReasonCode: 'RC7', endedByLabel: actor.fullName },
      from.version,
    );
    existing.splice(existing.indexOf(from), 1, ended!);
  }
  const overlap = overlappingEpisode(
    existing.map((episode) => ({ ...episode })),
    { kind: input.kind, startsOn: input.startsOn, endsOn: null },
  );
  if (overlap) {
    const name = episodeKinds[overlap.kind].name.toLowerCase();
    return refuse(
      'startsOn',
      overlap.endsOn === null
        ? `There is already an open ${name} episode: end it before starting another`
        : `The start date must be after the ${name} episode that ended on ${overlap.endsOn}`,
    );
  }
  const episode = await insertEpisode(tx, tenantId, {
    childPersonId: childId,
    kind: input.kind,
    serviceName: input.serviceName,
    startsOn: input.startsOn,
    primaryNeedCode: input.primaryNeedCode,
    leadPractitioner: input.leadPractitioner,
    leadAgency: input.leadAgency,
    planCategories: input.planCategories,
    referralId: input.referralId ?? null,
    steppedFromEpisodeId: input.steppedFromEpisodeId,
    ...recorded(actor),
  });
  await record.audit('episodes.episode_started', {
    episodeId: episode.id,
    kind: episode.kind,
    startsOn: episode.startsOn,
    ...(ended ? { steppedFromEpisodeId: ended.id } : {}),
  });
  return { outcome: 'started', episode, ended };
}

export async function startEpisode(
  database: Database,
  actor: Actor,
  childId: string,
  input: NewEpisodeInput,
  source: RequestSource,
) {
  return changing(database, actor, childId, 'episodes.episode_started', source, (record) =>
    startEpisodeIn(record, actor, input),
  );
}

/** Ends an open episode with its reason; an end before the start, or an episode already ended, is refused. */
async function endEpisodeIn(record: ChildRecordHandle, actor: Actor, episode: EpisodeRow, input: EndEpisodeInput) {
  if (episode.endsOn !== null) return refuse('endsOn', 'This episode has already ended');
  if (endsBeforeStart(episode.startsOn, input.endsOn)) {
    return refuse('endsOn', 'The end date must be the same as or after the start date');
  }
  const saved = await updateEpisodeEnd(
    record.tx,
    record.tenantId,
    episode.id,
    { endsOn: input.endsOn, closureReasonCode: input.closureReasonCode, endedByLabel: actor.fullName },
    input.expectedVersion,
  );
  if (!saved) return { outcome: 'conflict' as const, current: episode };
  await record.audit('episodes.episode_ended', {
    episodeId: episode.id,
    endsOn: input.endsOn,
    closureReasonCode: input.closureReasonCode,
  });
  return { outcome: 'ended' as const, episode: saved };
}

export async function endEpisode(
  database: Database,
  actor: Actor,
  childId: string,
  episodeId: string,
  input: EndEpisodeInput,
  source: RequestSource,
) {
  return changing(database, actor, childId, 'episodes.episode_ended', source, async (record) => {
    const episode = await episodeOf(record, episodeId);
    return episode ? endEpisodeIn(record, actor, episode, input) : notFound;
  });
}

/** One episode, for the form that ends it. */
export async function episodeForEnding(
  database: Database,
  actor: Actor,
  childId: string,
  episodeId: string,
  source: RequestSource,
) {
  const form = await openForChange(database, actor, childId, 'end_episode_form', source);
  const episode = form?.episodes.find((row) => row.id === episodeId);
  return form && episode ? { child: form.child, episode } : null;
}

// ---- Child protection ---------------------------------------------------------------------------

/** What must have happened before each step (in the current round, on or before its date). */
const needsBefore: Record<ProtectionStepKind, { kind: ProtectionStepKind; outcome: string } | null> = {
  strategy_discussion: null,
  section_47_enquiry: { kind: 'strategy_discussion', outcome: 'section_47' },
  initial_conference: { kind: 'section_47_enquiry', outcome: 'initial_conference' },
  review_conference: null,
};

const meetingKindOf = {
  strategy_discussion: 'strategy_discussion',
  section_47_enquiry: null,
  initial_conference: 'child_protection_conference',
  review_conference: 'child_protection_review',
} as const;

export async function recordProtectionStep(
  database: Database,
  actor: Actor,
  childId: string,
  input: ProtectionStepInput,
  source: RequestSource,
) {
  const action = 'episodes.protection_step_recorded';
  return changing(database, actor, childId, action, source, async (record) => {
    const { tx, tenantId } = record;
    const steps = await protectionStepsOf(tx, tenantId, childId);
    const before = needsBefore[input.kind];
    if (
      before &&
      !steps.some((step) => step.kind === before.kind && step.outcome === before.outcome && step.heldOn <= input.heldOn)
    ) {
      return refuse(
        'kind',
        `Record the ${stepCodes[before.kind].name.toLowerCase()} that led to this ${stepCodes[input.kind].name.toLowerCase()} first`,
      );
    }
    const meetingKind = meetingKindOf[input.kind];
    if (
      input.meetingId &&
      (!meetingKind || !(await isMeetingOfChild(tx, tenantId, childId, input.meetingId, meetingKind)))
    ) {
      return refuse('meetingId', 'Select one of this child’s meetings of the same kind, or none');
    }
    const plan = (await episodesOf(tx, tenantId, childId)).find(
      (episode) => episode.kind === 'child_protection' && episode.endsOn === null,
    );
    if (input.kind === 'review_conference' && !plan) {
      return refuse('kind', 'A review conference needs an open child protection plan');
    }
    let episode: EpisodeRow | null = null;
    if (input.kind === 'initial_conference' && input.outcome === 'plan') {
      const started = await startEpisodeIn(record, actor, {
        kind: 'child_protection',
        startsOn: input.heldOn,
        serviceName: null,
        primaryNeedCode: 'N1',
        leadPractitioner: input.leadPractitioner,
        leadAgency: null,
        planCategories: input.planCategories,
        steppedFromEpisodeId: null,
      });
      if (started.outcome === 'invalid') return refuse('heldOn', started.message);
      episode = started.episode;
    }
    if (input.kind === 'review_conference' && input.outcome === 'plan_ends' && plan) {
      const ended = await endEpisodeIn(record, actor, plan, {
        endsOn: input.heldOn,
        closureReasonCode: input.closureReasonCode ?? 'RC7',
        expectedVersion: plan.version,
      });
      if (ended.outcome !== 'ended') return refuse('heldOn', ended.outcome === 'invalid' ? ended.message : 'Try again');
      episode = ended.episode;
    }
    const step = await insertProtectionStep(tx, tenantId, {
      childPersonId: childId,
      kind: input.kind,
      heldOn: input.heldOn,
      whoTookPart: input.whoTookPart,
      decision: input.decision,
      outcome: input.outcome,
      meetingId: input.meetingId,
      ...recorded(actor),
    });
    await record.audit(action, { stepId: step.id, kind: step.kind, outcome: step.outcome });
    return { outcome: 'recorded' as const, step, episode };
  });
}

// ---- Closing the case ---------------------------------------------------------------------------

/**
 * Closes the case: every open episode ends on the day with the reason, and the closing summary
 * to the family is kept. Words that label or blame the family are refused (the language
 * companion); open plan actions or an assessment not signed off need a reason to go on.
 */
export async function closeCase(
  database: Database,
  actor: Actor,
  childId: string,
  input: CloseCaseInput,
  source: RequestSource,
) {
  return changing(database, actor, childId, 'episodes.case_closed', source, async (record) => {
    const { tx, tenantId } = record;
    // Written to the family: any word the companion finds labelling or blaming is refused, with what to say instead.
    const flagged = checkLanguage(input.summaryToFamily, { audience: 'family', kind: 'label-or-blame' }).findings;
    if (flagged.length > 0) {
      const words = flagged.map((finding) => `‘${finding.matched}’`).join(', ');
      return refuse(
        'summaryToFamily',
        `The closing summary uses words that may label or blame the family (${words}): say what happened instead`,
      );
    }
    const unfinished = await unfinishedWork(tx, tenantId, childId);
    if ((unfinished.openActions > 0 || unfinished.unsignedAssessments > 0) && !input.reasonToGoOn) {
      return { outcome: 'needs_reason' as const, ...unfinished };
    }
    const open = (await episodesOf(tx, tenantId, childId)).filter((episode) => episode.endsOn === null);
    const late = open.find((episode) => endsBeforeStart(episode.startsOn, input.closedOn));
    if (late) {
      return refuse(
        'closedOn',
        `The date the case closed must be on or after the start of the ${episodeKinds[late.kind].name.toLowerCase()} (${late.startsOn})`,
      );
    }
    for (const episode of open) {
      await endEpisodeIn(record, actor, episode, {
        endsOn: input.closedOn,
        closureReasonCode: input.reasonCode,
        expectedVersion: episode.version,
      });
    }
    const closure = await insertClosure(tx, tenantId, {
      childPersonId: childId,
      closedOn: input.closedOn,
      reasonCode: input.reasonCode,
      summaryToFamily: input.summaryToFamily,
      reasonToGoOn: input.reasonToGoOn,
      ...recorded(actor),
    });
    await record.audit(
      'episodes.case_closed',
      { closureId: closure.id, reasonCode: closure.reasonCode, episodesEnded: open.length, ...unfinished },
      'allowed',
      { reason: input.reasonToGoOn },
    );
    return { outcome: 'closed' as const, closure, unfinished };
  });
}

// ---- The chronology -----------------------------------------------------------------------------

/** Every step of the journey, as events in the child's chronology. */
export async function episodesChronologyEvents(tx: Tx, tenantId: string, childId: string): Promise<ChronologyEvent[]> {
  const rows = await readRecord(tx, tenantId, childId);
  const href = episodesPaths.page.href({ childId });
  const event = (occurredAt: string, title: string, details: string | null, byline: string): ChronologyEvent => ({
    occurredAt,
    type: 'episodes',
    title,
    details,
    byline,
    href,
  });
  return [
    ...rows.referrals.flatMap((referral) => [
      event(referral.referredOn, `Referral from ${referral.source}`, null, referral.recordedByLabel),
      ...(referral.assessmentOutcome && referral.assessmentCompletedOn
        ? [
            event(
              referral.assessmentCompletedOn,
              `Assessment completed: ${assessmentOutcomes[referral.assessmentOutcome]}`,
              referral.outcomeReasons,
              referral.outcomeRecordedByLabel ?? referral.recordedByLabel,
            ),
          ]
        : []),
    ]),
    ...rows.episodes.flatMap((episode) => {
      const name = episode.serviceName ?? episodeKinds[episode.kind].name;
      const lead = episode.leadPractitioner ? `Lead: ${episode.leadPractitioner}` : null;
      return [
        event(episode.startsOn, `${name} started`, lead, episode.recordedByLabel),
        ...(episode.endsOn && episode.closureReasonCode
          ? [
              event(
                episode.endsOn,
                `${name} ended`,
                closureReasonCodes[episode.closureReasonCode as keyof typeof closureReasonCodes] ?? null,
                episode.endedByLabel ?? episode.recordedByLabel,
              ),
            ]
          : []),
      ];
    }),
    ...rows.steps.map((step) =>
      event(
        step.heldOn,
        `${stepCodes[step.kind].name}: ${outcomeName(step.kind, step.outcome)}`,
        step.decision,
        step.recordedByLabel,
      ),
    ),
    ...rows.closures.map((closure) =>
      event(closure.closedOn, 'Case closed', closure.summaryToFamily, closure.recordedByLabel),
    ),
  ];
}
