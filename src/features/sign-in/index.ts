/** The sign-in feature's public surface: what other features (and src/app.ts) may use. */
export { identityPaths, signInPages } from './paths.js';
export { presentTotpSetUp } from './presenters.js';
