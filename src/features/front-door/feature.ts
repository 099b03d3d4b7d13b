import { defineFeature } from '../../platform/features/feature.js';
import { registerFrontDoorApiRoutes } from './api-routes.js';
import { frontDoorAuditActions } from './audit-actions.js';
import { frontDoorPaths } from './paths.js';
import { registerContactRoutes } from './routes/contacts.js';
import { registerDecisionRoutes } from './routes/decision.js';
import { registerPeopleRoutes } from './routes/people.js';

/** The front door: contacts about children, the people involved, and a decision within one working day. */
export const frontDoorFeature = defineFeature({
  name: 'front-door',
  routes: (app, { database }) => {
    registerContactRoutes(app, database);
    registerPeopleRoutes(app, database);
    registerDecisionRoutes(app, database);
    registerFrontDoorApiRoutes(app, database);
  },
  navigation: [{ text: 'Front door', href: frontDoorPaths.queue.href({}), permission: 'front_door.record', order: 15 }],
  auditActions: frontDoorAuditActions,
});
