import { path } from '../../platform/http/path.js';

/** A team manager's list of restricted records opened, and marking one opening as reviewed. */
export const restrictedAccessPages = {
  reviews: path('/restricted-access'),
  review: path('/restricted-access/:grantId/review'),
} as const;

/**
 * TRANSITIONAL (until src/app.ts takes the navigation from feature.ts): the strings app.ts reads today.
 */
export const restrictedAccessPaths = {
  reviews: restrictedAccessPages.reviews.pattern,
} as const;
