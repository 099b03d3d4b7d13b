/** The people feature's public surface: what other features may use (tables are in schema.ts). */
export { peoplePaths } from './paths.js';
export { addPersonIn, changePersonIn, markPersonMergedIn, type NewPerson, type PersonChange } from './service.js';
export { insertChildRecord as addChildRecordIn } from './queries.js';
