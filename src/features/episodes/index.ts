/**
 * Episodes' public surface: what other features use. The front door starts a referral inside
 * its own transaction (`startReferral`); the child's header and the caseload read the journey
 * (`journeyOf`); the front door flags a re-referral within 12 months (`lastClosedOn`). The
 * application takes the feature from its manifest (feature.ts).
 */
export {
  ENGLAND_WITHOUT_CLOSURES,
  journeyFrom,
  journeyOf,
  journeysOf,
  lastClosedOn,
  startReferral,
  type Journey,
  type NewReferral,
  type OpenEpisode,
} from './journey.js';
export {
  assessmentFactorCodes,
  assessmentOutcomes,
  closureReasonCodes,
  episodeKinds,
  planCategories,
  primaryNeedCodes,
  type AssessmentOutcome,
  type ClosureReasonCode,
  type EpisodeKind,
  type PlanCategory,
  type PrimaryNeedCode,
} from './codes.js';
