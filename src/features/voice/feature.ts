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
  recordSections: [
    { id: 'own-words', text: 'In my own words', order: 20, path: '/own-words' },
    { id: 'visits', text: 'Visits', order: 30, path: '/visits' },
    { id: 'chronology', text: 'Chronology', order: 90, path: '/chronology' },
  ],
  routes: (app, context) => {
    registerVoicePages(app, context);
    registerVoiceApiRoutes(app, context.database);
  },
  navigation: [{ text: 'Search', href: voicePaths.caseloadSearch.href({}), permission: 'caseload.view', order: 20 }],
  auditActions: voiceAuditActions,
});
