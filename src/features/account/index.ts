/** A person's own account: what src/app.ts needs (the page the platform sends someone to change their password). */
export { accountApiPaths, accountPages } from './paths.js';
