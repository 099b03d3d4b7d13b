/**
 * The plan's own form plumbing, written once: reading what was typed, and the question pages
 * that change a plan (a goal, an action, the details, agreed, a review). Each of those opens the
 * plan for a change, shows its form, and on a POST checks what was typed, saves through the
 * service and either redirects or shows the form again with the errors (or both versions after a
 * stale save).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import type { FeatureContext } from '../../../platform/features/feature.js';
import type { Conflict, FormView, Typed } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { dateFrom, reasonSchema, startPlanSchema } from '../validation.js';
import { changePlan, viewPlan, type PlanChange, type PlanEdit, type PlanView } from '../service.js';
import { recordAudiences } from '../../../platform/access/policy.js';

/** What the plan's routes are given (the feature context, or the part of it they use). */
export type PlansContext = Pick<FeatureContext, 'database'>;
export type Body = Record<string, unknown>;
export type PlanParams = { childId: string; planId: string };

export const view = { permission: 'child_record.view' } as const;
export const change = { permission: 'child_record.change' } as const;
/** The family's and the child's versions are made for them as well as for professionals. */
export const forFamilyAndChild = recordAudiences;

export const text = (body: Body, name: string) => cleanText(body[name]);
export const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => cleanText(item));
/** An ISO date split for a GOV.UK date input's three boxes ('' for each when not set). */
export const splitDate = (iso: string | null | undefined) => {
  const [year, month, day] = (iso ?? '').split('-');
  return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year: year ?? '' };
};
/** A GOV.UK date input's three boxes as typed. */
const datePart = (body: Body, prefix: string) => ({
  day: text(body, `${prefix}-day`),
  month: text(body, `${prefix}-month`),
  year: text(body, `${prefix}-year`),
});

/** A date input's three boxes as a form's values: `${name}Day`, `${name}Month`, `${name}Year`. */
export function dateValues(name: string, parts: { day: string; month: string; year: string }): Record<string, string> {
  return { [`${name}Day`]: parts.day, [`${name}Month`]: parts.month, [`${name}Year`]: parts.year };
}

/** A date input showing an ISO date (empty boxes when there is none), as the form's values. */
export const dateShown = (name: string, iso: string | null | undefined) => dateValues(name, splitDate(iso));

/** A date input as typed into a posted form, as the form's values. */
export const typedDate = (body: Body, name: string) => dateValues(name, datePart(body, name));

/** The date in a form's values, checked: an ISO date (null when optional and empty), or a message naming it. */
export function dateIn(values: Typed, name: string, label: string, required: boolean) {
  const box = (part: string) => {
    const value = values[`${name}${part}`];
    return typeof value === 'string' ? value : '';
  };
  return dateFrom(box('Day'), box('Month'), box('Year'), label, required);
}

/** Adds one error to the summary and its field, unless that field already has one. */
export function addError(errors: FormErrors, field: string, message: string, href = field): FormErrors {
  if (errors.fieldErrors[field]) return errors;
  return {
    errorList: [...errors.errorList, { text: message, href: `#${href}` }],
    fieldErrors: { ...errors.fieldErrors, [field]: { text: message } },
  };
}

/** Adds a date's error, linked to its day box, when what was typed is not a good date. */
export function withDateError(errors: FormErrors, name: string, date: ReturnType<typeof dateIn>): FormErrors {
  return date.ok ? errors : addError(errors, name, date.message, `${name}-day`);
}

/** Adds the reason's error when the reason typed is refused. */
export function withReasonError(errors: FormErrors, values: Typed): FormErrors {
  const reason = reasonSchema.safeParse(values.reason);
  return reason.success ? errors : addError(errors, 'reason', reason.error.issues[0]!.message);
}

/**
 * A plan's name, dates and support as typed (on starting it or changing its details), checked
 * with the API's schema: its data when all is well, and the errors in the order the page lists them.
 */
export function checkedPlanStart(
  values: Typed,
  plan: { kind: unknown; fromMapping: boolean },
  review: { label: string; tooEarly: string },
) {
  const startsOn = dateIn(values, 'startsOn', 'the date the plan starts', true);
  const reviewBy = dateIn(values, 'reviewBy', review.label, false);
  const parsed = startPlanSchema.safeParse({
    kind: plan.kind,
    title: values.title,
    startsOn: startsOn.ok ? startsOn.value : '2000-01-01',
    reviewBy: reviewBy.ok ? reviewBy.value : null,
    support: values.support,
    fromMapping: plan.fromMapping,
  });
  let errors = parsed.success ? noErrors : formErrorsFrom(parsed.error, { kind: 'kind' });
  errors = withDateError(withDateError(errors, 'startsOn', startsOn), 'reviewBy', reviewBy);
  if (startsOn.ok && reviewBy.ok && reviewBy.value && startsOn.value && reviewBy.value < startsOn.value) {
    errors = addError(errors, 'reviewBy', review.tooEarly, 'reviewBy-day');
  }
  return { data: parsed.success ? parsed.data : null, errors };
}

export function notFound(reply: FastifyReply) {
  reply.callNotFound();
  return reply;
}

export function renderForm(reply: FastifyReply, status: number, form: FormView, errors: FormErrors) {
  return reply.status(status).render(form.template, { ...form.context, ...errors });
}

