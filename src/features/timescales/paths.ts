import { path } from '../../platform/http/path.js';

/** The council's timescale policy: its page, its changes and the API, written once. */
export const timescalesPaths = {
  page: path('/admin/timescales'),
  change: path('/admin/timescales/change'),
  addClosureDay: path('/admin/timescales/closure-days/new'),
  removeClosureDay: path('/admin/timescales/closure-days/:date/remove'),
  api: {
    policy: path('/api/v1/timescales'),
    closureDays: path('/api/v1/timescales/closure-days'),
    closureDay: path('/api/v1/timescales/closure-days/:date'),
  },
} as const;
