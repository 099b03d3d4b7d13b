import { defineFeature } from '../../platform/features/feature.js';
import { startPages } from '../start/index.js';
import { signInAuditActions } from './audit-actions.js';
import { registerSignInRoutes } from './routes.js';

/**
 * Signing in and out. Most of its audit actions are the platform's own (`platformAuditActions`:
 * the identity layer records signing in); the security events it adds are in audit-actions.ts.
 */
export const signInFeature = defineFeature({
  name: 'sign-in',
  routes: (app, { database, sessionPolicy }) => {
    registerSignInRoutes(app, { database, sessionPolicy, homePath: startPages.start.pattern });
  },
  auditActions: signInAuditActions,
});
