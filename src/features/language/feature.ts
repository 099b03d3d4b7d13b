import { defineFeature } from '../../platform/features/feature.js';
import { registerLanguageApiRoutes } from './api-routes.js';
import { languageAuditActions } from './audit-actions.js';
import { languageAdminPaths, languagePaths } from './paths.js';
import { registerLanguageRoutes } from './routes.js';

/** The language companion: the check (API), the glossary page, and each council's own words. */
export const languageFeature = defineFeature({
  name: 'language',
  routes: (app, { database }) => {
    registerLanguageApiRoutes(app, database);
    registerLanguageRoutes(app, database);
  },
  navigation: [
    { text: 'Words that help', href: languagePaths.glossary.href({}), permission: 'account.read_own', order: 60 },
    { text: 'Companion words', href: languageAdminPaths.list.href({}), permission: 'users.manage', order: 80 },
  ],
  auditActions: languageAuditActions,
});
