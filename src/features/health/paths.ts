import { path } from '../../platform/http/path.js';

export const healthPaths = {
  live: path('/health/live'),
  ready: path('/health/ready'),
} as const;
