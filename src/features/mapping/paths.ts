import { path } from '../../platform/http/path.js';

/** The mapping's pages and API, each written once: `.pattern` to register, `.href()` to link. */
export const mappingPaths = {
  section: path('/children/:childId/mapping'),
  newMapping: path('/children/:childId/mapping/new'),
  /** `.href({ childId }, { earlier, later })`. */
  compare: path('/children/:childId/mapping/compare'),
  mapping: path('/children/:childId/mapping/:mappingId'),
  /** `.href({ childId, mappingId }, { section })`. */
  newEntry: path('/children/:childId/mapping/:mappingId/entries/new'),
  entry: path('/children/:childId/mapping/:mappingId/entries/:entryId'),
  entryHistory: path('/children/:childId/mapping/:mappingId/entries/:entryId/history'),
  fromVisit: path('/children/:childId/mapping/from-visit/:visitId'),
  newScore: path('/children/:childId/mapping/:mappingId/scores/new'),
  api: {
    mappings: path('/api/v1/children/:childId/mappings'),
    mapping: path('/api/v1/children/:childId/mappings/:mappingId'),
    entries: path('/api/v1/children/:childId/mappings/:mappingId/entries'),
    entry: path('/api/v1/children/:childId/mappings/:mappingId/entries/:entryId'),
    scores: path('/api/v1/children/:childId/mappings/:mappingId/scores'),
    scaling: path('/api/v1/children/:childId/scaling'),
  },
} as const;
