import { platformPaths } from '../../platform/views/paths.js';

export const startPaths = {
  start: platformPaths.home,
  accessibility: platformPaths.accessibility,
} as const;
