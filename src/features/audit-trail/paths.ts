import { path } from '../../platform/http/path.js';

/** Who has seen a child's record, and the whole audit log's search. */
export const auditTrailPages = {
  whoHasSeen: path('/children/:childId/who-has-seen'),
  search: path('/audit'),
} as const;

/**
 * TRANSITIONAL (until src/app.ts takes the navigation from feature.ts): the strings app.ts reads today.
 */
export const auditTrailPaths = {
  search: auditTrailPages.search.pattern,
} as const;
