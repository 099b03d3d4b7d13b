/**
 * The mapping feature's public surface: what other features may use. Plans start from the
 * child's latest mapping; a visit's page links to carrying one of its lines into a mapping.
 */
export { latestMappingForPlanning, type MappingEntryForPlanning, type MappingForPlanning } from './service.js';
export { mappingPaths } from './paths.js';
