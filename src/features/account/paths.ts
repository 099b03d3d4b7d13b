import { path } from '../../platform/http/path.js';

/** A person's own account: every page and form, written once. */
export const accountPages = {
  account: path('/account'),
  changePassword: path('/account/password'),
  twoFactor: path('/account/two-factor'),
  newAccessToken: path('/account/tokens/new'),
  revokeAccessToken: path('/account/tokens/:tokenId/revoke'),
} as const;

/**
 * TRANSITIONAL (until src/app.ts registers features from their manifests): the plain strings
 * app.ts reads today. The platform's identity layer needs `changePasswordPath` as a string:
 * `accountPages.changePassword.pattern` from index.ts.
 */
export const accountPaths = {
  account: accountPages.account.pattern,
  changePassword: accountPages.changePassword.pattern,
  twoFactor: accountPages.twoFactor.pattern,
  newAccessToken: accountPages.newAccessToken.pattern,
  revokeAccessToken: accountPages.revokeAccessToken.pattern,
} as const;

/** The caller's own account in the JSON API. */
export const accountApiPaths = {
  me: path('/api/v1/me'),
} as const;
