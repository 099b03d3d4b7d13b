/**
 * Episodes: referrals and their assessments, the steps of child protection, episodes of help,
 * and closing the case. Each call runs in one council transaction, opens the child's record for
 * its purpose (the same access policy as the rest of the record) and writes its audit entry in
 * that transaction; a rule the record breaks is answered with the field and the GOV.UK message,
 * and nothing is saved. One file a part, in service/.
 */
export {
  openForChange,
  viewEpisodes,
  type EpisodesForm,
  type EpisodesRecord,
  type EpisodesView,
  type Refusal,
} from './service/record.js';
export { recordAssessmentOutcome, recordReferral } from './service/referrals.js';
export { endEpisode, episodeForEnding, startEpisode } from './service/episodes.js';
export { recordProtectionStep } from './service/protection.js';
export { closeCase } from './service/closure.js';
export { episodesChronologyEvents } from './service/chronology.js';
