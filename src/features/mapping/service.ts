/**
 * Mapping with the family, and scaling. Other features reach the mapping only through here.
 */
export { latestMappingForPlanning, type MappingForPlanning, type MappingEntryForPlanning } from './queries.js';
