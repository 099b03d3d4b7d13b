import { defineFeature } from '../../platform/features/feature.js';
import { registerVoiceApiRoutes } from './api-routes.js';
import { voiceAuditActions } from './audit-actions.js';
import { voicePaths } from './paths.js';
import { registerVoicePages } from './routes.js';

/**
 * Visits, the child's own words, direct work, drafts, uploads, the chronology and search. Voice's
 * own chronology events (visits, direct work, entries recorded by hand) are built into its
 * chronology page, which also reads every source in `context.chronology`.
 */
export const voiceFeature = defineFeature({
  name: 'voice',
  routes: (app, context) => {
    registerVoicePages(app, context);
    registerVoiceApiRoutes(app, context.database);
  },
  navigation: [{ text: 'Search', href: voicePaths.caseloadSearch.href({}), permission: 'caseload.view', order: 20 }],
  auditActions: voiceAuditActions,
});
