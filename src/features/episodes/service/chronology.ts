/** Every step of the journey, as events in the child's chronology. */
import type { Tx } from '../../../platform/db/database.js';
import type { ChronologyEvent } from '../../../platform/chronology/sources.js';
import {
  assessmentOutcomes,
  closureReasonCodes,
  episodeKinds,
  outcomeName,
  protectionSteps as stepCodes,
} from '../codes.js';
import { episodesPaths } from '../paths.js';
import { readRecord } from './record.js';

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
