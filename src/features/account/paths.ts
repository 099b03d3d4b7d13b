import { path } from '../../platform/http/path.js';

/** A person's own account: every page and form, written once. */
export const accountPages = {
  account: path('/account'),
  changePassword: path('/account/password'),
  twoFactor: path('/account/two-factor'),
  newAccessToken: path('/account/tokens/new'),
  revokeAccessToken: path('/account/tokens/:tokenId/revoke'),
} as const;

/** The caller's own account in the JSON API. */
export const accountApiPaths = {
  me: path('/api/v1/me'),
  /** The signed-in session's CSRF token, for a page whose session was renewed in another tab. */
  sessionToken: path('/api/v1/session/csrf-token'),
} as const;
