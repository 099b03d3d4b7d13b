import type { FastifyInstance } from 'fastify';
import { cookieHeader, csrfTokenIn } from './accounts.js';

/**
 * Reads a rendered form the way a browser would submit it: every named input's value, checked
 * boxes and radios, selected options and textareas. Posting this back is the honest test
 * that a page's field names and the server's agree.
 */
const decode = (text: string) =>
  text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function formValuesIn(html: string, action?: string): Record<string, string | string[]> {
  const forms = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)];
  const form = action
    ? forms.find((match) => attribute(match[0].slice(0, match[0].indexOf('>') + 1), 'action') === action)
    : forms.find((match) => /method="post"/.test(match[0]) && !/sign-out/.test(match[0]));
  if (!form) throw new Error(`no form${action ? ` posting to ${action}` : ''} on the page`);
  const body = form[1]!;
  const values: Record<string, string | string[]> = {};
  const add = (name: string, value: string) => {
    const existing = values[name];
    if (existing === undefined) values[name] = value;
    else values[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  for (const [tag] of body.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, 'name');
    if (!name) continue;
    const type = attribute(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
    add(name, decode(attribute(tag, 'value') ?? (type === 'checkbox' ? 'on' : '')));
  }
  for (const match of body.matchAll(/<select\b[^>]*>([\s\S]*?)<\/select>/g)) {
    const name = attribute(match[0], 'name');
    if (!name) continue;
    const options = [...match[1]!.matchAll(/<option\b[^>]*>/g)].map((option) => option[0]);
    const chosen = options.find((option) => /\sselected\b/.test(option)) ?? options[0];
    add(name, decode(chosen ? (attribute(chosen, 'value') ?? '') : ''));
  }
  for (const match of body.matchAll(/<textarea\b[^>]*>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(match[0], 'name');
    if (name) add(name, decode(match[1]!.replace(/^\n/, '')));
  }
  return values;
}

/** Posts a form as the signed-in person with this session cookie (the payload carries its `_csrf`). */
export function postForm(app: FastifyInstance, cookie: string, url: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url, headers: cookieHeader(cookie), payload });
}

/**
 * Sends a form the way a signed-in person does: opens the page it is on (`from`, by default the
 * form's own address) for the session's CSRF token, then posts the payload with it.
 */
export async function submitForm(
  app: FastifyInstance,
  cookie: string,
  url: string,
  payload: Record<string, unknown>,
  from = url,
) {
  const page = await app.inject({ url: from, headers: cookieHeader(cookie) });
  return postForm(app, cookie, url, { _csrf: csrfTokenIn(page.body), ...payload });
}
