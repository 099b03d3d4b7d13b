/** URLs the page shell links to. Features keep their own paths beside their routes. */
export const platformPaths = {
  home: '/',
  accessibility: '/accessibility',
  apiDocs: '/api/docs',
  signIn: '/sign-in',
  twoFactor: '/sign-in/two-factor',
  signOut: '/sign-out',
  keepAlive: '/session/keep-alive',
  auditSearch: '/audit',
  account: '/account',
  changePassword: '/account/password',
  newUser: '/admin/users/new',
  teams: '/admin/teams',
} as const;
