const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;
const plan = (childId: string, planId: string) => `${child(childId)}/plans/${encodeURIComponent(planId)}`;

export const plansPaths = {
  listPattern: '/children/:childId/plans',
  list: (childId: string) => `${child(childId)}/plans`,
  newPattern: '/children/:childId/plans/new',
  new: (childId: string) => `${child(childId)}/plans/new`,
  planPattern: '/children/:childId/plans/:planId',
  plan,
  newGoalPattern: '/children/:childId/plans/:planId/goals/new',
  newGoal: (childId: string, planId: string) => `${plan(childId, planId)}/goals/new`,
  goalPattern: '/children/:childId/plans/:planId/goals/:goalId',
  goal: (childId: string, planId: string, goalId: string) =>
    `${plan(childId, planId)}/goals/${encodeURIComponent(goalId)}`,
  newActionPattern: '/children/:childId/plans/:planId/actions/new',
  newAction: (childId: string, planId: string) => `${plan(childId, planId)}/actions/new`,
  actionPattern: '/children/:childId/plans/:planId/actions/:actionId',
  action: (childId: string, planId: string, actionId: string) =>
    `${plan(childId, planId)}/actions/${encodeURIComponent(actionId)}`,
  sharePattern: '/children/:childId/plans/:planId/share',
  share: (childId: string, planId: string) => `${plan(childId, planId)}/share`,
  detailsPattern: '/children/:childId/plans/:planId/details',
  details: (childId: string, planId: string) => `${plan(childId, planId)}/details`,
  agreePattern: '/children/:childId/plans/:planId/agreed',
  agree: (childId: string, planId: string) => `${plan(childId, planId)}/agreed`,
  newReviewPattern: '/children/:childId/plans/:planId/reviews/new',
  newReview: (childId: string, planId: string) => `${plan(childId, planId)}/reviews/new`,
  familyPattern: '/children/:childId/plans/:planId/family',
  family: (childId: string, planId: string) => `${plan(childId, planId)}/family`,
  familyPdfPattern: '/children/:childId/plans/:planId/family.pdf',
  familyPdf: (childId: string, planId: string) => `${plan(childId, planId)}/family.pdf`,
  forChildPattern: '/children/:childId/plans/:planId/for-child',
  forChild: (childId: string, planId: string) => `${plan(childId, planId)}/for-child`,
  agreementPattern: '/children/:childId/plans/:planId/agreement',
  agreement: (childId: string, planId: string) => `${plan(childId, planId)}/agreement`,
  apiListPattern: '/api/v1/children/:childId/plans',
  apiPlanPattern: '/api/v1/children/:childId/plans/:planId',
} as const;
