/** The steps of child protection, each after the one before it. */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { type RequestSource } from '../../child-record/index.js';
import { protectionSteps as stepCodes, type ProtectionStepKind } from '../codes.js';
import { episodesOf, insertProtectionStep, isMeetingOfChild, protectionStepsOf, type EpisodeRow } from '../queries.js';
import type { ProtectionStepInput } from '../validation.js';
import { refuse, changing, recorded } from './record.js';
import { endEpisodeIn, startEpisodeIn } from './episodes.js';

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
