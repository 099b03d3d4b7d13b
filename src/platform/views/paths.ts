/** URLs the page shell links to. Features keep their own paths beside their routes. */
export const platformPaths = {
  home: '/',
  accessibility: '/accessibility',
  apiDocs: '/api/docs',
} as const;
