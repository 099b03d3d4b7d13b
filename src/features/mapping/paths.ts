import { path, type Path } from '../../platform/http/path.js';

const fromVisit = path('/children/:childId/mapping/from-visit/:visitId');

/**
 * TRANSITIONAL: the voice feature still calls `mappingPaths.fromVisit(childId, visitId)`. Once
 * it links with `mappingPaths.fromVisit.href({ childId, visitId })`, this goes and `fromVisit`
 * is a plain path like the rest.
 */
const callableFromVisit: typeof fromVisit & ((childId: string, visitId: string) => string) = Object.assign(
  (childId: string, visitId: string) => fromVisit.href({ childId, visitId }),
  {
    pattern: fromVisit.pattern,
    href: (parameters, query) => fromVisit.href(parameters, query),
  } satisfies Path<typeof fromVisit.pattern>,
);

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
  fromVisit: callableFromVisit,
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
