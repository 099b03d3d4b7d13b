/**
 * Voice's small question pages about the child (something they said, how they would like to take
 * part, an event for the chronology), each written as one declaration: what it asks, checked with
 * the API's schema, saved through the service, then back to the page it came from with a notice.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { Database } from '../../../platform/db/database.js';
import { readText, registerQuestionPage } from '../../../platform/http/question-page.js';
import type { QueryValues } from '../../../platform/http/path.js';
import { requestSource } from '../../../platform/http/request-source.js';
import type { Actor } from '../../../platform/identity/actor.js';
import type { RequestSource } from '../../child-record/index.js';
import { dateOf } from '../forms.js';
import { childShortName } from '../names.js';
import { childForForm, type ChildForForm } from '../service.js';
import { changeAccess } from './shared.js';

type Values = Record<string, string>;

/** A page of the child's record, as a pattern and a link. */
interface ChildPath {
  readonly pattern: string;
  href(parameters: { childId: string }, query?: QueryValues): string;
}

export interface ChildFormPage<Data> {
  /** Opening the form (the record opened to change it) and saving it. */
  audit: { show: AuditAction; save: AuditAction };
  /** The form's fields, and the name of its GOV.UK date input (read as its three boxes). */
  fields: readonly string[];
  date: string;
  schema: z.ZodType<Data>;
  /** What the form shows first, for the person asking. */
  blank: (actor: Actor) => Values;
  template: string;
  title: (childName: string) => string;
  /** What else the template shows beside the child, the values and the links. */
  extra?: (form: ChildForForm, values: Values) => Record<string, unknown>;
  /** The service that saves it; false when the record may not be changed. */
  save: (database: Database, actor: Actor, childId: string, data: Data, source: RequestSource) => Promise<boolean>;
  /** Where the form goes back to, and where a save leads, with this notice. */
  done: ChildPath;
  notice: string;
}

/** Registers the question page at `path`: the form (GET) and its save (POST). */
export function registerChildFormPage<Data>(
  app: FastifyInstance,
  database: Database,
  path: ChildPath,
  page: ChildFormPage<Data>,
): void {
  const { date, done } = page;
  const names = [...page.fields, `${date}-Day`, `${date}-Month`, `${date}-Year`];
  registerQuestionPage<{ childId: string }, ChildForForm, Values, Data>(app, path.pattern, changeAccess, {
    audit: page.audit,
    load: (request) =>
      childForForm(database, request.actor!, request.params.childId, page.audit.show, requestSource(request)),
    blank: (_form, request) => page.blank(request.actor!),
    read: (body) => Object.fromEntries(names.map((name) => [name, readText(body, name)])),
    schema: page.schema,
    input: (values) => ({ ...values, [date]: dateOf(values, date) }),
    fieldIds: { [date]: `${date}-day` },
    view: (form, values, _errors, _extra, request) => ({
      template: page.template,
      context: {
        pageTitle: page.title(childShortName(form.child)),
        child: form.child,
        childName: childShortName(form.child),
        values,
        ...page.extra?.(form, values),
        action: path.href(request.params),
        backHref: done.href(request.params),
      },
    }),
    async save(data, _values, request) {
      const { childId } = request.params;
      const saved = await page.save(database, request.actor!, childId, data, requestSource(request));
      return saved ? { redirect: done.href({ childId }, { notice: page.notice }) } : 'not_found';
    },
  });
}
