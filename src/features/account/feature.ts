import { defineFeature } from '../../platform/features/feature.js';
import { registerAccountApiRoutes } from './api-routes.js';
import { accountAuditActions } from './audit-actions.js';
import { registerAccountRoutes } from './routes.js';

/** A person's own account: password, two-factor sign-in, access tokens, and who they are in the API. */
export const accountFeature = defineFeature({
  name: 'account',
  routes: (app, { database }) => {
    registerAccountRoutes(app, database);
    registerAccountApiRoutes(app);
  },
  auditActions: accountAuditActions,
});
