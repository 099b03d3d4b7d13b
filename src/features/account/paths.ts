export const accountPaths = {
  changePassword: '/account/password',
} as const;
