import { path } from '../../platform/http/path.js';

export const networkPaths = {
  genogram: path('/children/:childId/genogram'),
  ecomapSvg: path('/children/:childId/ecomap.svg'),
  genogramSvg: path('/children/:childId/genogram.svg'),
  addPerson: path('/children/:childId/network/people/new'),
  addRelationship: path('/children/:childId/network/relationships/new'),
  relationship: path('/children/:childId/network/relationships/:relationshipId'),
  noLongerInvolved: path('/children/:childId/network/people/:personId/no-longer-involved'),
  person: path('/children/:childId/network/people/:personId'),
  merge: path('/children/:childId/network/people/:personId/merge'),
  api: {
    network: path('/api/v1/children/:childId/network'),
    people: path('/api/v1/children/:childId/network/people'),
    relationships: path('/api/v1/children/:childId/network/relationships'),
    relationship: path('/api/v1/children/:childId/network/relationships/:relationshipId'),
    position: path('/api/v1/children/:childId/network/people/:personId/position'),
    possibleMatches: path('/api/v1/children/:childId/network/possible-matches'),
  },
} as const;
