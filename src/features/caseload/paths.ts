import { path } from '../../platform/http/path.js';

export const caseloadPaths = {
  caseload: path('/caseload'),
  /** The caseload in the JSON API, and one child's summary there. */
  apiChildren: path('/api/v1/children'),
  apiChild: path('/api/v1/children/:childId'),
} as const;
