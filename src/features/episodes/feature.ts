import { defineFeature } from '../../platform/features/feature.js';
import { registerEpisodesApiRoutes } from './api-routes.js';
import { episodesAuditActions } from './audit-actions.js';
import { registerEpisodesRoutes } from './routes/pages.js';
import { episodesChronologyEvents } from './service.js';

/** Episodes: referrals and assessments, episodes of help, child protection, and closing the case. */
export const episodesFeature = defineFeature({
  name: 'episodes',
  recordSections: [{ id: 'episodes', text: 'Help and protection', order: 85, path: '/episodes' }],
  routes: (app, { database }) => {
    registerEpisodesRoutes(app, database);
    registerEpisodesApiRoutes(app, database);
  },
  chronology: [{ type: 'episodes', name: 'Help and protection', read: episodesChronologyEvents }],
  auditActions: episodesAuditActions,
});
