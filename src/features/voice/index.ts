/** The voice feature's public surface: what other features may use. */
export { linesOfVisit, participationPreferenceOf } from './service.js';
export type { ParticipationPreference } from './participation.js';
export type { VisitLine } from './visit-form.js';
export { voicePaths } from './paths.js';
