/** The sign-in feature's public surface: what other features may use. */
export * from './paths.js';
