/** Pure functions shaping the journey for the pages. */
import { presentDate } from '../child-record/index.js';
import {
  assessmentFactorCodes,
  assessmentOutcomes,
  closureReasonCodes,
  episodeKinds,
  outcomeName,
  planCategories,
  primaryNeedCodes,
  protectionSteps,
  type ProtectionStepKind,
} from './codes.js';
import type { Journey } from './journey.js';
import type { ClosureRow, EpisodeRow, ProtectionStepRow, ReferralRow } from './queries.js';
import { stepBetween, stepNames } from './rules.js';

const notices: Record<string, string> = {
  referral_recorded: 'Referral recorded. The assessment’s clock has started.',
  outcome_recorded: 'Assessment outcome recorded',
  episode_started: 'Episode started',
  episode_ended: 'Episode ended',
  step_recorded: 'Child protection step recorded',
  case_closed: 'Case closed. The closing summary is kept for the family.',
};

/** The banner after a save, from the page's `notice` query value; null for none or one we did not send. */
export const noticeFor = (notice: unknown): string | null =>
  typeof notice === 'string' ? (notices[notice] ?? null) : null;

const named = (codes: Record<string, string>, code: string | null) =>
  code === null ? null : `${code}: ${codes[code] ?? 'not a current code'}`;

/** One line that says where the child is in their journey ("Child protection plan since 3 March 2026"). */
export function journeySummary(journey: Journey): string {
  const plan = journey.childProtectionPlanSince;
  if (plan) return `Child protection plan since ${presentDate(plan)}`;
  const [first] = journey.openEpisodes;
  if (first) return `${first.name} since ${presentDate(first.startsOn)}`;
  const referral = journey.currentReferral;
  if (journey.status === 'open' && referral)
    return `Being assessed since the referral on ${presentDate(referral.referredOn)}`;
  if (journey.lastClosedOn) return `Case closed on ${presentDate(journey.lastClosedOn)}`;
  return 'No referral recorded';
}

/** What is due next, as summary list rows. */
export function dueRows(journey: Journey) {
  const rows: { key: { text: string }; value: { text: string } }[] = [];
  const referral = journey.currentReferral;
  if (journey.status === 'open' && referral && referral.outcome === null) {
    rows.push({
      key: { text: 'Assessment due' },
      value: { text: `${presentDate(referral.assessmentDueOn)} (45 working days from the referral)` },
    });
  }
  if (journey.initialConferenceDueOn) {
    rows.push({
      key: { text: 'Initial conference due' },
      value: { text: `${presentDate(journey.initialConferenceDueOn)} (15 working days from the strategy discussion)` },
    });
  }
  if (journey.reviewConferenceDueOn) {
    rows.push({ key: { text: 'Review conference due' }, value: { text: presentDate(journey.reviewConferenceDueOn) } });
  }
  return rows;
}

export function presentEpisodes(episodes: readonly EpisodeRow[], endHref: (id: string) => string | null) {
  const byId = new Map(episodes.map((episode) => [episode.id, episode]));
  return [...episodes].reverse().map((episode) => {
    const from = episode.steppedFromEpisodeId ? byId.get(episode.steppedFromEpisodeId) : undefined;
    const step = from ? stepBetween(from.kind, episode.kind) : null;
    return {
      name: episode.serviceName ?? episodeKinds[episode.kind].name,
      dates: `${presentDate(episode.startsOn)} to ${episode.endsOn ? presentDate(episode.endsOn) : 'now'}`,
      open: episode.endsOn === null,
      lead: episode.leadPractitioner
        ? `${episodeKinds[episode.kind].lead}: ${episode.leadPractitioner}${episode.leadAgency ? ` (${episode.leadAgency})` : ''}`
        : null,
      need: named(primaryNeedCodes, episode.primaryNeedCode),
      categories: episode.planCategories.map(
        (category) => planCategories[category as keyof typeof planCategories] ?? category,
      ),
      step: step && from ? `${stepNames[step]} from ${episodeKinds[from.kind].name.toLowerCase()}` : null,
      closure: named(closureReasonCodes, episode.closureReasonCode),
      endHref: episode.endsOn === null ? endHref(episode.id) : null,
    };
  });
}

export function presentReferrals(referrals: readonly ReferralRow[], outcomeHref: (id: string) => string | null) {
  return [...referrals].reverse().map((referral) => ({
    referredOn: presentDate(referral.referredOn),
    source: referral.source,
    need: named(primaryNeedCodes, referral.primaryNeedCode),
    outcome: referral.assessmentOutcome ? assessmentOutcomes[referral.assessmentOutcome] : null,
    completedOn: referral.assessmentCompletedOn ? presentDate(referral.assessmentCompletedOn) : null,
    factors: referral.assessmentFactors.map((code) => named(assessmentFactorCodes, code)!),
    reasons: referral.outcomeReasons,
    outcomeHref: referral.assessmentOutcome === null ? outcomeHref(referral.id) : null,
  }));
}

export function presentSteps(steps: readonly ProtectionStepRow[], meetingHref: (id: string) => string) {
  return [...steps].reverse().map((step) => ({
    name: protectionSteps[step.kind].name,
    heldOn: presentDate(step.heldOn),
    outcome: outcomeName(step.kind, step.outcome),
    decision: step.decision,
    whoTookPart: step.whoTookPart,
    meetingHref: step.meetingId ? meetingHref(step.meetingId) : null,
  }));
}

export const presentClosures = (closures: readonly ClosureRow[]) =>
  [...closures].reverse().map((closure) => ({
    closedOn: presentDate(closure.closedOn),
    reason: named(closureReasonCodes, closure.reasonCode),
    summary: closure.summaryToFamily,
    reasonToGoOn: closure.reasonToGoOn,
    by: closure.recordedByLabel,
  }));

// ---- Form items -----------------------------------------------------------------------------

const choice = (value: string, text: string, chosen: string | readonly string[]) => ({
  value,
  text,
  checked: typeof chosen === 'string' ? chosen === value : chosen.includes(value),
});

/** Radio or checkbox items for a code list, with the code shown beside its words. */
export const codeItems = (codes: Record<string, string>, chosen: string | readonly string[], showCode = true) =>
  Object.entries(codes).map(([code, words]) => choice(code, showCode ? `${code}: ${words}` : words, chosen));

/** Select items for a code list, with a first empty choice. */
export const codeOptions = (codes: Record<string, string>, chosen: string) => [
  { value: '', text: 'Select one', selected: chosen === '' },
  ...Object.entries(codes).map(([code, words]) => ({
    value: code,
    text: `${code}: ${words}`,
    selected: chosen === code,
  })),
];

export const episodeKindItems = (chosen: string) =>
  Object.entries(episodeKinds).map(([kind, { name }]) => choice(kind, name, chosen));

export const stepKindItems = (chosen: string) =>
  Object.entries(protectionSteps).map(([kind, { name }]) => ({
    ...choice(kind, name, chosen),
    hint: { text: Object.values(protectionSteps[kind as ProtectionStepKind].outcomes).join(' · ') },
  }));

/** Every step's outcomes, grouped for one radio list: the value is the outcome code. */
export const stepOutcomeItems = (chosen: string) =>
  Object.values(protectionSteps).flatMap(({ name, outcomes }) => [
    { divider: name },
    ...Object.entries(outcomes).map(([code, words]) => choice(code, words, chosen)),
  ]);

export const nameOf = (child: { knownAs: string | null; fullName: string }) => child.knownAs ?? child.fullName;
