import { defineFeature } from '../../platform/features/feature.js';
import { registerSafeUncertaintyApiRoutes } from './api-routes.js';
import { safeUncertaintyAuditActions } from './audit-actions.js';
import { registerSafeUncertaintyRoutes } from './routes.js';
import { safeUncertaintyChronologyEvents } from './service.js';

/** Safe uncertainty: where the work stands on the grid over time, and what we do not know yet. */
export const safeUncertaintyFeature = defineFeature({
  name: 'safe-uncertainty',
  recordSections: [{ id: 'safe-uncertainty', text: 'Safe uncertainty', order: 50, path: '/safe-uncertainty' }],
  routes: (app, { database }) => {
    registerSafeUncertaintyRoutes(app, database);
    registerSafeUncertaintyApiRoutes(app, database);
  },
  chronology: [{ type: 'safe_uncertainty', name: 'Safe uncertainty', read: safeUncertaintyChronologyEvents }],
  auditActions: safeUncertaintyAuditActions,
});
