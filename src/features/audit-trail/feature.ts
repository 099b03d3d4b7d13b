import { defineFeature } from '../../platform/features/feature.js';
import { auditTrailPages } from './paths.js';
import { registerAuditTrailRoutes } from './routes.js';

/**
 * Who has seen a child's record, and the audit log's search. What it records (looking at the
 * trail) is the platform's own (`platformAuditActions`); the names it shows come from every
 * feature's, through `context.auditCatalogue`.
 */
export const auditTrailFeature = defineFeature({
  name: 'audit-trail',
  routes: (app, { database, auditCatalogue }) => {
    registerAuditTrailRoutes(app, database, auditCatalogue);
  },
  navigation: [{ text: 'Audit log', href: auditTrailPages.search.href({}), permission: 'audit.search', order: 50 }],
});
