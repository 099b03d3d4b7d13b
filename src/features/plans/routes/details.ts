/** The plan's details (its name, dates and support), and recording that it was agreed. */
import type { FastifyInstance } from 'fastify';
import { noErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { agreeForm, detailsForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { dateInWords, todayInUk } from '../plan-rules.js';
import { agreePlan } from '../service.js';
import {
  addError,
  afterChange,
  changeFromForm,
  checkedPlanStart,
  dateIn,
  dateShown,
  invalid,
  registerPlanForm,
  text,
  typedDate,
  withReasonError,
} from './forms.js';
import type { Body, PlansContext } from './forms.js';

export function registerDetailsPages(app: FastifyInstance, context: PlansContext): void {
  registerPlanForm(app, plansPaths.details.pattern, { get: 'plan.view', post: 'plan.change' }, context, {
    blank(found) {
      return {
        title: found.content.title,
        ...dateShown('startsOn', found.content.startsOn),
        ...dateShown('reviewBy', found.content.reviewBy),
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
      const checked = checkedPlanStart(
        values,
        { kind: found.plan.kind, fromMapping: false },
        { label: 'the date of the next review', tooEarly: 'The review must be on or after the day the plan starts' },
      );
      const errors = withReasonError(checked.errors, values);
      const data = checked.data;
      if (!data || errors.errorList.length > 0) return invalid(values, errors);
      const result = await changeFromForm(context, request, values, 'details_changed', (content) => ({
        ...content,
        title: data.title,
        startsOn: data.startsOn,
        reviewBy: data.reviewBy,
        support: data.support,
      }));
      return afterChange(result, found, values);
    },
    view: (found, _item, values, conflict) => detailsForm(found, values, conflict),
  });

  registerPlanForm(app, plansPaths.agree.pattern, { get: 'plan.view', post: 'plan.agree' }, context, {
    blank(found) {
      return {
        ...dateShown('agreedOn', todayInUk()),
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
