/**
 * Every form of episodes is a GOV.UK question page with the same shape: open the record for
 * change, show what was typed again on an error, save through the service and answer its typed
 * outcome. This writes that shape once; each form names its fields, schema, template and save.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteAccess } from '../../../platform/access/route-access.js';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { Database } from '../../../platform/db/database.js';
import { dateInputParts, isoDateFromParts, singleFormError } from '../../../platform/http/forms.js';
import { readList, readText, registerQuestionPage, type FormBody } from '../../../platform/http/question-page.js';
import { requestSource, type RequestSource } from '../../../platform/http/request-source.js';
import type { Actor } from '../../../platform/identity/actor.js';
import { episodesPaths as paths } from '../paths.js';
import { nameOf } from '../presenters.js';
import { openForChange, type EpisodesForm, type Refusal } from '../service.js';

type Params = Record<string, string> & { childId: string };
type Values = Record<string, string | string[]>;

export interface EpisodeFormFields {
  text?: readonly string[];
  lists?: readonly string[];
  /** Date inputs: each is three boxes, `name-Day`, `name-Month` and `name-Year`. */
  dates?: readonly string[];
}

/** What a service answers: done (redirect with the notice), a refusal, a stale save or not found. */
type Outcome = { outcome: string } | Refusal;

export interface EpisodeForm<Data> {
  path: { pattern: string; href(params: Params): string };
  access?: RouteAccess;
  audit: AuditAction;
  /** What the form is, for the audit entry of showing it. */
  part: string;
  template: string;
  title: string;
  fields: EpisodeFormFields;
  schema: z.ZodType<Data>;
  /** The first values (blank, or today's date). */
  blank?: (form: EpisodesForm, params: Params) => Values;
  /** Found in the record for this page (an episode, a referral), or null: not found. */
  find?: (form: EpisodesForm, params: Params) => unknown;
  context: (form: EpisodesForm, values: Values, params: Params) => Record<string, unknown>;
  save: (database: Database, actor: Actor, params: Params, data: Data, source: RequestSource) => Promise<Outcome>;
  notice: string;
  /** What the service's own answers mean on the page (a warning to show, say), beside done and refused. */
  answer?: (outcome: Outcome) => { errors: ReturnType<typeof singleFormError>; extra?: unknown } | null;
}

/** The date the boxes give; '' when blank, 'not-a-date' when not a real date (the schema says which). */
const dateOf = (values: Values, name: string) =>
  isoDateFromParts(String(values[`${name}-Day`]), String(values[`${name}-Month`]), String(values[`${name}-Year`]));

/** The boxes for an ISO date. */
export const dateValues = (name: string, isoDate: string | null): Values => {
  const { day, month, year } = dateInputParts(isoDate);
  return { [`${name}-Day`]: day, [`${name}-Month`]: month, [`${name}-Year`]: year };
};

const read = (body: FormBody, fields: EpisodeFormFields): Values => ({
  ...Object.fromEntries((fields.text ?? []).map((name) => [name, readText(body, name)])),
  ...Object.fromEntries((fields.lists ?? []).map((name) => [name, readList(body, name)])),
  ...Object.fromEntries(
    (fields.dates ?? []).flatMap((name) =>
      ['Day', 'Month', 'Year'].map((part) => [`${name}-${part}`, readText(body, `${name}-${part}`)]),
    ),
  ),
});

/** The schema's input: text left blank is left out (optional fields), dates from their boxes. */
const input = (values: Values, fields: EpisodeFormFields) => ({
  ...Object.fromEntries((fields.text ?? []).filter((name) => values[name] !== '').map((name) => [name, values[name]])),
  ...Object.fromEntries((fields.lists ?? []).map((name) => [name, values[name]])),
  ...Object.fromEntries((fields.dates ?? []).map((name) => [name, dateOf(values, name)])),
});

const blankValues = (fields: EpisodeFormFields): Values => ({
  ...Object.fromEntries((fields.text ?? []).map((name) => [name, ''])),
  ...Object.fromEntries((fields.lists ?? []).map((name) => [name, []])),
  ...Object.fromEntries((fields.dates ?? []).map((name) => dateValues(name, null)).flatMap(Object.entries)),
});

export function registerEpisodeForm<Data>(app: FastifyInstance, database: Database, form: EpisodeForm<Data>): void {
  const fieldIds = Object.fromEntries((form.fields.dates ?? []).map((name) => [name, `${name}-day`]));
  const load = async (request: FastifyRequest<{ Params: Params }>) => {
    const loaded = await openForChange(
      database,
      request.actor!,
      request.params.childId,
      form.part,
      requestSource(request),
    );
    if (!loaded || (form.find && !form.find(loaded, request.params))) return null;
    return loaded;
  };
  registerQuestionPage<Params, EpisodesForm, Values, Data, unknown>(
    app,
    form.path.pattern,
    form.access ?? { permission: 'child_record.change' },
    {
      audit: { show: 'child_record.view', save: form.audit },
      load,
      blank: (loaded, request) => ({ ...blankValues(form.fields), ...form.blank?.(loaded, request.params) }),
      read: (body) => read(body, form.fields),
      schema: form.schema,
      input: (values) => input(values, form.fields),
      fieldIds,
      view: (loaded, values, _errors, extra, request) => ({
        template: form.template,
        context: {
          pageTitle: form.title,
          title: form.title,
          child: loaded.child,
          childName: nameOf(loaded.child),
          action: form.path.href(request.params),
          backHref: paths.page.href({ childId: request.params.childId }),
          values,
          extra,
          ...form.context(loaded, values, request.params),
        },
      }),
      async save(data, _values, request) {
        const saved = await form.save(database, request.actor!, request.params, data, requestSource(request));
        if (saved.outcome === 'not_found') return 'not_found';
        if (saved.outcome === 'invalid' && 'field' in saved) {
          return { errors: singleFormError(saved.field, saved.message, fieldIds[saved.field] ?? saved.field) };
        }
        if (saved.outcome === 'conflict') {
          return {
            errors: singleFormError(
              'form',
              'Someone else saved this since you opened it. Nothing was saved: check and try again.',
            ),
            status: 409,
          };
        }
        const answered = form.answer?.(saved);
        if (answered) return answered;
        return { redirect: paths.page.href({ childId: request.params.childId }, { notice: form.notice }) };
      },
    },
  );
}
