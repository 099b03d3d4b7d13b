/** Adding, changing and taking out a plan's goals (in the family's words, linked to worries). */
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { formErrorsFrom, noErrors } from '../../../platform/http/forms.js';
import { goalForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { withoutGoal, type PlanGoal } from '../plan-rules.js';
import type { PlanEdit } from '../service.js';
import { goalSchema } from '../validation.js';
import { afterChange, changeFromForm, invalid, list, registerPlanForm, text, withReasonError } from './forms.js';
import type { Body, PlanForm, PlanParams, PlansContext } from './forms.js';

type GoalParams = PlanParams & { goalId?: string };

export function registerGoalPages(app: FastifyInstance, context: PlansContext): void {
  const page: PlanForm<GoalParams, PlanGoal> = {
    item: (found, params) =>
      params.goalId ? found.content.goals.find((candidate) => candidate.id === params.goalId) : null,
    blank: (found, goal) =>
      goal
        ? {
            goalInFamilyWords: goal.goalInFamilyWords,
            professionalWording: goal.professionalWording ?? '',
            worryIds: goal.worries.map((worry) => worry.id),
            expectedVersion: String(found.plan.version),
          }
        : { expectedVersion: String(found.plan.version), worryIds: [] },
    read: (body: Body) => ({
      goalInFamilyWords: text(body, 'goalInFamilyWords'),
      professionalWording: text(body, 'professionalWording'),
      worryIds: list(body.worryIds).filter((id) => id !== ''),
      reason: text(body, 'reason'),
      expectedVersion: text(body, 'expectedVersion'),
    }),
    async save(found, existing, values, request) {
      const goalId = existing?.id ?? null;
      const takeOut = goalId !== null && request.body?.takeOut === 'yes';
      const parsed = goalSchema.safeParse(values);
      const errors = withReasonError(parsed.success || takeOut ? noErrors : formErrorsFrom(parsed.error), values);
      const reasonGiven = !errors.fieldErrors.reason;
      const change = (what: string, edit: PlanEdit['edit']) => changeFromForm(context, request, values, what, edit);
      if (takeOut && reasonGiven) {
        return afterChange(await change('goal_taken_out', (content) => withoutGoal(content, goalId)), found, values);
      }
      if (!parsed.success || !reasonGiven) return invalid(values, errors);
      const worryWords = new Map(
        [...found.worries, ...(existing?.worries ?? [])].map((worry) => [worry.id, worry.statement]),
      );
      const newId = randomUUID();
      const result = await change(goalId ? 'goal_changed' : 'goal_added', (content) => {
        const goal: PlanGoal = {
          id: goalId ?? newId,
          goalInFamilyWords: parsed.data.goalInFamilyWords,
          professionalWording: parsed.data.professionalWording,
          worries: parsed.data.worryIds
            .filter((id) => worryWords.has(id))
            .map((id) => ({ id, statement: worryWords.get(id)! })),
          fromSafetyGoalId: existing?.fromSafetyGoalId ?? null,
        };
        if (!goalId) return { ...content, goals: [...content.goals, goal] };
        if (!content.goals.some((candidate) => candidate.id === goalId)) return 'This goal is no longer in the plan';
        return { ...content, goals: content.goals.map((candidate) => (candidate.id === goalId ? goal : candidate)) };
      });
      return afterChange(result, found, values);
    },
    view: goalForm,
  };
  const audit = { get: 'plan.view', post: 'plan.change' } as const;
  registerPlanForm(app, plansPaths.newGoal.pattern, audit, context, page);
  registerPlanForm(app, plansPaths.goal.pattern, audit, context, page);
}
