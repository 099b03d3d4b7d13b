/**
 * The child's record, the lowest feature floor: every other feature opens a child's record
 * through here, and nothing here imports another feature. Its public surface is this file.
 */
export {
  auditChildRecord,
  checkChildAccess,
  childRecordAccess,
  childRecordService,
  childrenActorMay,
  childSummaryIn,
  openChildRecord,
  openChildRecordIn,
  openRestrictedRecord,
  withChildRecord,
  type AuditAbout,
  type ChildRecordAccess,
  type ChildRecordHandle,
  type ChildRecordPurpose,
  type ChildSummary,
} from './access.js';
export { childRecordAuditActions } from './audit-actions.js';
export { childRecordPaths } from './paths.js';
export { ageOn, presentAge, presentDate } from './presenters.js';
export {
  caseloadCandidates,
  childRecordFacts,
  childSummaries,
  relationshipsOf,
  type CaseloadScope,
} from './queries.js';
export type { RequestSource } from '../../platform/http/request-source.js';
