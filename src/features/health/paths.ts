export const healthPaths = {
  live: '/health/live',
  ready: '/health/ready',
} as const;