/**
 * Shows a form that first loads what it is about (404 when nothing is found), with the status,
 * values and errors given.
 */
export const formShownWith =
  <Request, Found>(
    load: (request: Request) => Promise<Found | null>,
    form: (found: Found, request: Request, values: Typed) => FormView,
  ) =>
  async (request: Request, reply: FastifyReply, status: number, values: Typed, errors: FormErrors) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return renderForm(reply, status, form(found, request, values), errors);
  };

/** What a plan form's save answers: where to go next, or the form again. */
export type FormOutcome =
  { redirect: string } | { status: 400 | 409; values: Typed; errors: FormErrors; conflict?: Conflict } | 'not_found';

/** A plan form's errors, shown again with status 400. */
export const invalid = (values: Typed, errors: FormErrors): FormOutcome => ({ status: 400, values, errors });

/** What every change of a plan's content does with the service's answer. */
export function afterChange(result: PlanChange, found: PlanView, values: Typed): FormOutcome {
  switch (result.outcome) {
    case 'not_found':
      return 'not_found';
    case 'saved':
      return {
        redirect: plansPaths.plan.href({ childId: found.child.id, planId: found.plan.id }, { notice: 'saved' }),
      };
    case 'unchanged':
      return invalid(
        values,
        addError(noErrors, 'form', 'Nothing has been changed. Change something, or go back', 'main-content'),
      );
    case 'invalid':
      return invalid(values, addError(noErrors, 'form', result.message, 'main-content'));
    case 'reason_needed':
      return invalid(values, addError(noErrors, 'reason', result.message));
    case 'conflict':
      // Both are shown; the form keeps what this person typed, ready to save over the newer
      // version once they have compared them. Nothing typed is lost.
      return {
        status: 409,
        values: { ...values, expectedVersion: String(result.theirVersion) },
        errors: noErrors,
        conflict: { theirs: result.theirs, author: result.theirAuthor, reason: result.theirReason },
      };
  }
}

type PlanRequest<Params> = FastifyRequest<{ Params: Params; Body: Body }>;

/** Changes the plan from the version the form was opened at, with the reason typed (if any). */
export function changeFromForm(
  { database }: PlansContext,
  request: PlanRequest<PlanParams>,
  values: Typed,
  what: string,
  edit: PlanEdit['edit'],
): Promise<PlanChange> {
  const { childId, planId } = request.params;
  return changePlan(
    database,
    request.actor!,
    childId,
    planId,
    {
      expectedVersion: Number(values.expectedVersion),
      reason: typeof values.reason === 'string' ? values.reason : '',
      what,
      edit,
    },
    requestSource(request),
  );
}

/** A question page that changes one plan (or one goal or action of it: its `Item`). */
export interface PlanForm<Params extends PlanParams, Item> {
  /** The goal or action the page is about, null for the whole plan or a new one; undefined answers 404. */
  item?: (found: PlanView, params: Params) => Item | null | undefined;
  blank(found: PlanView, item: Item | null): Typed;
  /** What was typed (some forms' fields depend on the plan: a review's scores, one per goal). */
  read(body: Body, found: PlanView): Typed;
  save(found: PlanView, item: Item | null, values: Typed, request: PlanRequest<Params>): Promise<FormOutcome>;
  view(found: PlanView, item: Item | null, values: Typed, conflict?: Conflict): FormView;
}

/**
 * Registers the GET and POST of a plan form at one path. Both open the plan for a change (the
 * service audits it), so a page for a plan or a goal that is not there answers 404.
 */
export function registerPlanForm<Params extends PlanParams, Item = never>(
  app: FastifyInstance,
  pattern: string,
  audit: { get: AuditAction; post: AuditAction },
  { database }: PlansContext,
  form: PlanForm<Params, Item>,
): void {
  const open = async (request: PlanRequest<Params>) => {
    // Fastify widens a generic route's params; they are this route's, by its pattern.
    const params = request.params as Params;
    const found = await viewPlan(database, request.actor!, params.childId, params.planId, requestSource(request), {
      forChange: true,
    });
    const item = found && form.item ? form.item(found, params) : null;
    return found && item !== undefined ? { found, item } : null;
  };
  app.get<{ Params: Params; Body: Body }>(
    pattern,
    { config: { access: change, audit: audit.get } },
    async (request, reply) => {
      const opened = await open(request);
      if (!opened) return notFound(reply);
      const { found, item } = opened;
      return renderForm(reply, 200, form.view(found, item, form.blank(found, item)), noErrors);
    },
  );
  app.post<{ Params: Params; Body: Body }>(
    pattern,
    { config: { access: change, audit: audit.post } },
    async (request, reply) => {
      const opened = await open(request);
      if (!opened) return notFound(reply);
      const { found, item } = opened;
      const outcome = await form.save(found, item, form.read(request.body ?? {}, found), request);
      if (outcome === 'not_found') return notFound(reply);
      if ('redirect' in outcome) return reply.redirect(outcome.redirect, 303);
      return renderForm(
        reply,
        outcome.status,
        form.view(found, item, outcome.values, outcome.conflict),
        outcome.errors,
      );
    },
  );
}
