/**
 * Mapping with the family, and scaling. Each call runs in one council transaction, opens the
 * child's record through child-record (the same access policy as the rest of the record) and
 * writes its audit entries in that transaction. A mapping about a sibling group is opened only
 * by someone who may see every child in it. By area:
 *
 * - service/mappings.ts: the child's mappings and scaling, starting one, the carry form, the chronology;
 * - service/mapping.ts: one mapping opened on each child's record, its entry's history, two side by side;
 * - service/entries.ts: adding and changing (and moving) entries, and scores, every version kept.
 */
export {
  carryForm,
  mappingChronologyEvents,
  mappingSection,
  mappingStartForm,
  startMapping,
  type CarryForm,
  type MappingSectionView,
  type MappingStartView,
  type MappingSummary,
  type StartMappingResult,
} from './service/mappings.js';
export {
  compareTwoMappings,
  entryHistory,
  MAPPING_ENTRY,
  openMapping,
  openMappingForApi,
  openMappingForChange,
  type FieldIssue,
  type MappingComparison,
  type MappingView,
} from './service/mapping.js';
export {
  addEntry,
  addScore,
  changeEntry,
  type AddEntryResult,
  type AddScoreResult,
  type ChangeEntryResult,
} from './service/entries.js';
export { latestMappingForPlanning, type MappingForPlanning, type MappingEntryForPlanning } from './queries.js';
export type { MappingEntryRow, ScalingScoreRow } from './queries.js';
