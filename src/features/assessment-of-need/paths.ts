/** Every path of the assessment of need, pages and API, written once (pattern and link). */
import { path } from '../../platform/http/path.js';

const version = '/children/:childId/assessments/:assessmentId/versions/:version' as const;
const apiVersion = '/api/v1/children/:childId/assessments/:assessmentId/versions/:version' as const;

export const assessmentPaths = {
  list: path('/children/:childId/assessments'),
  new: path('/children/:childId/assessments/new'),
  version: path(version),
  section: path(`${version}/sections/:section`),
  submit: path(`${version}/submit`),
  signOff: path(`${version}/sign-off`),
  changes: path(`${version}/changes`),
  newVersion: path('/children/:childId/assessments/:assessmentId/new-version'),
  api: {
    list: path('/api/v1/children/:childId/assessments'),
    version: path(apiVersion),
    versions: path('/api/v1/children/:childId/assessments/:assessmentId/versions'),
    submit: path(`${apiVersion}/submit`),
    signOff: path(`${apiVersion}/sign-off`),
    return: path(`${apiVersion}/return`),
    changes: path(`${apiVersion}/changes`),
  },
} as const;

/** The parameters that name one version of one assessment on a child's record. */
export interface VersionAddress {
  childId: string;
  assessmentId: string;
  versionNumber: number;
}

/** A version's parameters for its paths (the number as the path writes it). */
export const versionParameters = ({ childId, assessmentId, versionNumber }: VersionAddress) => ({
  childId,
  assessmentId,
  version: String(versionNumber),
});
