import { defineFeature } from '../../platform/features/feature.js';
import { registerPlanApiRoutes } from './api-routes.js';
import { planAuditActions } from './audit-actions.js';
import { registerPlanRoutes } from './routes.js';
import { planChronologyEvents } from './service.js';

/** Plans made with the family: their pages and API, their chronology events and audit actions. */
export const plansFeature = defineFeature({
  name: 'plans',
  recordSections: [{ id: 'plans', text: 'Plans', order: 70, path: '/plans' }],
  routes: (app, context) => {
    registerPlanRoutes(app, context);
    registerPlanApiRoutes(app, context);
  },
  chronology: [{ type: 'plan', name: 'Plans and reviews', read: planChronologyEvents }],
  auditActions: planAuditActions,
});
