/**
 * `reply.render(template, context)`: renders a page with what every page needs (the CSP
 * nonce, the signed-in person and council when there is one) and sends it as HTML.
 */
import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';
import { hasPermission, type Permission } from '../identity/roles.js';

export interface PageContext {
  pageTitle: string;
  [name: string]: unknown;
}

declare module 'fastify' {
  interface FastifyReply {
    render(template: string, context: PageContext): FastifyReply;
  }
  interface FastifyRequest {
    /** Filled by the identity layer: what the page shell shows about who is signed in. */
    pageShell?: {
      signedIn?: { displayName: string };
      council?: { name: string };
      navigation?: { href: string; text: string; active?: boolean }[];
    };
    csrfToken: string | null;
    idleExpiresAt: Date | null;
  }
}

export interface NavigationItem {
  text: string;
  href: string;
  permission: Permission;
}

export function registerRendering(
  app: FastifyInstance,
  views: nunjucks.Environment,
  navigation: NavigationItem[] = [],
): void {
  app.decorateReply('render', function render(template: string, context: PageContext) {
    const nonce = (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script;
    const actor = this.request.actor;
    const path = this.request.url.split('?')[0] ?? '';
    const items = actor
      ? navigation
          .filter((item) => hasPermission(actor.roles, item.permission))
          .map((item) => ({
            text: item.text,
            href: item.href,
            active: path === item.href || path.startsWith(`${item.href}/`),
          }))
      : [];
    const html = views.render(template, {
      ...this.request.pageShell,
      navigation: items,
      ...context,
      cspNonce: nonce,
      csrfToken: this.request.csrfToken,
      idleExpiresAt: this.request.idleExpiresAt?.toISOString(),
      requestId: context.requestId ?? undefined,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
