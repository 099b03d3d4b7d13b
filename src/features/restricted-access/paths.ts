export const restrictedAccessPaths = {
  reviews: '/restricted-access',
  reviewPattern: '/restricted-access/:grantId/review',
  review: (grantId: string) => `/restricted-access/${encodeURIComponent(grantId)}/review`,
} as const;
