/** The plan's details (its name, dates and support), and recording that it was agreed. */
import type { FastifyInstance } from 'fastify';
import { formErrorsFrom, noErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { agreeForm, detailsForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { dateInWords, todayInUk } from '../plan-rules.js';
import { agreePlan } from '../service.js';
import { reasonSchema, startPlanSchema } from '../validation.js';
import {
  addError,
  afterChange,
  changeFromForm,
  dateIn,
  dateValues,
  typedDate,
  invalid,
  registerPlanForm,
  splitDate,
  text,
  type Body,
  type PlansContext,
} from './forms.js';

export function registerDetailsPages(app: FastifyInstance, context: PlansContext): void {
  registerPlanForm(app, plansPaths.details.pattern, { get: 'plan.view', post: 'plan.change' }, context, {
    blank(found) {
      return {
        title: found.content.title,
        ...dateValues('startsOn', splitDate(found.content.startsOn)),
        ...dateValues('reviewBy', splitDate(found.content.reviewBy)),
        support: found.content.support ?? '',
        expectedVersion: String(found.plan.version),
      };
    },
    read(body: Body) {
      return {
        title: text(body, 'title'),
        ...typedDate(body, 'startsOn'),
        ...typedDate(body, 'reviewBy'),
        support: text(body, 'support'),
        reason: text(body, 'reason'),
        expectedVersion: text(body, 'expectedVersion'),
      };
    },
    async save(found, _item, typed, request) {
      const values = typed as Record<string, string>;
      const startsOn = dateIn(values, 'startsOn', 'the date the plan starts', true);
      const reviewBy = dateIn(values, 'reviewBy', 'the date of the next review', false);
      const parsed = startPlanSchema.safeParse({
        kind: found.plan.kind,
        title: values.title,
        startsOn: startsOn.ok ? startsOn.value : '2000-01-01',
        reviewBy: reviewBy.ok ? reviewBy.value : null,
        support: values.support,
        fromMapping: false,
      });
      const reason = reasonSchema.safeParse(values.reason);
      let errors = parsed.success ? noErrors : formErrorsFrom(parsed.error);
      if (!startsOn.ok) errors = addError(errors, 'startsOn', startsOn.message, 'startsOn-day');
      if (!reviewBy.ok) errors = addError(errors, 'reviewBy', reviewBy.message, 'reviewBy-day');
      if (startsOn.ok && reviewBy.ok && reviewBy.value && startsOn.value && reviewBy.value < startsOn.value) {
        errors = addError(errors, 'reviewBy', 'The review must be on or after the day the plan starts', 'reviewBy-day');
      }
      if (!reason.success) errors = addError(errors, 'reason', reason.error.issues[0]!.message);
      if (!parsed.success || errors.errorList.length > 0) return invalid(values, errors);
      const result = await changeFromForm(context, request, values, 'details_changed', (content) => ({
        ...content,
        title: parsed.data.title,
        startsOn: parsed.data.startsOn,
        reviewBy: parsed.data.reviewBy,
        support: parsed.data.support,
      }));
      return afterChange(result, found, values);
    },
    view: (found, _item, values, conflict) => detailsForm(found, values, conflict),
  });

  registerPlanForm(app, plansPaths.agree.pattern, { get: 'plan.view', post: 'plan.agree' }, context, {
    blank(found) {
      return {
        ...dateValues('agreedOn', splitDate(todayInUk())),
        shareWithFamily: true,
        expectedVersion: String(found.plan.version),
      };
    },
    read(body: Body) {
      return {
        ...typedDate(body, 'agreedOn'),
        shareWithFamily: body.shareWithFamily === 'yes',
        expectedVersion: text(body, 'expectedVersion'),
      };
    },
    async save(found, _item, values, request) {
      const { childId, planId } = request.params;
      const problem = (message: string) => addError(noErrors, 'agreedOn', message, 'agreedOn-day');
      const agreedOn = dateIn(values, 'agreedOn', 'the date the plan was agreed', true);
      if (!agreedOn.ok) return invalid(values, problem(agreedOn.message));
      const outcome = await agreePlan(
        context.database,
        request.actor!,
        childId,
        planId,
        {
          agreedOn: agreedOn.value!,
          expectedVersion: Number(values.expectedVersion),
          shareWithFamily: values.shareWithFamily === true,
        },
        requestSource(request),
      );
      switch (outcome) {
        case 'not_found':
          return 'not_found';
        case 'before_start':
          return invalid(
            values,
            problem(`The plan cannot be agreed before it starts (${dateInWords(found.plan.startsOn)})`),
          );
        case 'conflict':
          return {
            status: 409,
            values: { ...values, expectedVersion: String(found.plan.version) },
            errors: problem(
              'Someone changed the plan since you opened this page. Read the plan again, then record that it was agreed',
            ),
          };
        case 'agreed':
          return { redirect: plansPaths.plan.href({ childId, planId }, { notice: 'agreed' }) };
      }
    },
    view: (found, _item, values) => agreeForm(found, values),
  });
}
