/** The people feature's public surface: what other features may use. */
export * from './queries.js';
export * from './paths.js';
