/**
 * One way to write a GOV.UK question page (https://design-system.service.gov.uk/patterns/question-pages/):
 *
 *   GET  → load the context (the feature's service opens and audits the record) → show the form
 *   POST → read what was typed → parse it with the same zod schema the API uses
 *        → invalid: load the context, show the form again with status 400 and the error summary
 *        → valid: call the service → redirect with 303, or show its errors again (400, or 409
 *          for a stale save), or answer 404 when the record cannot be opened
 *
 * The context is loaded on a POST only when the form is shown again or the save asks for it
 * (`load()` inside `save`, loaded once), so a good save costs one transaction, as before.
 * Forms keep what was typed as strings (`values`), so nothing typed is lost on a 400.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { z } from 'zod';
import type { RouteAccess } from '../access/route-access.js';
import type { AuditAction } from '../audit/catalogue.js';
import type { PageContext } from '../views/render.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from './forms.js';

/** A posted form's fields, as the form body parser gives them. */
export type FormBody = Record<string, unknown>;

/** What was typed, field by field, kept as text so it can be shown again unchanged. */
export type FormValues = Record<string, string | string[]>;

type PageRequest<Params> = FastifyRequest<{ Params: Params; Body: FormBody; Querystring: Record<string, unknown> }>;

/** What a save answers. */
export type SaveOutcome<Values extends FormValues, Extra> =
  { redirect: string } | { errors: FormErrors; values?: Values; status?: 400 | 409; extra?: Extra } | 'not_found';

export interface QuestionPage<Params, Context, Values extends FormValues, Data, Extra = undefined> {
  /**
   * The audit actions the page records, declared on its routes beside their access: one for
   * both, or what showing the form records and what saving it records.
   */
  audit?: AuditAction | { show: AuditAction; save: AuditAction };
  /** Loads what the page shows (opened and audited by the feature's service); null answers 404. */
  load(request: PageRequest<Params>): Promise<Context | null>;
  /** The values the form shows first. */
  blank(context: Context, request: PageRequest<Params>): Values;
  /** What was typed, from the posted body. `readText` gives a field's clean text. */
  read(body: FormBody, request: PageRequest<Params>): Values;
  /** The schema the API uses for the same change. */
  schema: z.ZodType<Data>;
  /** The schema's input from the form's values (by default, the values themselves). */
  input?: (values: Values, body: FormBody) => unknown;
  /** Field → the id of the element the error summary links to (e.g. a date input's first box). */
  fieldIds?: Readonly<Record<string, string>>;
  /** The template and its context for the form. */
  view(
    context: Context,
    values: Values,
    errors: FormErrors,
    extra: Extra | undefined,
    request: PageRequest<Params>,
  ): { template: string; context: PageContext };
  /** Saves through the feature's service. `load()` gives the context if the save needs it. */
  save(
    data: Data,
    values: Values,
    request: PageRequest<Params>,
    load: () => Promise<Context | null>,
  ): Promise<SaveOutcome<Values, Extra>>;
}

/** A field's text from a posted form, with control characters removed. */
export function readText(body: FormBody, name: string): string {
  return cleanText(body[name]);
}

/** A field that may be posted several times (checkboxes), as clean text values. */
export function readList(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map(cleanText).filter((text) => text !== '');
}

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

/** Registers the GET and POST of a question page at one path, both with the given access. */
export function registerQuestionPage<Params, Context, Values extends FormValues, Data, Extra = undefined>(
  app: FastifyInstance,
  pattern: string,
  access: RouteAccess,
  page: QuestionPage<Params, Context, Values, Data, Extra>,
): void {
  type Route = RouteGenericInterface & {
    Params: Params;
    Body: FormBody;
    Querystring: Record<string, unknown>;
  };
  const show = (
    reply: FastifyReply,
    request: PageRequest<Params>,
    context: Context,
    status: number,
    values: Values,
    errors: FormErrors,
    extra?: Extra,
  ) => {
    const { template, context: pageContext } = page.view(context, values, errors, extra, request);
    return reply.status(status).render(template, { ...pageContext, ...errors });
  };

  const audit = typeof page.audit === 'object' ? page.audit : { show: page.audit, save: page.audit };
  app.get<Route>(pattern, { config: { access, audit: audit.show } }, async (request, reply) => {
    const context = await page.load(request);
    if (context === null) return notFound(reply);
    return show(reply, request, context, 200, page.blank(context, request), noErrors);
  });

  app.post<Route>(pattern, { config: { access, audit: audit.save } }, async (request, reply) => {
    const body = request.body ?? {};
    const values = page.read(body, request);
    let loaded: Promise<Context | null> | undefined;
    const load = () => (loaded ??= page.load(request));
    const parsed = page.schema.safeParse(page.input ? page.input(values, body) : values);
    if (!parsed.success) {
      const context = await load();
      if (context === null) return notFound(reply);
      return show(reply, request, context, 400, values, formErrorsFrom(parsed.error, page.fieldIds));
    }
    const outcome = await page.save(parsed.data, values, request, load);
    if (outcome === 'not_found') return notFound(reply);
    if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
    const context = await load();
    if (context === null) return notFound(reply);
    return show(
      reply,
      request,
      context,
      outcome.status ?? 400,
      outcome.values ?? values,
      outcome.errors,
      outcome.extra,
    );
  });
}
