const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;

export const networkPaths = {
  genogramPattern: '/children/:childId/genogram',
  genogram: (childId: string) => `${child(childId)}/genogram`,
  ecomapSvgPattern: '/children/:childId/ecomap.svg',
  ecomapSvg: (childId: string) => `${child(childId)}/ecomap.svg`,
  genogramSvgPattern: '/children/:childId/genogram.svg',
  genogramSvg: (childId: string) => `${child(childId)}/genogram.svg`,
  addPersonPattern: '/children/:childId/network/people/new',
  addPerson: (childId: string) => `${child(childId)}/network/people/new`,
  addRelationshipPattern: '/children/:childId/network/relationships/new',
  addRelationship: (childId: string) => `${child(childId)}/network/relationships/new`,
  relationshipPattern: '/children/:childId/network/relationships/:relationshipId',
  relationship: (childId: string, relationshipId: string) =>
    `${child(childId)}/network/relationships/${encodeURIComponent(relationshipId)}`,
  noLongerInvolvedPattern: '/children/:childId/network/people/:personId/no-longer-involved',
  noLongerInvolved: (childId: string, personId: string) =>
    `${child(childId)}/network/people/${encodeURIComponent(personId)}/no-longer-involved`,
  personPattern: '/children/:childId/network/people/:personId',
  person: (childId: string, personId: string) => `${child(childId)}/network/people/${encodeURIComponent(personId)}`,
  mergePattern: '/children/:childId/network/people/:personId/merge',
  merge: (childId: string, personId: string) =>
    `${child(childId)}/network/people/${encodeURIComponent(personId)}/merge`,
  api: {
    network: '/api/v1/children/:childId/network',
    people: '/api/v1/children/:childId/network/people',
    relationships: '/api/v1/children/:childId/network/relationships',
    relationship: '/api/v1/children/:childId/network/relationships/:relationshipId',
    position: '/api/v1/children/:childId/network/people/:personId/position',
    possibleMatches: '/api/v1/children/:childId/network/possible-matches',
  },
} as const;
