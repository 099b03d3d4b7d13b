import { defineFeature } from '../../platform/features/feature.js';
import { registerAssessmentOfNeedApiRoutes } from './api-routes.js';
import { assessmentAuditActions } from './audit-actions.js';
import { registerAssessmentOfNeedRoutes } from './routes.js';
import { assessmentChronologyEvents } from './service.js';

/** The holistic assessment of need: its pages, its API, and signed-off versions in the chronology. */
export const assessmentOfNeedFeature = defineFeature({
  name: 'assessment-of-need',
  recordSections: [{ id: 'assessments', text: 'Assessment of need', order: 60, path: '/assessments' }],
  routes: (app, { database }) => {
    registerAssessmentOfNeedRoutes(app, database);
    registerAssessmentOfNeedApiRoutes(app, database);
  },
  chronology: [{ type: 'assessment', name: 'Assessments of need', read: assessmentChronologyEvents }],
  auditActions: assessmentAuditActions,
});
