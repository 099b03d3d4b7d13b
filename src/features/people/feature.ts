import { defineFeature } from '../../platform/features/feature.js';
import { peopleAuditActions } from './audit-actions.js';
import { registerPeopleRoutes } from './routes.js';

/** People: a child's details, changed with a reason and kept as versions, and their history. */
export const peopleFeature = defineFeature({
  name: 'people',
  routes: (app, context) => {
    registerPeopleRoutes(app, context.database);
  },
  auditActions: peopleAuditActions,
});
