import { defineFeature } from '../../platform/features/feature.js';
import { registerMappingApiRoutes } from './api-routes.js';
import { mappingAuditActions } from './audit-actions.js';
import { registerMappingRoutes } from './routes.js';
import { mappingChronologyEvents } from './service.js';

/** Mapping with the family (worries, what is working well, what needs to happen) and scaling. */
export const mappingFeature = defineFeature({
  name: 'mapping',
  recordSections: [{ id: 'mapping', text: 'Worries and strengths', order: 40, path: '/mapping' }],
  routes: (app, { database }) => {
    registerMappingApiRoutes(app, database);
    registerMappingRoutes(app, database);
  },
  chronology: [{ type: 'mapping', name: 'Mappings', read: mappingChronologyEvents }],
  auditActions: mappingAuditActions,
});
