const child = (childId: string) => `/children/${encodeURIComponent(childId)}`;

export const voicePaths = {
  visitsPattern: '/children/:childId/visits',
  visits: (childId: string) => `${child(childId)}/visits`,
  newVisitPattern: '/children/:childId/visits/new',
  newVisit: (childId: string) => `${child(childId)}/visits/new`,
  visitPattern: '/children/:childId/visits/:visitId',
  visit: (childId: string, visitId: string) => `${child(childId)}/visits/${encodeURIComponent(visitId)}`,
  correctVisitPattern: '/children/:childId/visits/:visitId/correct',
  correctVisit: (childId: string, visitId: string) => `${child(childId)}/visits/${encodeURIComponent(visitId)}/correct`,
  ownWordsPattern: '/children/:childId/own-words',
  ownWords: (childId: string) => `${child(childId)}/own-words`,
  newWordsPattern: '/children/:childId/own-words/new',
  newWords: (childId: string) => `${child(childId)}/own-words/new`,
  newDirectWorkPattern: '/children/:childId/direct-work/new/:tool',
  newDirectWork: (childId: string, tool: string) => `${child(childId)}/direct-work/new/${encodeURIComponent(tool)}`,
  directWorkPattern: '/children/:childId/direct-work/:workId',
  directWork: (childId: string, workId: string) => `${child(childId)}/direct-work/${encodeURIComponent(workId)}`,
  chronologyPattern: '/children/:childId/chronology',
  chronology: (childId: string) => `${child(childId)}/chronology`,
  newChronologyEntryPattern: '/children/:childId/chronology/new',
  newChronologyEntry: (childId: string) => `${child(childId)}/chronology/new`,
  attachmentPattern: '/children/:childId/attachments/:attachmentId',
  attachment: (childId: string, attachmentId: string) =>
    `${child(childId)}/attachments/${encodeURIComponent(attachmentId)}`,
  takingPartPattern: '/children/:childId/taking-part',
  takingPart: (childId: string) => `${child(childId)}/taking-part`,
  api: {
    draftPattern: '/api/v1/children/:childId/drafts/:formKey',
    draft: (childId: string, formKey: string) =>
      `/api/v1/children/${encodeURIComponent(childId)}/drafts/${encodeURIComponent(formKey)}`,
    attachments: (childId: string) => `/api/v1/children/${encodeURIComponent(childId)}/attachments`,
    attachmentsPattern: '/api/v1/children/:childId/attachments',
    visitLinesPattern: '/api/v1/children/:childId/visits/:visitId/lines',
  },
} as const;
