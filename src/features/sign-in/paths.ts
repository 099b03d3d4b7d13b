export const signInPaths = {
  signIn: '/sign-in',
  twoFactor: '/sign-in/two-factor',
  signOut: '/sign-out',
  signOutEverywhere: '/sign-out/everywhere',
  keepAlive: '/session/keep-alive',
} as const;
