import { path } from '../../platform/http/path.js';
import { platformPaths } from '../../platform/views/paths.js';

/** The start page and the accessibility statement (the page shell links to both, so the platform names them). */
export const startPages = {
  start: path(platformPaths.home),
  accessibility: path(platformPaths.accessibility),
} as const;
