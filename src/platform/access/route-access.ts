/**
 * Every route declares who may call it, in its options, next to its handler:
 *
 *   app.get(paths.start, { config: { access: { public: 'the start page' } } }, handler)
 *   app.get(paths.caseload, { config: { access: { permission: 'caseload.view' } } }, handler)
 *
 * `buildApp` refuses to start if a route forgets (see `requireAccessDeclaration`), so
 * "default deny" is checked by the framework rather than remembered by each author, and the
 * route × role test walks the registry this returns. Whether someone may act on a particular
 * child's record is decided again inside the handler by the access policy (policy.ts).
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { AuditAction } from '../audit/catalogue.js';
import type { Permission } from '../identity/roles.js';
import { professionalsOnly, type RecordAudience } from './policy.js';

export type RouteAccess =
  /** Anyone, signed in or not; the string says why this is safe to be public. */
  | { public: string }
  /** Anyone signed in (their own account pages). */
  | { signedIn: true }
  /** Someone who has given their password but not yet their second factor. */
  | { awaitingSecondFactor: true }
  /** Someone signed in whose roles grant this permission. */
  | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /**
     * The audit action the route records, declared beside its access: every route that shows or
     * changes anything of a child's record (`/children/:childId…`, `/api/v1/children/:childId…`)
     * names it, and the route walk checks it.
     */
    audit?: AuditAction;
    /**
     * Who the page or answer is made for. Default: professionals only. A family member or a
     * young person opens a child's record only through a route made for them (the family's and
     * the child's versions); anywhere else the record looks as if it did not exist.
     */
    audiences?: readonly RecordAudience[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  audit: AuditAction | null;
  audiences: readonly RecordAudience[];
}

export class MissingAccessDeclarationError extends Error {
  constructor(method: string, url: string) {
    super(`Route ${method} ${url} does not declare its access (config.access); every route must.`);
    this.name = 'MissingAccessDeclarationError';
  }
}

export class MissingAuditDeclarationError extends Error {
  constructor(method: string, url: string) {
    super(
      `Route ${method} ${url} opens a child's record but does not declare its audit action (config.audit); every such route must.`,
    );
    this.name = 'MissingAuditDeclarationError';
  }
}

/** A route that shows or changes something of one child's record, by its URL. */
export const opensAChildsRecord = (url: string): boolean => /^\/(api\/v1\/)?children\/:childId(\/|$)/.test(url);

/**
 * Adds the hook that refuses undeclared routes (no access, or a child's record route with no
 * audit action), and returns the registry of declared ones.
 */
export function requireAccessDeclaration(app: FastifyInstance): RegisteredRoute[] {
  const registry: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access;
    for (const method of methods) {
      if (!access) throw new MissingAccessDeclarationError(method, route.url);
      if (opensAChildsRecord(route.url) && !route.config?.audit)
        throw new MissingAuditDeclarationError(method, route.url);
      registry.push({
        method,
        url: route.url,
        access,
        audit: route.config?.audit ?? null,
        audiences: route.config?.audiences ?? professionalsOnly,
      });
    }
  });
  return registry;
}
