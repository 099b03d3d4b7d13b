import { path } from '../../platform/http/path.js';

/** Signing in and out, written once. */
export const signInPages = {
  signIn: path('/sign-in'),
  twoFactor: path('/sign-in/two-factor'),
  signOut: path('/sign-out'),
  signOutEverywhere: path('/sign-out/everywhere'),
  keepAlive: path('/session/keep-alive'),
} as const;

/**
 * What the platform's identity layer (`registerIdentity`) needs, as plain strings: where to send
 * someone who must sign in, and someone who has yet to give their second factor.
 */
export const identityPaths = {
  signInPath: signInPages.signIn.pattern,
  secondFactorPath: signInPages.twoFactor.pattern,
} as const;
