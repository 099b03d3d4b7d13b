/**
 * Belt and braces for the shared text rule (text.ts): after a JSON API route's schema has
 * checked its input, and before its handler runs, any string still holding a NUL or a lone
 * surrogate, anywhere in the body, query or parameters (a key as well as a value), is refused
 * with a 400 problem naming where it is. So a schema that forgot `text()` (or a field typed
 * `z.unknown()`) still cannot make PostgreSQL fail with a server error. It runs as the route's
 * own first `preHandler`: after the platform's sign-in, CSRF and access checks, and after the
 * schema, whose message about the field comes first.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { sendProblem } from './problem.js';
import { isStorableText, unstorableTextMessage } from './text.js';

/** JSON pointer segments escape `~` and `/` (RFC 6901). */
const segment = (key: string | number) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');

/** Where the first string PostgreSQL cannot store is, as a JSON pointer under `pointer`; undefined when none. */
export function unstorableTextAt(value: unknown, pointer = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : pointer;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unstorableTextAt(item, `${pointer}/${index}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return `${pointer}/${segment(key)}`;
      const found = unstorableTextAt(item, `${pointer}/${segment(key)}`);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

async function refuseUnstorableText(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  for (const [part, value] of [
    ['body', request.body],
    ['query', request.query],
    ['params', request.params],
  ] as const) {
    const pointer = unstorableTextAt(value, `/${part}`);
    if (pointer !== undefined) {
      request.log.info({ pointer }, 'unstorable text refused');
      return sendProblem(reply, request, 400, unstorableTextMessage, {
        errors: [{ pointer, detail: unstorableTextMessage }],
      });
    }
  }
  return undefined;
}

/** Adds the guard to every route under `prefix` registered after this call. */
export function registerStorableTextGuard(app: FastifyInstance, prefix = '/api/'): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith(prefix)) return;
    const own =
      route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [refuseUnstorableText, ...own];
  });
}
