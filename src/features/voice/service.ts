/**
 * Voice's service, one file per area under `service/`: visits, the child's own words and how
 * they would like to take part, direct work, drafts, attachments, the chronology and search.
 * Each call opens the child's record through child-record's `withChildRecord` (the access
 * policy, and a refusal audited) and writes its own audit entry in the same transaction.
 */
export { VISIT } from './service/record.js';
export * from './service/visits.js';
export * from './service/words.js';
export * from './service/direct-work.js';
export * from './service/drafts.js';
export * from './service/attachments.js';
export * from './service/chronology.js';
export * from './service/search.js';
