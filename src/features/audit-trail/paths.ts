export const auditTrailPaths = {
  whoHasSeenPattern: '/children/:childId/who-has-seen',
  whoHasSeen: (childId: string) => `/children/${encodeURIComponent(childId)}/who-has-seen`,
  search: '/audit',
} as const;
