/** The caseload's public surface: the link to the list of children someone works with. */
export { caseloadPaths } from './paths.js';
