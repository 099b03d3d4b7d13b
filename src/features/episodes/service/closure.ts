/** Closing the case, with its reason and the summary written to the family. */
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { type RequestSource } from '../../child-record/index.js';
import { checkLanguage } from '../../language/index.js';
import { episodeKinds } from '../codes.js';
import { episodesOf, insertClosure, unfinishedWork } from '../queries.js';
import { endsBeforeStart } from '../rules.js';
import type { CloseCaseInput } from '../validation.js';
import { refuse, changing, recorded } from './record.js';
import { endEpisodeIn } from './episodes.js';

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
