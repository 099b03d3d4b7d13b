import { defineFeature } from '../../platform/features/feature.js';
import { registerTimescalesApiRoutes } from './api-routes.js';
import { timescalesAuditActions } from './audit-actions.js';
import { timescalesPaths } from './paths.js';
import { registerTimescalesRoutes } from './routes.js';

/** Statutory timescales: the council's policy for visits and reviews, and its closure days. */
export const timescalesFeature = defineFeature({
  name: 'timescales',
  routes: (app, { database }) => {
    registerTimescalesRoutes(app, database);
    registerTimescalesApiRoutes(app, database);
  },
  navigation: [{ text: 'Timescales', href: timescalesPaths.page.href({}), permission: 'timescales.manage', order: 74 }],
  auditActions: timescalesAuditActions,
});
