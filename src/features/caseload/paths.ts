import { path } from '../../platform/http/path.js';

export const caseloadPaths = {
  caseload: path('/caseload'),
} as const;
