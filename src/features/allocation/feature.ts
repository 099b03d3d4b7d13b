import { defineFeature } from '../../platform/features/feature.js';
import { registerAllocationApiRoutes } from './api-routes.js';
import { allocationAuditActions } from './audit-actions.js';
import { registerAllocationRoutes } from './routes.js';

/** Allocation: who holds a child's record, transfers with a handover note, and the history. */
export const allocationFeature = defineFeature({
  name: 'allocation',
  routes: (app, { database }) => {
    registerAllocationRoutes(app, database);
    registerAllocationApiRoutes(app, database);
  },
  recordSections: [{ id: 'allocation', text: 'Who works with them', order: 95, path: '/allocation' }],
  auditActions: allocationAuditActions,
});
