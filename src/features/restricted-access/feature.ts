import { defineFeature } from '../../platform/features/feature.js';
import { restrictedAccessAuditActions } from './audit-actions.js';
import { restrictedAccessPages } from './paths.js';
import { registerRestrictedAccessRoutes } from './routes.js';

/** A team manager reviews every opening of a restricted record of their teams' children. */
export const restrictedAccessFeature = defineFeature({
  name: 'restricted-access',
  routes: (app, { database, auditCatalogue }) => {
    registerRestrictedAccessRoutes(app, database, auditCatalogue);
  },
  navigation: [
    {
      text: 'Restricted records opened',
      href: restrictedAccessPages.reviews.href({}),
      permission: 'restricted_access.review',
      order: 40,
    },
  ],
  auditActions: restrictedAccessAuditActions,
});
