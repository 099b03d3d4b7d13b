/**
 * The holistic assessment of need: start one, write the draft (saves from an out-of-date page
 * are refused, nothing lost), submit it, a manager signs it off or returns it, and a signed-off
 * version is locked for good: a new version carries on from a copy. Each call runs in one
 * council transaction, opens the child's record through child-record (which audits a refusal),
 * and audits what it did or refused in that transaction. Every change of a version is kept in
 * record_versions.
 *
 *   service/reads.ts      the list, one version, the chronology's events
 *   service/changes.ts    start one, save a draft, submit it
 *   service/decisions.ts  a manager's sign-off or return, and a new version
 *   service/versions.ts   what they share: opening a version for a call, its audit entries
 */
export { assessmentChronologyEvents, listAssessments, viewVersion, type AssessmentList } from './service/reads.js';
export { saveDraft, startAssessment, submitVersion } from './service/changes.js';
export { decideOnVersion, startNewVersion } from './service/decisions.js';
export type { AssessmentVersion, VersionView } from './service/versions.js';
