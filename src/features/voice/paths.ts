/** Every path of visits, the child's words, direct work, the chronology, uploads and search, written once. */
import { path } from '../../platform/http/path.js';

export const voicePaths = {
  visits: path('/children/:childId/visits'),
  newVisit: path('/children/:childId/visits/new'),
  visit: path('/children/:childId/visits/:visitId'),
  correctVisit: path('/children/:childId/visits/:visitId/correct'),
  ownWords: path('/children/:childId/own-words'),
  newWords: path('/children/:childId/own-words/new'),
  takingPart: path('/children/:childId/taking-part'),
  newDirectWork: path('/children/:childId/direct-work/new/:tool'),
  directWork: path('/children/:childId/direct-work/:workId'),
  chronology: path('/children/:childId/chronology'),
  newChronologyEntry: path('/children/:childId/chronology/new'),
  attachment: path('/children/:childId/attachments/:attachmentId'),
  childSearch: path('/children/:childId/search'),
  caseloadSearch: path('/search'),
  api: {
    draft: path('/api/v1/children/:childId/drafts/:formKey'),
    attachments: path('/api/v1/children/:childId/attachments'),
    visitLines: path('/api/v1/children/:childId/visits/:visitId/lines'),
  },
} as const;
