export const caseloadPaths = {
  caseload: '/caseload',
  child: (childId: string) => `/children/${encodeURIComponent(childId)}`,
  childPattern: '/children/:childId',
  openRestrictedPattern: '/children/:childId/open-restricted',
  openRestricted: (childId: string) => `/children/${encodeURIComponent(childId)}/open-restricted`,
} as const;
