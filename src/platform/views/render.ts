/**
 * `reply.render(template, context)`: renders a page with what every page needs (the CSP
 * nonce, the signed-in person and council when there is one) and sends it as HTML.
 */
import type { FastifyInstance } from 'fastify';
import type nunjucks from 'nunjucks';

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

export function registerRendering(app: FastifyInstance, views: nunjucks.Environment): void {
  app.decorateReply('render', function render(template: string, context: PageContext) {
    const nonce = (this as unknown as { cspNonce?: { script: string } }).cspNonce?.script;
    const html = views.render(template, {
      ...this.request.pageShell,
      ...context,
      cspNonce: nonce,
      csrfToken: this.request.csrfToken,
      idleExpiresAt: this.request.idleExpiresAt?.toISOString(),
      requestId: context.requestId ?? undefined,
    });
    return this.type('text/html; charset=utf-8').send(html);
  });
}
