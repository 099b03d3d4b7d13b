import { path } from '../../platform/http/path.js';

/** The child's record: its front page (their world) and opening a restricted record with a reason. */
export const childRecordPaths = {
  record: path('/children/:childId'),
  openRestricted: path('/children/:childId/open-restricted'),
} as const;
