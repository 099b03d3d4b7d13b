/**
 * The council's timescale policy pages, for its administrators: the policy now with its history,
 * changing it with a reason, and adding or removing a closure day. GOV.UK question pages; plain
 * forms, so everything works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { isoDateFromParts, singleFormError } from '../../platform/http/forms.js';
import { presentDate } from '../child-record/index.js';
import { readText, registerQuestionPage, type SaveOutcome } from '../../platform/http/question-page.js';
import { requestSource } from '../../platform/http/request-source.js';
import { policyFieldValues, policyFields, type PolicyField } from './policy.js';
import { timescalesPaths as paths } from './paths.js';
import { closureDayRows, nationNames, policyFormFields, policyRows, versionRows } from './presenters.js';
import {
  addClosureDay,
  changeTimescalePolicy,
  removeClosureDay,
  viewTimescales,
  type PolicyOutcome,
} from './service.js';
import {
  closureDayRemovalSchema,
  closureDaySchema,
  policyChangeSchema,
  type NewClosureDay,
  type PolicyChange,
} from './validation.js';

const manage = { permission: 'timescales.manage' } as const;
const fields = Object.keys(policyFields) as PolicyField[];

const notices: Record<string, string> = {
  changed: 'The timescale policy has been changed',
  added: 'The closure day has been added',
  removed: 'The closure day has been removed',
  unchanged: 'Nothing was changed: the policy already says that',
};

type PolicyValues = Record<PolicyField | 'nation' | 'reason' | 'expectedVersion', string>;
type ClosureValues = { dateDay: string; dateMonth: string; dateYear: string; name: string; reason: string };
type RemovalValues = { reason: string };
type Current = Awaited<ReturnType<typeof viewTimescales>>;

const stale = 'Someone else changed the policy since you opened this page. Check the policy now and try again.';

/** A service's outcome as the question page's answer. */
function answerOf<Values extends Record<string, string>>(
  outcome: PolicyOutcome,
  notice: string,
  fieldIds: Record<string, string> = {},
): SaveOutcome<Values, undefined> {
  if (outcome.outcome === 'saved') return { redirect: paths.page.href({}, { notice }) };
  if (outcome.outcome === 'unchanged') return { redirect: paths.page.href({}, { notice: 'unchanged' }) };
  if (outcome.outcome === 'stale') return { errors: singleFormError('reason', stale), status: 409 };
  return { errors: singleFormError(outcome.field, outcome.message, fieldIds[outcome.field] ?? outcome.field) };
}

export function registerTimescalesRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: { notice?: string } }>(
    paths.page.pattern,
    { config: { access: manage } },
    async (request, reply) => {
      const { current, versions } = await viewTimescales(database, request.actor!);
      return reply.render('timescales/views/timescales.njk', {
        pageTitle: 'Timescales',
        notice: notices[request.query.notice ?? ''],
        policyRows: policyRows(current.policy),
        closureDayRows: closureDayRows(current.policy, (date) => paths.removeClosureDay.href({ date })),
        versionRows: versionRows(versions),
        changeHref: paths.change.href({}),
        addClosureDayHref: paths.addClosureDay.href({}),
      });
    },
  );

  registerQuestionPage<object, Current, PolicyValues, PolicyChange>(app, paths.change.pattern, manage, {
    load: (request) => viewTimescales(database, request.actor!),
    blank: ({ current }) => {
      const numbers = policyFieldValues(current.policy);
      return {
        ...(Object.fromEntries(fields.map((field) => [field, String(numbers[field])])) as Record<PolicyField, string>),
        nation: current.policy.nation,
        reason: '',
        expectedVersion: String(current.version),
      };
    },
    read: (body) =>
      Object.fromEntries(
        [...fields, 'nation', 'reason', 'expectedVersion'].map((name) => [name, readText(body, name)]),
      ) as PolicyValues,
    schema: policyChangeSchema,
    fieldIds: { nation: 'nation' },
    view: (_current, values) => ({
      template: 'timescales/views/change-policy.njk',
      context: {
        pageTitle: 'Change the timescale policy',
        action: paths.change.href({}),
        backHref: paths.page.href({}),
        values,
        formFields: policyFormFields,
        nationItems: (['england', 'wales'] as const).map((nation) => ({
          value: nation,
          text: nationNames[nation],
          checked: values.nation === nation,
        })),
      },
    }),
    save: async (change, _values, request) =>
      answerOf(await changeTimescalePolicy(database, request.actor!, change, requestSource(request)), 'changed'),
  });

  registerQuestionPage<object, Current, ClosureValues, NewClosureDay>(app, paths.addClosureDay.pattern, manage, {
    load: (request) => viewTimescales(database, request.actor!),
    blank: () => ({ dateDay: '', dateMonth: '', dateYear: '', name: '', reason: '' }),
    read: (body) => ({
      dateDay: readText(body, 'date-Day'),
      dateMonth: readText(body, 'date-Month'),
      dateYear: readText(body, 'date-Year'),
      name: readText(body, 'name'),
      reason: readText(body, 'reason'),
    }),
    schema: closureDaySchema,
    input: (values) => ({
      date: isoDateFromParts(values.dateDay, values.dateMonth, values.dateYear),
      name: values.name,
      reason: values.reason,
    }),
    fieldIds: { date: 'date-day' },
    view: (_current, values) => ({
      template: 'timescales/views/add-closure-day.njk',
      context: {
        pageTitle: 'Add a closure day',
        action: paths.addClosureDay.href({}),
        backHref: paths.page.href({}),
        values,
      },
    }),
    save: async (day, _values, request) =>
      answerOf(await addClosureDay(database, request.actor!, day, requestSource(request)), 'added', {
        date: 'date-day',
      }),
  });

  registerQuestionPage<{ date: string }, Current & { date: string }, RemovalValues, { reason: string }>(
    app,
    paths.removeClosureDay.pattern,
    manage,
    {
      load: async (request) => {
        const found = await viewTimescales(database, request.actor!);
        const { date } = request.params;
        return found.current.policy.closureDays.some((day) => day.date === date) ? { ...found, date } : null;
      },
      blank: () => ({ reason: '' }),
      read: (body) => ({ reason: readText(body, 'reason') }),
      schema: closureDayRemovalSchema,
      view: (found, values) => {
        const day = found.current.policy.closureDays.find((closure) => closure.date === found.date);
        return {
          template: 'timescales/views/remove-closure-day.njk',
          context: {
            pageTitle: 'Remove a closure day',
            action: paths.removeClosureDay.href({ date: found.date }),
            backHref: paths.page.href({}),
            closureName: day?.name ?? '',
            closureDate: presentDate(found.date),
            values,
          },
        };
      },
      save: async (removal, _values, request) => {
        const outcome = await removeClosureDay(
          database,
          request.actor!,
          request.params.date,
          removal,
          requestSource(request),
        );
        return outcome.outcome === 'invalid' ? 'not_found' : answerOf(outcome, 'removed');
      },
    },
  );
}
