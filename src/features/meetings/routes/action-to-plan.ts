/** Making a meeting's action an action of the child's plan: the page that asks which plan and goal, and whose action. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { cleanText, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { meetingPaths } from '../paths.js';
import { actionToPlanPage, WHOLE_PLAN } from '../presenters/action-to-plan.js';
import { errorsFrom, typed, type Body, type Values } from '../presenters/fields.js';
import { actionForPlan, addActionToPlan, type ActionForPlan } from '../service.js';
import { changeRecord, notFound } from './access.js';

type ActionParams = { childId: string; meetingId: string; actionId: string };

/** Where on the page each of the plans' problems is shown. */
const onPage = (field: string) =>
  field === 'planId' || field === 'goalId' || field === 'expectedVersion'
    ? 'target'
    : field === 'ownerCircle'
      ? 'ownerCircle'
      : 'form';

function render(
  reply: FastifyReply,
  found: ActionForPlan,
  status: number,
  values: Values,
  errors: FormErrors,
  conflict: string | null = null,
) {
  return reply
    .status(status)
    .render('meetings/views/action-to-plan.njk', { ...actionToPlanPage(found, values, conflict), ...errors });
}

export function registerActionToPlanPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const call = serviceCaller(database);
  app.get<{ Params: ActionParams }>(
    meetingPaths.actionToPlan.pattern,
    { config: { access: changeRecord, audit: 'meeting.view' } },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const found = await call(request, actionForPlan, childId, meetingId, actionId);
      if (!found) return notFound(reply);
      return render(reply, found, 200, {}, noErrors);
    },
  );

  app.post<{ Params: ActionParams; Body: Body }>(
    meetingPaths.actionToPlan.pattern,
    { config: { access: changeRecord, audit: 'meeting.action_to_plan' } },
    async (request, reply) => {
      const { childId, meetingId, actionId } = request.params;
      const body = request.body ?? {};
      const values = typed(body, ['target', 'ownerCircle']);
      const [planId = '', goal = ''] = values.target!.split('/');
      const result = await call(request, addActionToPlan, childId, meetingId, actionId, {
        planId,
        goalId: goal === WHOLE_PLAN ? null : goal,
        expectedVersion: cleanText(body[`planVersion-${planId}`]),
        ownerCircle: values.ownerCircle,
      });
      if (result.outcome === 'added') {
        const meeting = meetingPaths.meeting.href({ childId, meetingId }, { notice: 'added-to-plan' });
        return reply.redirect(`${meeting}#actions`, 303);
      }
      if (result.outcome === 'not_found') return notFound(reply);
      const found = await call(request, actionForPlan, childId, meetingId, actionId);
      if (!found) return notFound(reply);
      switch (result.outcome) {
        // Already in the plan: the page says where, and nothing changes.
        case 'already_in_plan':
          return render(reply, found, 200, {}, noErrors);
        case 'no_plan':
          return render(reply, found, 400, values, noErrors);
        case 'conflict':
          return render(reply, found, 409, values, noErrors, result.message);
        case 'invalid': {
          const issues = result.issues.map((issue) => ({ field: onPage(issue.field), message: issue.message }));
          return render(reply, found, 400, values, errorsFrom(issues));
        }
      }
    },
  );
}
