import { defineFeature } from '../../platform/features/feature.js';
import { registerStartRoutes } from './routes.js';

/** The start page and the accessibility statement: public, holding no records, recording nothing. */
export const startFeature = defineFeature({
  name: 'start',
  routes: (app) => {
    registerStartRoutes(app);
  },
});
