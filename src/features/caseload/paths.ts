export const caseloadPaths = {
  caseload: '/caseload',
  child: (childId: string) => `/children/${encodeURIComponent(childId)}`,
  childPattern: '/children/:childId',
} as const;
