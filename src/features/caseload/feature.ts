import { defineFeature } from '../../platform/features/feature.js';
import { registerCaseloadApiRoutes } from './api-routes.js';
import { caseloadPaths } from './paths.js';
import { registerCaseloadRoutes } from './routes.js';

/**
 * The children someone works with, and a child's record front page. It records only the
 * platform's `child_record.view` and the child-record feature's `child_record.restricted_opened`,
 * so it declares no audit actions of its own.
 */
export const caseloadFeature = defineFeature({
  name: 'caseload',
  recordSections: [{ id: 'network', text: 'Their world', order: 10, path: '' }],
  routes: (app, { database }) => {
    registerCaseloadRoutes(app, database);
    registerCaseloadApiRoutes(app, database);
  },
  navigation: [
    {
      text: 'Children you work with',
      href: caseloadPaths.caseload.href({}),
      permission: 'caseload.view',
      order: 10,
    },
  ],
});
