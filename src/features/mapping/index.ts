/** The mapping feature's public surface: what other features may use. */
export * from './service.js';
export * from './paths.js';
