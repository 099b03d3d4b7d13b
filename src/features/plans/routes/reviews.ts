/** Recording a review of the plan: who came, each person's score for each goal, what changed. */
import type { FastifyInstance } from 'fastify';
import { formErrorsFrom, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { REVIEW_PEOPLE, reviewForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { todayInUk } from '../plan-rules.js';
import { recordReview } from '../service.js';
import { reviewSchema } from '../validation.js';
import { addError, dateIn, dateShown, invalid, registerPlanForm, text, typedDate, withDateError } from './forms.js';
import type { Body, PlansContext } from './forms.js';

export function registerReviewPages(app: FastifyInstance, context: PlansContext): void {
  registerPlanForm(app, plansPaths.newReview.pattern, { get: 'plan.view', post: 'plan.review' }, context, {
    blank() {
      return dateShown('heldOn', todayInUk());
    },
    read(body: Body, found) {
      const values: Record<string, string> = {
        ...typedDate(body, 'heldOn'),
        ...typedDate(body, 'nextReviewBy'),
        whoCame: text(body, 'whoCame'),
        whatHasChanged: text(body, 'whatHasChanged'),
        whatHasBeenAchieved: text(body, 'whatHasBeenAchieved'),
        decisions: text(body, 'decisions'),
      };
      for (let person = 0; person < REVIEW_PEOPLE; person += 1)
        values[`person${person}`] = text(body, `person${person}`);
      found.content.goals.forEach((_goal, goalIndex) => {
        for (let person = 0; person < REVIEW_PEOPLE; person += 1) {
          const name = `score-${goalIndex}-${person}`;
          values[name] = text(body, name).trim();
        }
      });
      return values;
    },
    async save(found, _item, typed, request) {
      const values = typed as Record<string, string>;
      const { childId, planId } = request.params;
      let errors: FormErrors = noErrors;
      const scores: { goalId: string; personName: string; score: number }[] = [];
      found.content.goals.forEach((goal, goalIndex) => {
        for (let person = 0; person < REVIEW_PEOPLE; person += 1) {
          const name = `score-${goalIndex}-${person}`;
          const given = values[name]!;
          if (given === '') continue;
          const personName = values[`person${person}`]!.trim();
          if (!/^(10|[0-9])$/.test(given)) {
            errors = addError(
              errors,
              name,
              `Enter a whole number from 0 to 10 for Person ${person + 1}’s score for goal ${goalIndex + 1}`,
            );
          } else if (personName === '') {
            errors = addError(errors, `person${person}`, `Enter the name of Person ${person + 1}, who gave a score`);
          } else {
            scores.push({ goalId: goal.id, personName, score: Number(given) });
          }
        }
      });
      const heldOn = dateIn(values, 'heldOn', 'the date of the review', true);
      const nextReviewBy = dateIn(values, 'nextReviewBy', 'the date of the next review', false);
      const parsed = reviewSchema.safeParse({
        heldOn: heldOn.ok ? heldOn.value : '2000-01-01',
        whoCame: values.whoCame,
        scores,
        whatHasChanged: values.whatHasChanged,
        whatHasBeenAchieved: values.whatHasBeenAchieved,
        decisions: values.decisions,
        nextReviewBy: nextReviewBy.ok ? nextReviewBy.value : null,
      });
      errors = withDateError(errors, 'heldOn', heldOn);
      if (!parsed.success) {
        const fromSchema = formErrorsFrom(parsed.error);
        errors = {
          errorList: [...errors.errorList, ...fromSchema.errorList],
          fieldErrors: { ...fromSchema.fieldErrors, ...errors.fieldErrors },
        };
      }
      errors = withDateError(errors, 'nextReviewBy', nextReviewBy);
      if (heldOn.ok && nextReviewBy.ok && nextReviewBy.value && heldOn.value && nextReviewBy.value <= heldOn.value) {
        errors = addError(errors, 'nextReviewBy', 'The next review must be after this one', 'nextReviewBy-day');
      }
      if (!parsed.success || errors.errorList.length > 0) return invalid(values, errors);
      const result = await recordReview(
        context.database,
        request.actor!,
        childId,
        planId,
        parsed.data,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return 'not_found';
      if (result.outcome === 'too_early') {
        return invalid(values, addError(noErrors, 'heldOn', result.message, 'heldOn-day'));
      }
      return { redirect: `${plansPaths.plan.href({ childId, planId }, { notice: 'reviewed' })}#reviews` };
    },
    view: (found, _item, values) => reviewForm(found, values),
  });
}
