/** Episodes of help: starting one (after the rules on overlap and stepping), ending one. */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { type ChildRecordHandle, type RequestSource } from '../../child-record/index.js';
import { episodeKinds } from '../codes.js';
import { episodesOf, insertEpisode, updateEpisodeEnd, type EpisodeRow } from '../queries.js';
import { endsBeforeStart, overlappingEpisode, refusedStep } from '../rules.js';
import type { EndEpisodeInput, NewEpisodeInput } from '../validation.js';
import { type Refusal, refuse, notFound, openForChange, changing, recorded, episodeOf } from './record.js';

/** Starts an episode after the rules: no overlap with one of its kind, a step only from an open episode. */
export async function startEpisodeIn(
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
export async function endEpisodeIn(
  record: ChildRecordHandle,
  actor: Actor,
  episode: EpisodeRow,
  input: EndEpisodeInput,
) {
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
