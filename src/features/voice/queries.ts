/** The only place SQL about visits, the child's words, taking part, drafts, attachments and search is written, one file per area under `queries/`. */
export * from './queries/visits.js';
export * from './queries/words.js';
export * from './queries/attachments.js';
export * from './queries/search.js';
