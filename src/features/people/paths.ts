import { path } from '../../platform/http/path.js';

const details = path('/children/:childId/details');
const history = path('/children/:childId/history');

export const peoplePaths = {
  /** Change the child's details (a question page). */
  details,
  /** Every version of the child's details. */
  detailsHistory: history,
} as const;
