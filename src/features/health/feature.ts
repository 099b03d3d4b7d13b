import { defineFeature } from '../../platform/features/feature.js';
import { registerHealthRoutes } from './routes.js';

/** Liveness and readiness probes for load balancers: public, and they record nothing. */
export const healthFeature = defineFeature({
  name: 'health',
  routes: (app, { database }) => {
    registerHealthRoutes(app, database);
  },
});
