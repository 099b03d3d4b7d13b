/** Adding, changing and taking out a plan's actions: what will happen, who does it, by when. */
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { formErrorsFrom, noErrors } from '../../../platform/http/forms.js';
import { actionForm, SOMEONE_ELSE } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { withoutAction, type PlanAction } from '../plan-rules.js';
import { actionSchema } from '../validation.js';
import {
  afterChange,
  changeFromForm,
  dateIn,
  dateShown,
  invalid,
  registerPlanForm,
  text,
  typedDate,
  withDateError,
  withReasonError,
} from './forms.js';
import type { Body, PlanForm, PlanParams, PlansContext } from './forms.js';

type ActionParams = PlanParams & { actionId?: string };

export function registerActionPages(app: FastifyInstance, context: PlansContext): void {
  const page: PlanForm<ActionParams, PlanAction> = {
    item: (found, params) =>
      params.actionId ? found.content.actions.find((candidate) => candidate.id === params.actionId) : null,
    blank(found, existing) {
      if (!existing) return { status: 'not_started', expectedVersion: String(found.plan.version) };
      const inNetwork =
        existing.ownerPersonId && found.owners.some((owner) => owner.personId === existing.ownerPersonId);
      return {
        whatWillHappen: existing.whatWillHappen,
        owner: inNetwork ? (existing.ownerPersonId ?? '') : SOMEONE_ELSE,
        ownerName: inNetwork ? '' : existing.ownerName,
        ownerCircle: existing.ownerCircle,
        ...dateShown('dueOn', existing.dueOn),
        status: existing.status,
        goalId: existing.goalId ?? '',
        expectedVersion: String(found.plan.version),
      };
    },
    read(body: Body) {
      return {
        whatWillHappen: text(body, 'whatWillHappen'),
        owner: text(body, 'owner'),
        ownerName: text(body, 'ownerName'),
        ownerCircle: text(body, 'ownerCircle'),
        ...typedDate(body, 'dueOn'),
        status: text(body, 'status') || 'not_started',
        goalId: text(body, 'goalId'),
        reason: text(body, 'reason'),
        expectedVersion: text(body, 'expectedVersion'),
      };
    },
    async save(found, existing, typed, request) {
      const values = typed as Record<string, string>;
      const actionId = existing?.id ?? null;
      if (actionId !== null && request.body?.takeOut === 'yes') {
        const refused = withReasonError(noErrors, values);
        if (refused.errorList.length > 0) return invalid(values, refused);
        const result = await changeFromForm(context, request, values, 'action_taken_out', (content) =>
          withoutAction(content, actionId),
        );
        return afterChange(result, found, values);
      }
      const dueOn = dateIn(values, 'dueOn', 'the date this will be done by', true);
      const owner = found.owners.find((candidate) => candidate.personId === values.owner);
      const parsed = actionSchema.safeParse({
        whatWillHappen: values.whatWillHappen,
        goalId: values.goalId === '' ? null : values.goalId,
        ownerPersonId: owner?.personId ?? null,
        ownerName: owner ? owner.name : values.owner === SOMEONE_ELSE ? values.ownerName : '',
        ownerCircle: owner ? owner.circle : values.ownerCircle,
        dueOn: dueOn.ok ? dueOn.value : '2000-01-01',
        status: values.status,
      });
      let errors = parsed.success
        ? noErrors
        : formErrorsFrom(parsed.error, {
            ownerName: values.owner === SOMEONE_ELSE ? 'ownerName' : 'owner',
            ownerCircle: 'ownerCircle',
          });
      if (errors.fieldErrors.ownerName && values.owner !== SOMEONE_ELSE) {
        errors = {
          errorList: errors.errorList,
          fieldErrors: { ...errors.fieldErrors, owner: errors.fieldErrors.ownerName },
        };
        delete errors.fieldErrors.ownerName;
      }
      errors = withReasonError(withDateError(errors, 'dueOn', dueOn), values);
      if (!parsed.success || errors.errorList.length > 0) return invalid(values, errors);
      const newId = randomUUID();
      const result = await changeFromForm(
        context,
        request,
        values,
        actionId ? 'action_changed' : 'action_added',
        (content) => {
          const next: PlanAction = {
            id: actionId ?? newId,
            ...parsed.data,
            // Only one of this plan's goals, as it stands now.
            goalId: content.goals.some((goal) => goal.id === parsed.data.goalId) ? parsed.data.goalId : null,
            fromNextStepId: existing?.fromNextStepId ?? null,
            fromMeeting: existing?.fromMeeting ?? null,
          };
          if (!actionId) return { ...content, actions: [...content.actions, next] };
          if (!content.actions.some((candidate) => candidate.id === actionId)) {
            return 'This action is no longer in the plan';
          }
          return {
            ...content,
            actions: content.actions.map((candidate) => (candidate.id === actionId ? next : candidate)),
          };
        },
      );
      return afterChange(result, found, values);
    },
    view: actionForm,
  };
  const audit = { get: 'plan.view', post: 'plan.change' } as const;
  registerPlanForm(app, plansPaths.newAction.pattern, audit, context, page);
  registerPlanForm(app, plansPaths.action.pattern, audit, context, page);
}
