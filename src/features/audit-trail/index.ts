/** The audit trail's public surface. */
export * from './paths.js';
