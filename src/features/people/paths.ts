import { path } from '../../platform/http/path.js';

const details = path('/children/:childId/details');
const history = path('/children/:childId/history');

export const peoplePaths = {
  /** Change the child's details (a question page). */
  details,
  /** Every version of the child's details. */
  detailsHistory: history,
  /** TRANSITIONAL, for caseload's record page: `details.href({ childId })`. */
  editDetails: (childId: string) => details.href({ childId }),
  /** TRANSITIONAL, for caseload's record page: `detailsHistory.href({ childId })`. */
  history: (childId: string) => history.href({ childId }),
} as const;
