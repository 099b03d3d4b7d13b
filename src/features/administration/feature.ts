import { defineFeature } from '../../platform/features/feature.js';
import { administrationAuditActions } from './audit-actions.js';
import { administrationPages } from './paths.js';
import { registerAdministrationRoutes } from './routes.js';
import { registerSettingsRoutes } from './settings-routes.js';

/** Council administration: accounts, roles, teams, ending sessions, disabling accounts. */
export const administrationFeature = defineFeature({
  name: 'administration',
  routes: (app, { database }) => {
    registerAdministrationRoutes(app, database);
    registerSettingsRoutes(app, database);
  },
  navigation: [
    { text: 'Accounts', href: administrationPages.users.href({}), permission: 'users.manage', order: 70 },
    { text: 'Council settings', href: administrationPages.settings.href({}), permission: 'users.manage', order: 72 },
  ],
  auditActions: administrationAuditActions,
});
