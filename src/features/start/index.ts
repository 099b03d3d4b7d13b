/** The start page: where someone lands after signing in when they were not on their way somewhere. */
export { startPages } from './paths.js';
