/**
 * Every route declares who may call it, in its options, next to its handler:
 *
 *   app.get(paths.start, { config: { access: { public: 'the start page' } } }, handler)
 *
 * `buildApp` refuses to start if a route forgets (see `requireAccessDeclaration`), so
 * "default deny" is checked by the framework rather than remembered by each author. The
 * identity issue adds permission-based declarations and a route × role test over this list.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

export type RouteAccess =
  /** Anyone, signed in or not; the string says why this is safe to be public. */
  { public: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export class MissingAccessDeclarationError extends Error {
  constructor(method: string, url: string) {
    super(`Route ${method} ${url} does not declare its access (config.access); every route must.`);
    this.name = 'MissingAccessDeclarationError';
  }
}

/** Adds the hook that refuses undeclared routes, and returns the registry of declared ones. */
export function requireAccessDeclaration(app: FastifyInstance): RegisteredRoute[] {
  const registry: RegisteredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const access = route.config?.access;
    for (const method of methods) {
      if (!access) throw new MissingAccessDeclarationError(method, route.url);
      registry.push({ method, url: route.url, access });
    }
  });
  return registry;
}
