import { path } from '../../platform/http/path.js';

/** Who has seen a child's record, and the whole audit log's search. */
export const auditTrailPages = {
  whoHasSeen: path('/children/:childId/who-has-seen'),
  search: path('/audit'),
} as const;
