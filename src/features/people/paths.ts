export const peoplePaths = {
  editDetailsPattern: '/children/:childId/details',
  editDetails: (childId: string) => `/children/${encodeURIComponent(childId)}/details`,
  historyPattern: '/children/:childId/history',
  history: (childId: string) => `/children/${encodeURIComponent(childId)}/history`,
} as const;
