import { path } from '../../platform/http/path.js';

/** A team manager's list of restricted records opened, and marking one opening as reviewed. */
export const restrictedAccessPages = {
  reviews: path('/restricted-access'),
  review: path('/restricted-access/:grantId/review'),
} as const;
