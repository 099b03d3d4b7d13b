import { defineFeature } from '../../platform/features/feature.js';
import { registerNetworkApiRoutes } from './api-routes.js';
import { networkAuditActions } from './audit-actions.js';
import { registerNetworkRoutes } from './routes.js';

/** The child's world: people, relationships, the ecomap and the genogram, as pages and in the API. */
export const networkFeature = defineFeature({
  name: 'network',
  routes: (app, context) => {
    registerNetworkApiRoutes(app, context.database);
    registerNetworkRoutes(app, context.database);
  },
  auditActions: networkAuditActions,
});
