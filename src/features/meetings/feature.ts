import { defineFeature } from '../../platform/features/feature.js';
import { registerMeetingsApi } from './api-routes.js';
import { meetingAuditActions } from './audit-actions.js';
import { meetingPaths } from './paths.js';
import { registerMeetingsPages } from './routes.js';
import { meetingChronologyEvents } from './service.js';

/** Meetings about a child and family group conferences, offers of them, as pages and in the API. */
export const meetingsFeature = defineFeature({
  name: 'meetings',
  recordSections: [{ id: 'meetings', text: 'Meetings', order: 80, path: '/meetings' }],
  routes: (app, context) => {
    registerMeetingsPages(app, context);
    registerMeetingsApi(app, context);
  },
  navigation: [
    {
      text: 'Your conferences',
      href: meetingPaths.conferences.href({}),
      permission: 'conferences.coordinate',
      order: 30,
    },
  ],
  chronology: [{ type: 'meeting', name: 'Meetings', read: meetingChronologyEvents }],
  auditActions: meetingAuditActions,
});
