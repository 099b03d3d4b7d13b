/** The language feature's public surface: what other features may use. */
export * from './balance.js';
export * from './companion.js';
export * from './service.js';
