const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;
const version = (childId: string, assessmentId: string, versionNumber: number) =>
  `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}/versions/${versionNumber}`;

export const assessmentPaths = {
  listPattern: '/children/:childId/assessments',
  list: (childId: string) => `${child(childId)}/assessments`,
  newPattern: '/children/:childId/assessments/new',
  new: (childId: string) => `${child(childId)}/assessments/new`,
  versionPattern: '/children/:childId/assessments/:assessmentId/versions/:version',
  version,
  sectionPattern: '/children/:childId/assessments/:assessmentId/versions/:version/sections/:section',
  section: (childId: string, assessmentId: string, versionNumber: number, section: string) =>
    `${version(childId, assessmentId, versionNumber)}/sections/${encodeURIComponent(section)}`,
  submitPattern: '/children/:childId/assessments/:assessmentId/versions/:version/submit',
  submit: (childId: string, assessmentId: string, versionNumber: number) =>
    `${version(childId, assessmentId, versionNumber)}/submit`,
  signOffPattern: '/children/:childId/assessments/:assessmentId/versions/:version/sign-off',
  signOff: (childId: string, assessmentId: string, versionNumber: number) =>
    `${version(childId, assessmentId, versionNumber)}/sign-off`,
  changesPattern: '/children/:childId/assessments/:assessmentId/versions/:version/changes',
  changes: (childId: string, assessmentId: string, versionNumber: number) =>
    `${version(childId, assessmentId, versionNumber)}/changes`,
  newVersionPattern: '/children/:childId/assessments/:assessmentId/new-version',
  newVersion: (childId: string, assessmentId: string) =>
    `${child(childId)}/assessments/${encodeURIComponent(assessmentId)}/new-version`,
  api: {
    list: '/api/v1/children/:childId/assessments',
    version: '/api/v1/children/:childId/assessments/:assessmentId/versions/:version',
    versions: '/api/v1/children/:childId/assessments/:assessmentId/versions',
    submit: '/api/v1/children/:childId/assessments/:assessmentId/versions/:version/submit',
    signOff: '/api/v1/children/:childId/assessments/:assessmentId/versions/:version/sign-off',
    return: '/api/v1/children/:childId/assessments/:assessmentId/versions/:version/return',
    changes: '/api/v1/children/:childId/assessments/:assessmentId/versions/:version/changes',
  },
} as const;
