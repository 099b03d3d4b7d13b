/**
 * Who is asking, for every request: reads the session cookie, looks the session up, and
 * enforces the route's declared access before any handler runs. Also the CSRF check: every
 * state-changing request that carries a session cookie must carry the session's CSRF token
 * (a form field `_csrf` or an `x-csrf-token` header). Requests with a personal access token
 * carry no cookie, so CSRF does not apply to them.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.js';
import { csrfTokenFor, verifyCsrfToken } from '../auth/tokens.js';
import { isApiRequest } from '../http/errors.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problem.js';
import type { RouteAccess } from '../access/route-access.js';
import { professionalsOnly } from '../access/policy.js';
import type { Actor } from './actor.js';
import { actorForAccessToken, scopesAllow } from './access-tokens.js';
import { hasPermission } from './roles.js';
import {
  lookUpSession,
  parseSessionCookie,
  SESSION_COOKIE,
  type SessionLookup,
  type SessionPolicy,
} from './session-store.js';
import type { SessionEndReason } from './schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Signed in (both factors where needed), or null. */
    actor: Actor | null;
    /** Signed in with a password, second factor still to give. */
    pendingSecondFactor: Actor | null;
    /** Why the session in the cookie is no longer valid, for the sign-in page to explain. */
    sessionEndedReason: SessionEndReason | null;
    /** The CSRF token every form on this page must send back. */
    csrfToken: string | null;
    /** When the session will time out if nothing happens (for the warning in the page). */
    idleExpiresAt: Date | null;
  }
}

export interface IdentityOptions {
  database: Database;
  sessionSecret: string;
  sessionPolicy: SessionPolicy;
  signInPath: string;
  secondFactorPath: string;
  /** Where someone with a temporary password is sent until they choose their own. */
  changePasswordPath: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the request came over TLS (directly or through a trusted proxy).
    secure: request.protocol === 'https',
  };
}

export async function registerIdentity(app: FastifyInstance, options: IdentityOptions): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('pendingSecondFactor', null);
  app.decorateRequest('sessionEndedReason', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('idleExpiresAt', null);

  const sessionTokenHashes = new WeakMap<FastifyRequest, string>();

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    // Integrations call the API with a personal access token and no cookie (so no CSRF).
    const authorization = request.headers.authorization;
    if (authorization !== undefined && isApiRequest(request)) {
      const bearer = /^Bearer (\S+)$/.exec(authorization)?.[1];
      const actor = bearer ? await actorForAccessToken(options.database.orm, bearer) : null;
      if (!actor) {
        return reply
          .status(401)
          .header('www-authenticate', 'Bearer')
          .type(PROBLEM_CONTENT_TYPE)
          .send(
            problem(401, {
              detail: 'The access token is not valid: it may be wrong, revoked or expired.',
              requestId: request.id,
            }),
          );
      }
      request.actor = actor;
      return;
    }
    if (!access || 'public' in access) {
      // Public pages still show who is signed in, but never need to refresh the session.
      if (
        !request.cookies[SESSION_COOKIE] ||
        request.url.startsWith('/assets/') ||
        request.url.startsWith('/health/')
      ) {
        return;
      }
    }
    const parsed = parseSessionCookie(request.cookies[SESSION_COOKIE]);
    if (!parsed) {
      if (request.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return;
    }
    const lookup: SessionLookup = await lookUpSession(options.database.orm, parsed, options.sessionPolicy);
    switch (lookup.state) {
      case 'none':
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
        return;
      case 'ended':
        request.sessionEndedReason = lookup.reason;
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
        return;
      case 'awaiting_second_factor':
        request.pendingSecondFactor = lookup.actor;
        sessionTokenHashes.set(request, lookup.tokenHash);
        request.csrfToken = csrfTokenFor(lookup.tokenHash, options.sessionSecret);
        return;
      case 'active':
        request.actor = lookup.actor;
        request.idleExpiresAt = lookup.idleExpiresAt;
        sessionTokenHashes.set(request, lookup.tokenHash);
        request.csrfToken = csrfTokenFor(lookup.tokenHash, options.sessionSecret);
        request.pageShell = {
          signedIn: { displayName: lookup.actor.fullName },
          council: { name: lookup.actor.councilName },
        };
        return;
    }
  });

  app.addHook('preValidation', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // the not-found handler
    const tokenHash = sessionTokenHashes.get(request);
    // Public forms (signing in) act for no session, so they need no session's token.
    if (!SAFE_METHODS.has(request.method) && tokenHash && !('public' in access)) {
      const body = request.body as Record<string, unknown> | undefined;
      const candidate = (typeof body?._csrf === 'string' ? body._csrf : undefined) ?? request.headers['x-csrf-token'];
      if (!verifyCsrfToken(tokenHash, options.sessionSecret, typeof candidate === 'string' ? candidate : '')) {
        request.log.warn('CSRF token missing or wrong');
        return refuse(request, reply, 403, 'The form could not be sent. Go back, refresh the page and try again.');
      }
    }
    return enforceAccess(access, request, reply, options);
  });
}

async function enforceAccess(
  access: RouteAccess,
  request: FastifyRequest,
  reply: FastifyReply,
  options: IdentityOptions,
): Promise<FastifyReply | undefined> {
  if ('public' in access) return undefined;
  if ('awaitingSecondFactor' in access) {
    if (request.pendingSecondFactor) return undefined;
    return signInRequired(request, reply, options);
  }
  if (!request.actor) {
    if (request.pendingSecondFactor && !isApiRequest(request)) return reply.redirect(options.secondFactorPath, 303);
    return signInRequired(request, reply, options);
  }
  if (request.actor.mustChangePassword && !('signedIn' in access)) {
    if (isApiRequest(request)) return refuse(request, reply, 403, 'Change your temporary password before using Kith.');
    return reply.redirect(options.changePasswordPath, 303);
  }
  const scopes = request.actor.tokenScopes;
  if ('signedIn' in access) {
    // Account pages are for people, not tokens.
    return scopes ? refuse(request, reply, 403, 'Access tokens cannot be used here.') : undefined;
  }
  // A token can never do more than its owner may, and only what its scopes say.
  if (hasPermission(request.actor.roles, access.permission) && (!scopes || scopesAllow(scopes, access.permission))) {
    // Whose pages these are: any child's record this route opens is opened only for the
    // audiences it declares (policy.ts refuses the rest as if the record did not exist).
    request.actor = { ...request.actor, servedAudiences: request.routeOptions.config.audiences ?? professionalsOnly };
    return undefined;
  }
  return refuse(request, reply, 403, 'You do not have permission to do this.');
}

function signInRequired(request: FastifyRequest, reply: FastifyReply, options: IdentityOptions): FastifyReply {
  if (isApiRequest(request)) {
    return reply
      .status(401)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem(401, { detail: 'Sign in, or send a personal access token.', requestId: request.id }));
  }
  const returnTo = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.url)}` : '';
  return reply.redirect(`${options.signInPath}${returnTo}`, 303);
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 403, detail: string): FastifyReply {
  if (isApiRequest(request)) {
    return reply
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(problem(status, { detail, requestId: request.id }));
  }
  return reply.status(status).render('error.njk', { pageTitle: 'You cannot do this', paragraphs: [detail] });
}
