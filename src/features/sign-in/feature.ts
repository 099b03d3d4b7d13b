import { defineFeature } from '../../platform/features/feature.js';
import { startPages } from '../start/index.js';
import { registerSignInRoutes } from './routes.js';

/**
 * Signing in and out. Its audit actions are the platform's own (`platformAuditActions`: the
 * identity layer records signing in), so it declares none of its own.
 */
export const signInFeature = defineFeature({
  name: 'sign-in',
  routes: (app, { database, sessionPolicy }) => {
    registerSignInRoutes(app, { database, sessionPolicy, homePath: startPages.start.pattern });
  },
});
