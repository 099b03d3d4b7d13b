const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;
const mapping = (childId: string, mappingId: string) => `${child(childId)}/mapping/${encodeURIComponent(mappingId)}`;

export const mappingPaths = {
  sectionPattern: '/children/:childId/mapping',
  section: (childId: string) => `${child(childId)}/mapping`,
  newMappingPattern: '/children/:childId/mapping/new',
  newMapping: (childId: string) => `${child(childId)}/mapping/new`,
  comparePattern: '/children/:childId/mapping/compare',
  compare: (childId: string, earlierId: string, laterId: string) =>
    `${child(childId)}/mapping/compare?earlier=${encodeURIComponent(earlierId)}&later=${encodeURIComponent(laterId)}`,
  mappingPattern: '/children/:childId/mapping/:mappingId',
  mapping,
  newEntryPattern: '/children/:childId/mapping/:mappingId/entries/new',
  newEntry: (childId: string, mappingId: string, section: string) =>
    `${mapping(childId, mappingId)}/entries/new?section=${encodeURIComponent(section)}`,
  entryPattern: '/children/:childId/mapping/:mappingId/entries/:entryId',
  entry: (childId: string, mappingId: string, entryId: string) =>
    `${mapping(childId, mappingId)}/entries/${encodeURIComponent(entryId)}`,
  entryHistoryPattern: '/children/:childId/mapping/:mappingId/entries/:entryId/history',
  entryHistory: (childId: string, mappingId: string, entryId: string) =>
    `${mapping(childId, mappingId)}/entries/${encodeURIComponent(entryId)}/history`,
  fromVisitPattern: '/children/:childId/mapping/from-visit/:visitId',
  fromVisit: (childId: string, visitId: string) =>
    `${child(childId)}/mapping/from-visit/${encodeURIComponent(visitId)}`,
  newScorePattern: '/children/:childId/mapping/:mappingId/scores/new',
  newScore: (childId: string, mappingId: string) => `${mapping(childId, mappingId)}/scores/new`,
  api: {
    mappings: '/api/v1/children/:childId/mappings',
    mapping: '/api/v1/children/:childId/mappings/:mappingId',
    entries: '/api/v1/children/:childId/mappings/:mappingId/entries',
    entry: '/api/v1/children/:childId/mappings/:mappingId/entries/:entryId',
    scores: '/api/v1/children/:childId/mappings/:mappingId/scores',
    scaling: '/api/v1/children/:childId/scaling',
  },
} as const;
