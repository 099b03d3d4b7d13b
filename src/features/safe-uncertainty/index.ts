/**
 * Safe uncertainty's public surface: what other features may use. None uses anything yet; the
 * application takes the feature from its manifest (feature.ts), the demo seed from its modules.
 */
export {};
