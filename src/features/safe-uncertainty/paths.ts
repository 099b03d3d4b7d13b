const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;

export const safeUncertaintyPaths = {
  pagePattern: '/children/:childId/safe-uncertainty',
  page: (childId: string) => `${child(childId)}/safe-uncertainty`,
  newPositionPattern: '/children/:childId/safe-uncertainty/positions/new',
  newPosition: (childId: string) => `${child(childId)}/safe-uncertainty/positions/new`,
  newQuestionPattern: '/children/:childId/safe-uncertainty/questions/new',
  newQuestion: (childId: string) => `${child(childId)}/safe-uncertainty/questions/new`,
  findingPattern: '/children/:childId/safe-uncertainty/questions/:questionId/finding',
  finding: (childId: string, questionId: string) =>
    `${child(childId)}/safe-uncertainty/questions/${encodeURIComponent(questionId)}/finding`,
  api: {
    all: '/api/v1/children/:childId/safe-uncertainty',
    positions: '/api/v1/children/:childId/safe-uncertainty/positions',
    questions: '/api/v1/children/:childId/safe-uncertainty/questions',
    finding: '/api/v1/children/:childId/safe-uncertainty/questions/:questionId/finding',
  },
} as const;
