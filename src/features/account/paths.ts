export const accountPaths = {
  account: '/account',
  changePassword: '/account/password',
  twoFactor: '/account/two-factor',
  newAccessToken: '/account/tokens/new',
  revokeAccessToken: '/account/tokens/:tokenId/revoke',
} as const;

export const revokeAccessTokenPath = (tokenId: string) =>
  accountPaths.revokeAccessToken.replace(':tokenId', encodeURIComponent(tokenId));
