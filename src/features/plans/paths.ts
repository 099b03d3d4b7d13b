import { path } from '../../platform/http/path.js';

/** Every path of the plans feature, written once: `.pattern` for the route, `.href()` for a link. */
export const plansPaths = {
  list: path('/children/:childId/plans'),
  new: path('/children/:childId/plans/new'),
  plan: path('/children/:childId/plans/:planId'),
  newGoal: path('/children/:childId/plans/:planId/goals/new'),
  goal: path('/children/:childId/plans/:planId/goals/:goalId'),
  newAction: path('/children/:childId/plans/:planId/actions/new'),
  action: path('/children/:childId/plans/:planId/actions/:actionId'),
  share: path('/children/:childId/plans/:planId/share'),
  details: path('/children/:childId/plans/:planId/details'),
  agree: path('/children/:childId/plans/:planId/agreed'),
  newReview: path('/children/:childId/plans/:planId/reviews/new'),
  family: path('/children/:childId/plans/:planId/family'),
  familyPdf: path('/children/:childId/plans/:planId/family.pdf'),
  forChild: path('/children/:childId/plans/:planId/for-child'),
  agreement: path('/children/:childId/plans/:planId/agreement'),
  /**
   * The meetings feature's page for one meeting, where a plan action came from (written here:
   * meetings imports plans, so plans may not import meetings' paths).
   */
  meeting: path('/children/:childId/meetings/:meetingId'),
  apiList: path('/api/v1/children/:childId/plans'),
  apiPlan: path('/api/v1/children/:childId/plans/:planId'),
} as const;
