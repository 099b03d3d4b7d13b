import { path } from '../../platform/http/path.js';

/** Safe uncertainty's pages and API, each written once: `.pattern` to register, `.href()` to link. */
export const safeUncertaintyPaths = {
  page: path('/children/:childId/safe-uncertainty'),
  newPosition: path('/children/:childId/safe-uncertainty/positions/new'),
  newQuestion: path('/children/:childId/safe-uncertainty/questions/new'),
  finding: path('/children/:childId/safe-uncertainty/questions/:questionId/finding'),
  api: {
    all: path('/api/v1/children/:childId/safe-uncertainty'),
    positions: path('/api/v1/children/:childId/safe-uncertainty/positions'),
    questions: path('/api/v1/children/:childId/safe-uncertainty/questions'),
    finding: path('/api/v1/children/:childId/safe-uncertainty/questions/:questionId/finding'),
  },
} as const;
