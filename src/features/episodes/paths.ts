import { path } from '../../platform/http/path.js';

/** Episodes' pages and API, each written once: `.pattern` to register, `.href()` to link. */
export const episodesPaths = {
  page: path('/children/:childId/episodes'),
  newReferral: path('/children/:childId/episodes/referrals/new'),
  outcome: path('/children/:childId/episodes/referrals/:referralId/outcome'),
  newEpisode: path('/children/:childId/episodes/new'),
  endEpisode: path('/children/:childId/episodes/:episodeId/end'),
  newStep: path('/children/:childId/episodes/child-protection/new'),
  close: path('/children/:childId/episodes/close'),
  api: {
    all: path('/api/v1/children/:childId/episodes'),
    episodes: path('/api/v1/children/:childId/episodes/episodes'),
    end: path('/api/v1/children/:childId/episodes/episodes/:episodeId/end'),
    referrals: path('/api/v1/children/:childId/episodes/referrals'),
    outcome: path('/api/v1/children/:childId/episodes/referrals/:referralId/outcome'),
    steps: path('/api/v1/children/:childId/episodes/child-protection'),
    closure: path('/api/v1/children/:childId/episodes/closure'),
  },
} as const;
