export const apiPaths = {
  prefix: '/api/v1',
  docs: '/api/docs',
  docsJson: '/api/docs/json',
} as const;
