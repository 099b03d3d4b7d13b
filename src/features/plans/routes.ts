/**
 * The plan's pages: the child's plans, start a plan (from the mapping when there is one), add
 * or change a goal or an action, record that it was agreed, record a review, record someone's
 * agreement, and the family's and the child's versions (with a PDF). Every form is a GOV.UK
 * question page: checked on the server, shown again with what was typed when it is wrong.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { checkLanguage } from '../language/index.js';
import { glossaryFor } from '../language/index.js';
import { ageInYears, childVersionOf, familyVersionOf, familyVersionText } from './family-version.js';
import { plansPaths } from './paths.js';
import { familyPlanPdf } from './pdf.js';
import {
  actionStatuses,
  dateInWords,
  ownerCircles,
  sourceInWords,
  statusInWords,
  todayInUk,
  withoutAction,
  withoutGoal,
  type PlanAction,
  type PlanActionSource,
  type PlanContent,
  type PlanGoal,
} from './plan-rules.js';
import { renderProgressChart } from './progress-chart.js';
import { agreementResponses, planKinds } from './schema.js';
import {
  agreePlan,
  changePlan,
  familyPlan,
  plansForChild,
  recordAgreement,
  recordReview,
  sharePlanWithFamily,
  startingPoint,
  startPlan,
  viewPlan,
  type ChildForPlans,
  type PlanView,
} from './service.js';
import {
  actionSchema,
  agreementResponseNames,
  agreementSchema,
  dateFrom,
  goalSchema,
  ownerCircleNames,
  planKindNames,
  reasonSchema,
  reviewSchema,
  startPlanSchema,
} from './validation.js';

type Params = { childId: string; planId: string };
type Body = Record<string, unknown>;
const view = { permission: 'child_record.view' } as const;
const change = { permission: 'child_record.change' } as const;
const SOMEONE_ELSE = 'someone-else';
/** How many people's scores a review form has room for. */
const REVIEW_PEOPLE = 4;

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const childName = (child: ChildForPlans) => child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;
const header = (child: ChildForPlans) => ({
  child: { fullName: child.fullName, knownAs: child.knownAs, reference: child.reference },
  recordNavigation: childRecordNavigation(child.id, 'plans'),
});
const text = (body: Body, name: string) => cleanText(body[name]);
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((item) => cleanText(item));
const splitDate = (iso: string | null | undefined) => {
  const [year, month, day] = (iso ?? '').split('-');
  return { day: day ? String(Number(day)) : '', month: month ? String(Number(month)) : '', year: year ?? '' };
};
const datePart = (body: Body, prefix: string) => ({
  day: text(body, `${prefix}-day`),
  month: text(body, `${prefix}-month`),
  year: text(body, `${prefix}-year`),
});
function addError(errors: FormErrors, field: string, message: string, href = field): FormErrors {
  if (errors.fieldErrors[field]) return errors;
  return {
    errorList: [...errors.errorList, { text: message, href: `#${href}` }],
    fieldErrors: { ...errors.fieldErrors, [field]: { text: message } },
  };
}
/** A date as typed, in words when it is a real date. */
function dateTyped(day = '', month = '', year = ''): string {
  const parsed = dateFrom(day, month, year, 'the date', true);
  return parsed.ok ? dateInWords(parsed.value) : `${day}/${month}/${year}`;
}
function notFound(reply: FastifyReply) {
  reply.callNotFound();
  return reply;
}

export function registerPlansRoutes(app: FastifyInstance, database: Database): void {
  // ---- The child's plans ---------------------------------------------------------------------
  app.get<{ Params: { childId: string } }>(
    plansPaths.listPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await plansForChild(database, request.actor!, childId, requestSource(request));
      if (!found) return notFound(reply);
      const staff = request.actor!.kind === 'staff';
      return reply.render('plans/views/plans.njk', {
        pageTitle: `${childName(found.child)}’s plans`,
        ...header(found.child),
        recordHeading: 'Plans',
        childName: childName(found.child),
        mayStart: staff,
        newHref: plansPaths.new(childId),
        plans: found.plans.map((plan) => ({
          title: plan.title,
          href: staff ? plansPaths.plan(childId, plan.id) : plansPaths.family(childId, plan.id),
          kind: planKindNames[plan.kind],
          starts: dateInWords(plan.startsOn),
          status: plan.status === 'agreed' ? `Agreed on ${dateInWords(plan.agreedOn)}` : 'Being written',
          agreed: plan.status === 'agreed',
          overdueActions: plan.overdueActions,
          reviewOverdue: plan.reviewOverdue,
        })),
        hasMapping: found.mapping !== null,
      });
    },
  );

  // ---- Start a plan --------------------------------------------------------------------------
  const renderStart = async (
    request: FastifyRequest<{ Params: { childId: string } }>,
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const start = await startingPoint(database, request.actor!, request.params.childId, requestSource(request));
    if (!start) return notFound(reply);
    return reply.status(status).render('plans/views/start.njk', {
      pageTitle: 'Start a plan',
      childName: childName(start.child),
      backHref: plansPaths.list(request.params.childId),
      action: plansPaths.new(request.params.childId),
      kinds: planKinds.map((kind) => ({ value: kind, text: planKindNames[kind], checked: values.kind === kind })),
      mapping: start.mapping
        ? {
            title: start.mapping.title,
            heldOn: dateInWords(start.mapping.heldOn),
            safetyGoals: start.mapping.safetyGoals.map((goal) => goal.statement),
            nextSteps: start.mapping.nextSteps.map((step) => step.statement),
          }
        : null,
      values,
      ...errors,
    });
  };

  app.get<{ Params: { childId: string } }>(
    plansPaths.newPattern,
    { config: { access: change } },
    async (request, reply) => {
      const today = splitDate(todayInUk());
      return renderStart(
        request,
        reply,
        200,
        { startsOnDay: today.day, startsOnMonth: today.month, startsOnYear: today.year, fromMapping: 'yes' },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    plansPaths.newPattern,
    { config: { access: change } },
    async (request, reply) => {
      const body = request.body ?? {};
      const starts = datePart(body, 'startsOn');
      const review = datePart(body, 'reviewBy');
      const values = {
        kind: text(body, 'kind'),
        title: text(body, 'title'),
        startsOnDay: starts.day,
        startsOnMonth: starts.month,
        startsOnYear: starts.year,
        reviewByDay: review.day,
        reviewByMonth: review.month,
        reviewByYear: review.year,
        support: text(body, 'support'),
        fromMapping: text(body, 'fromMapping'),
      };
      const startsOn = dateFrom(starts.day, starts.month, starts.year, 'the date the plan starts', true);
      const reviewBy = dateFrom(review.day, review.month, review.year, 'the date of the first review', false);
      const parsed = startPlanSchema.safeParse({
        kind: values.kind,
        title: values.title,
        startsOn: startsOn.ok ? startsOn.value : '2000-01-01',
        reviewBy: reviewBy.ok ? reviewBy.value : null,
        support: values.support,
        fromMapping: values.fromMapping === 'yes',
      });
      let errors = parsed.success ? noErrors : formErrorsFrom(parsed.error, { kind: 'kind' });
      if (!startsOn.ok) errors = addError(errors, 'startsOn', startsOn.message, 'startsOn-day');
      if (!reviewBy.ok) errors = addError(errors, 'reviewBy', reviewBy.message, 'reviewBy-day');
      if (startsOn.ok && reviewBy.ok && reviewBy.value && startsOn.value && reviewBy.value < startsOn.value) {
        errors = addError(
          errors,
          'reviewBy',
          'The first review must be on or after the day the plan starts',
          'reviewBy-day',
        );
      }
      if (!parsed.success || errors.errorList.length > 0) return renderStart(request, reply, 400, values, errors);
      const result = await startPlan(
        database,
        request.actor!,
        request.params.childId,
        parsed.data,
        requestSource(request),
      );
      if (result.outcome === 'not_found') return notFound(reply);
      return reply.redirect(`${plansPaths.plan(request.params.childId, result.planId)}?notice=started`, 303);
    },
  );

  // ---- One plan --------------------------------------------------------------------------------
  app.get<{ Params: Params; Querystring: { notice?: string } }>(
    plansPaths.planPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      if (request.actor!.kind !== 'staff') return reply.redirect(plansPaths.family(childId, planId), 303);
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request));
      if (!found) return notFound(reply);
      const mayChange = request.actor!.roles.some((role) =>
        ['practitioner', 'team_manager', 'fgc_coordinator'].includes(role),
      );
      return reply.render('plans/views/plan.njk', {
        pageTitle: found.plan.title,
        ...header(found.child),
        recordHeading: found.plan.title,
        ...planPage(found, childId, planId, mayChange),
        notice: noticeText[request.query.notice ?? ''] ?? null,
      });
    },
  );

  // ---- Goals ---------------------------------------------------------------------------------
  const renderGoal = (
    reply: FastifyReply,
    found: PlanView,
    goal: PlanGoal | null,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    conflict?: { theirs: PlanContent; author: string; reason: string | null },
  ) => {
    const { child, plan } = found;
    const linked = new Set((values.worryIds as string[] | undefined) ?? []);
    const worries = [
      ...found.worries.map((worry) => ({ id: worry.id, statement: worry.statement })),
      ...(goal?.worries ?? []).filter((worry) => !found.worries.some((candidate) => candidate.id === worry.id)),
    ];
    const theirGoal = conflict && goal ? conflict.theirs.goals.find((candidate) => candidate.id === goal.id) : null;
    return reply.status(status).render('plans/views/goal.njk', {
      pageTitle: conflict ? 'Someone else changed this plan' : goal ? 'Change a goal' : 'Add a goal',
      heading: goal ? 'Change a goal' : 'Add a goal',
      planTitle: plan.title,
      childName: childName(child),
      backHref: plansPaths.plan(child.id, plan.id),
      action: goal ? plansPaths.goal(child.id, plan.id, goal.id) : plansPaths.newGoal(child.id, plan.id),
      worries: worries.map((worry) => ({ value: worry.id, text: worry.statement, checked: linked.has(worry.id) })),
      needsReason: plan.status === 'agreed',
      canTakeOut: goal !== null,
      conflict: conflict
        ? {
            author: conflict.author,
            reason: conflict.reason,
            theirs: theirGoal
              ? [theirGoal.goalInFamilyWords, theirGoal.professionalWording ?? '']
              : goal
                ? null
                : ['', ''],
            yours: [values.goalInFamilyWords, values.professionalWording],
          }
        : null,
      values,
      ...errors,
    });
  };

  const goalValues = (body: Body) => ({
    goalInFamilyWords: text(body, 'goalInFamilyWords'),
    professionalWording: text(body, 'professionalWording'),
    worryIds: list(body.worryIds).filter((id) => id !== ''),
    reason: text(body, 'reason'),
    expectedVersion: text(body, 'expectedVersion'),
  });

  app.get<{ Params: Params }>(plansPaths.newGoalPattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    if (!found) return notFound(reply);
    return renderGoal(reply, found, null, 200, { expectedVersion: String(found.plan.version), worryIds: [] }, noErrors);
  });

  app.get<{ Params: Params & { goalId: string } }>(
    plansPaths.goalPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, planId, goalId } = request.params;
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      const goal = found?.content.goals.find((candidate) => candidate.id === goalId);
      if (!found || !goal) return notFound(reply);
      return renderGoal(
        reply,
        found,
        goal,
        200,
        {
          goalInFamilyWords: goal.goalInFamilyWords,
          professionalWording: goal.professionalWording ?? '',
          worryIds: goal.worries.map((worry) => worry.id),
          expectedVersion: String(found.plan.version),
        },
        noErrors,
      );
    },
  );

  const saveGoal = async (
    request: FastifyRequest<{ Params: Params & { goalId?: string }; Body: Body }>,
    reply: FastifyReply,
  ) => {
    const { childId, planId } = request.params;
    const goalId = request.params.goalId ?? null;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    const existing = goalId ? found?.content.goals.find((candidate) => candidate.id === goalId) : null;
    if (!found || (goalId && !existing)) return notFound(reply);
    const values = goalValues(request.body ?? {});
    const takeOut = goalId !== null && request.body?.takeOut === 'yes';
    const parsed = goalSchema.safeParse(values);
    const reason = reasonSchema.safeParse(values.reason);
    let errors = parsed.success || takeOut ? noErrors : formErrorsFrom(parsed.error);
    if (!reason.success) errors = addError(errors, 'reason', reason.error.issues[0]!.message);
    if (takeOut && reason.success) {
      const result = await changePlan(
        database,
        request.actor!,
        childId,
        planId,
        {
          expectedVersion: Number(values.expectedVersion),
          reason: values.reason,
          what: 'goal_taken_out',
          edit: (content) => withoutGoal(content, goalId),
        },
        requestSource(request),
      );
      return afterChange(reply, result, found, values, (status, shownValues, shownErrors, conflict) =>
        renderGoal(reply, found, existing ?? null, status, shownValues, shownErrors, conflict),
      );
    }
    if (!parsed.success || !reason.success) return renderGoal(reply, found, existing ?? null, 400, values, errors);
    const worryWords = new Map(
      [...found.worries, ...(existing?.worries ?? [])].map((worry) => [worry.id, worry.statement]),
    );
    const newId = randomUUID();
    const result = await changePlan(
      database,
      request.actor!,
      childId,
      planId,
      {
        expectedVersion: Number(values.expectedVersion),
        reason: values.reason,
        what: goalId ? 'goal_changed' : 'goal_added',
        edit: (content) => {
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
        },
      },
      requestSource(request),
    );
    return afterChange(reply, result, found, values, (status, shownValues, shownErrors, conflict) =>
      renderGoal(reply, found, existing ?? null, status, shownValues, shownErrors, conflict),
    );
  };
  app.post<{ Params: Params; Body: Body }>(plansPaths.newGoalPattern, { config: { access: change } }, saveGoal);
  app.post<{ Params: Params & { goalId: string }; Body: Body }>(
    plansPaths.goalPattern,
    { config: { access: change } },
    saveGoal,
  );

  // ---- Actions -------------------------------------------------------------------------------
  const renderAction = (
    reply: FastifyReply,
    found: PlanView,
    existing: PlanAction | null,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
    conflict?: { theirs: PlanContent; author: string; reason: string | null },
  ) => {
    const { child, plan } = found;
    const theirAction =
      conflict && existing ? conflict.theirs.actions.find((candidate) => candidate.id === existing.id) : null;
    return reply.status(status).render('plans/views/action.njk', {
      pageTitle: conflict ? 'Someone else changed this plan' : existing ? 'Change an action' : 'Add an action',
      heading: existing ? 'Change an action' : 'Add an action',
      planTitle: plan.title,
      childName: childName(child),
      backHref: plansPaths.plan(child.id, plan.id),
      action: existing ? plansPaths.action(child.id, plan.id, existing.id) : plansPaths.newAction(child.id, plan.id),
      owners: [
        { value: '', text: 'Choose someone' },
        ...found.owners.map((owner) => ({
          value: owner.personId,
          text: `${owner.name}, ${ownerCircleNames[owner.circle]}`,
          selected: values.owner === owner.personId,
        })),
        { value: SOMEONE_ELSE, text: 'Someone else', selected: values.owner === SOMEONE_ELSE },
      ],
      circles: ownerCircles.map((circle) => ({
        value: circle,
        text: ownerCircleNames[circle],
        checked: values.ownerCircle === circle,
      })),
      goals: [
        { value: '', text: 'The whole plan' },
        ...plan.goals.map((goal) => ({
          value: goal.id,
          text: goal.goalInFamilyWords,
          selected: values.goalId === goal.id,
        })),
      ],
      statuses: actionStatuses.map((value) => ({
        value,
        text: statusInWords(value),
        checked: values.status === value,
      })),
      needsReason: plan.status === 'agreed',
      canTakeOut: existing !== null,
      source: existing?.fromMeeting ? meetingSource(child.id, existing.fromMeeting) : null,
      conflict: conflict
        ? {
            author: conflict.author,
            reason: conflict.reason,
            rows: theirAction
              ? [
                  ['What will happen', theirAction.whatWillHappen, values.whatWillHappen],
                  ['Who will do it', theirAction.ownerName, ownerLabel(found, values)],
                  [
                    'By when',
                    dateInWords(theirAction.dueOn),
                    dateTyped(values.dueOnDay, values.dueOnMonth, values.dueOnYear),
                  ],
                  [
                    'Where it has got to',
                    statusInWords(theirAction.status),
                    (actionStatuses as readonly string[]).includes(values.status ?? '')
                      ? statusInWords(values.status as (typeof actionStatuses)[number])
                      : '',
                  ],
                ]
              : null,
          }
        : null,
      values,
      ...errors,
    });
  };
  const ownerLabel = (found: PlanView, values: Record<string, string>) =>
    values.owner === SOMEONE_ELSE
      ? (values.ownerName ?? '')
      : (found.owners.find((owner) => owner.personId === values.owner)?.name ?? '');

  const actionValues = (body: Body) => {
    const due = datePart(body, 'dueOn');
    return {
      whatWillHappen: text(body, 'whatWillHappen'),
      owner: text(body, 'owner'),
      ownerName: text(body, 'ownerName'),
      ownerCircle: text(body, 'ownerCircle'),
      dueOnDay: due.day,
      dueOnMonth: due.month,
      dueOnYear: due.year,
      status: text(body, 'status') || 'not_started',
      goalId: text(body, 'goalId'),
      reason: text(body, 'reason'),
      expectedVersion: text(body, 'expectedVersion'),
    };
  };

  app.get<{ Params: Params }>(plansPaths.newActionPattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    if (!found) return notFound(reply);
    return renderAction(
      reply,
      found,
      null,
      200,
      { status: 'not_started', expectedVersion: String(found.plan.version) },
      noErrors,
    );
  });

  app.get<{ Params: Params & { actionId: string } }>(
    plansPaths.actionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, planId, actionId } = request.params;
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      const existing = found?.content.actions.find((candidate) => candidate.id === actionId);
      if (!found || !existing) return notFound(reply);
      const due = splitDate(existing.dueOn);
      const inNetwork =
        existing.ownerPersonId && found.owners.some((owner) => owner.personId === existing.ownerPersonId);
      return renderAction(
        reply,
        found,
        existing,
        200,
        {
          whatWillHappen: existing.whatWillHappen,
          owner: inNetwork ? (existing.ownerPersonId ?? '') : SOMEONE_ELSE,
          ownerName: inNetwork ? '' : existing.ownerName,
          ownerCircle: existing.ownerCircle,
          dueOnDay: due.day,
          dueOnMonth: due.month,
          dueOnYear: due.year,
          status: existing.status,
          goalId: existing.goalId ?? '',
          expectedVersion: String(found.plan.version),
        },
        noErrors,
      );
    },
  );

  const saveAction = async (
    request: FastifyRequest<{ Params: Params & { actionId?: string }; Body: Body }>,
    reply: FastifyReply,
  ) => {
    const { childId, planId } = request.params;
    const actionId = request.params.actionId ?? null;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    const existing = actionId ? found?.content.actions.find((candidate) => candidate.id === actionId) : null;
    if (!found || (actionId && !existing)) return notFound(reply);
    const values = actionValues(request.body ?? {});
    if (actionId !== null && request.body?.takeOut === 'yes') {
      const reasonGiven = reasonSchema.safeParse(values.reason);
      if (!reasonGiven.success) {
        return renderAction(
          reply,
          found,
          existing ?? null,
          400,
          values,
          addError(noErrors, 'reason', reasonGiven.error.issues[0]!.message),
        );
      }
      const result = await changePlan(
        database,
        request.actor!,
        childId,
        planId,
        {
          expectedVersion: Number(values.expectedVersion),
          reason: values.reason,
          what: 'action_taken_out',
          edit: (content) => withoutAction(content, actionId),
        },
        requestSource(request),
      );
      return afterChange(reply, result, found, values, (status, shownValues, shownErrors, conflict) =>
        renderAction(
          reply,
          found,
          existing ?? null,
          status,
          shownValues as Record<string, string>,
          shownErrors,
          conflict,
        ),
      );
    }
    const dueOn = dateFrom(values.dueOnDay, values.dueOnMonth, values.dueOnYear, 'the date this will be done by', true);
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
    const reason = reasonSchema.safeParse(values.reason);
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
    if (!dueOn.ok) errors = addError(errors, 'dueOn', dueOn.message, 'dueOn-day');
    if (!reason.success) errors = addError(errors, 'reason', reason.error.issues[0]!.message);
    if (!parsed.success || errors.errorList.length > 0) {
      return renderAction(reply, found, existing ?? null, 400, values, errors);
    }
    const newId = randomUUID();
    const result = await changePlan(
      database,
      request.actor!,
      childId,
      planId,
      {
        expectedVersion: Number(values.expectedVersion),
        reason: values.reason,
        what: actionId ? 'action_changed' : 'action_added',
        edit: (content) => {
          const next: PlanAction = {
            id: actionId ?? newId,
            ...parsed.data,
            // Only one of this plan's goals, as it stands now.
            goalId: content.goals.some((goal) => goal.id === parsed.data.goalId) ? parsed.data.goalId : null,
            fromNextStepId: existing?.fromNextStepId ?? null,
            fromMeeting: existing?.fromMeeting ?? null,
          };
          if (!actionId) return { ...content, actions: [...content.actions, next] };
          if (!content.actions.some((candidate) => candidate.id === actionId))
            return 'This action is no longer in the plan';
          return {
            ...content,
            actions: content.actions.map((candidate) => (candidate.id === actionId ? next : candidate)),
          };
        },
      },
      requestSource(request),
    );
    return afterChange(reply, result, found, values, (status, shownValues, shownErrors, conflict) =>
      // What afterChange passes back is what was typed (strings) with the newer version number.
      renderAction(
        reply,
        found,
        existing ?? null,
        status,
        shownValues as Record<string, string>,
        shownErrors,
        conflict,
      ),
    );
  };
  app.post<{ Params: Params; Body: Body }>(plansPaths.newActionPattern, { config: { access: change } }, saveAction);
  app.post<{ Params: Params & { actionId: string }; Body: Body }>(
    plansPaths.actionPattern,
    { config: { access: change } },
    saveAction,
  );

  // ---- Share with the family, and the plan's details ---------------------------------------
  app.post<{ Params: Params }>(plansPaths.sharePattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const outcome = await sharePlanWithFamily(database, request.actor!, childId, planId, requestSource(request));
    if (outcome === 'not_found') return notFound(reply);
    return reply.redirect(`${plansPaths.plan(childId, planId)}?notice=shared`, 303);
  });

  const renderDetails = (
    reply: FastifyReply,
    found: PlanView,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
    conflict?: { theirs: PlanContent; author: string; reason: string | null },
  ) =>
    reply.status(status).render('plans/views/details.njk', {
      pageTitle: conflict ? 'Someone else changed this plan' : 'Change the plan’s details',
      planTitle: found.plan.title,
      backHref: plansPaths.plan(found.child.id, found.plan.id),
      action: plansPaths.details(found.child.id, found.plan.id),
      needsReason: found.plan.status === 'agreed',
      conflict: conflict
        ? {
            author: conflict.author,
            reason: conflict.reason,
            rows: [
              ['Name of the plan', conflict.theirs.title, values.title ?? ''],
              [
                'Starts',
                dateInWords(conflict.theirs.startsOn),
                dateTyped(values.startsOnDay, values.startsOnMonth, values.startsOnYear),
              ],
              [
                'Next review by',
                dateInWords(conflict.theirs.reviewBy),
                dateTyped(values.reviewByDay, values.reviewByMonth, values.reviewByYear),
              ],
              ['Support the family will get', conflict.theirs.support ?? '', values.support ?? ''],
            ],
          }
        : null,
      values,
      ...errors,
    });

  app.get<{ Params: Params }>(plansPaths.detailsPattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    if (!found) return notFound(reply);
    const starts = splitDate(found.content.startsOn);
    const review = splitDate(found.content.reviewBy);
    return renderDetails(
      reply,
      found,
      200,
      {
        title: found.content.title,
        startsOnDay: starts.day,
        startsOnMonth: starts.month,
        startsOnYear: starts.year,
        reviewByDay: review.day,
        reviewByMonth: review.month,
        reviewByYear: review.year,
        support: found.content.support ?? '',
        expectedVersion: String(found.plan.version),
      },
      noErrors,
    );
  });

  app.post<{ Params: Params; Body: Body }>(
    plansPaths.detailsPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body ?? {};
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      if (!found) return notFound(reply);
      const starts = datePart(body, 'startsOn');
      const review = datePart(body, 'reviewBy');
      const values = {
        title: text(body, 'title'),
        startsOnDay: starts.day,
        startsOnMonth: starts.month,
        startsOnYear: starts.year,
        reviewByDay: review.day,
        reviewByMonth: review.month,
        reviewByYear: review.year,
        support: text(body, 'support'),
        reason: text(body, 'reason'),
        expectedVersion: text(body, 'expectedVersion'),
      };
      const startsOn = dateFrom(starts.day, starts.month, starts.year, 'the date the plan starts', true);
      const reviewBy = dateFrom(review.day, review.month, review.year, 'the date of the next review', false);
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
      if (!parsed.success || errors.errorList.length > 0) return renderDetails(reply, found, 400, values, errors);
      const result = await changePlan(
        database,
        request.actor!,
        childId,
        planId,
        {
          expectedVersion: Number(values.expectedVersion),
          reason: values.reason,
          what: 'details_changed',
          edit: (content) => ({
            ...content,
            title: parsed.data.title,
            startsOn: parsed.data.startsOn,
            reviewBy: parsed.data.reviewBy,
            support: parsed.data.support,
          }),
        },
        requestSource(request),
      );
      return afterChange(reply, result, found, values, (status, shownValues, shownErrors, conflict) =>
        renderDetails(reply, found, status, shownValues as Record<string, string>, shownErrors, conflict),
      );
    },
  );

  // ---- Agreed ------------------------------------------------------------------------------
  const renderAgree = (
    reply: FastifyReply,
    found: PlanView,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('plans/views/agree.njk', {
      pageTitle: 'Record that the plan was agreed',
      planTitle: found.plan.title,
      childName: childName(found.child),
      backHref: plansPaths.plan(found.child.id, found.plan.id),
      action: plansPaths.agree(found.child.id, found.plan.id),
      values,
      ...errors,
    });

  app.get<{ Params: Params }>(plansPaths.agreePattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    if (!found) return notFound(reply);
    const today = splitDate(todayInUk());
    return renderAgree(
      reply,
      found,
      200,
      {
        agreedOnDay: today.day,
        agreedOnMonth: today.month,
        agreedOnYear: today.year,
        shareWithFamily: true,
        expectedVersion: String(found.plan.version),
      },
      noErrors,
    );
  });

  app.post<{ Params: Params; Body: Body }>(
    plansPaths.agreePattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body ?? {};
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      if (!found) return notFound(reply);
      const on = datePart(body, 'agreedOn');
      const values = {
        agreedOnDay: on.day,
        agreedOnMonth: on.month,
        agreedOnYear: on.year,
        shareWithFamily: body.shareWithFamily === 'yes',
        expectedVersion: text(body, 'expectedVersion'),
      };
      const agreedOn = dateFrom(on.day, on.month, on.year, 'the date the plan was agreed', true);
      if (!agreedOn.ok) {
        return renderAgree(reply, found, 400, values, addError(noErrors, 'agreedOn', agreedOn.message, 'agreedOn-day'));
      }
      const outcome = await agreePlan(
        database,
        request.actor!,
        childId,
        planId,
        {
          agreedOn: agreedOn.value!,
          expectedVersion: Number(values.expectedVersion),
          shareWithFamily: values.shareWithFamily,
        },
        requestSource(request),
      );
      if (outcome === 'not_found') return notFound(reply);
      if (outcome === 'before_start') {
        const message = `The plan cannot be agreed before it starts (${dateInWords(found.plan.startsOn)})`;
        return renderAgree(reply, found, 400, values, addError(noErrors, 'agreedOn', message, 'agreedOn-day'));
      }
      if (outcome === 'conflict') {
        const message =
          'Someone changed the plan since you opened this page. Read the plan again, then record that it was agreed';
        return renderAgree(
          reply,
          found,
          409,
          { ...values, expectedVersion: String(found.plan.version) },
          addError(noErrors, 'agreedOn', message, 'agreedOn-day'),
        );
      }
      return reply.redirect(`${plansPaths.plan(childId, planId)}?notice=agreed`, 303);
    },
  );

  // ---- Reviews -------------------------------------------------------------------------------
  const renderReview = (
    reply: FastifyReply,
    found: PlanView,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const people = Array.from({ length: REVIEW_PEOPLE }, (_, index) => ({
      name: `person${index}`,
      label: `Person ${index + 1}`,
      value: values[`person${index}`] ?? '',
    }));
    return reply.status(status).render('plans/views/review.njk', {
      pageTitle: 'Record a review',
      planTitle: found.plan.title,
      childName: childName(found.child),
      backHref: plansPaths.plan(found.child.id, found.plan.id),
      action: plansPaths.newReview(found.child.id, found.plan.id),
      people,
      goals: found.content.goals.map((goal, goalIndex) => ({
        goalInFamilyWords: goal.goalInFamilyWords,
        scores: people.map((person, personIndex) => {
          const name = `score-${goalIndex}-${personIndex}`;
          return { name, label: `${person.label}’s score for goal ${goalIndex + 1}`, value: values[name] ?? '' };
        }),
      })),
      values,
      ...errors,
    });
  };

  app.get<{ Params: Params }>(plansPaths.newReviewPattern, { config: { access: change } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
      forChange: true,
    });
    if (!found) return notFound(reply);
    const today = splitDate(todayInUk());
    return renderReview(
      reply,
      found,
      200,
      { heldOnDay: today.day, heldOnMonth: today.month, heldOnYear: today.year },
      noErrors,
    );
  });

  app.post<{ Params: Params; Body: Body }>(
    plansPaths.newReviewPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body ?? {};
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request), {
        forChange: true,
      });
      if (!found) return notFound(reply);
      const held = datePart(body, 'heldOn');
      const next = datePart(body, 'nextReviewBy');
      const values: Record<string, string> = {
        heldOnDay: held.day,
        heldOnMonth: held.month,
        heldOnYear: held.year,
        nextReviewByDay: next.day,
        nextReviewByMonth: next.month,
        nextReviewByYear: next.year,
        whoCame: text(body, 'whoCame'),
        whatHasChanged: text(body, 'whatHasChanged'),
        whatHasBeenAchieved: text(body, 'whatHasBeenAchieved'),
        decisions: text(body, 'decisions'),
      };
      let errors: FormErrors = noErrors;
      const scores: { goalId: string; personName: string; score: number }[] = [];
      for (let person = 0; person < REVIEW_PEOPLE; person += 1)
        values[`person${person}`] = text(body, `person${person}`);
      found.content.goals.forEach((goal, goalIndex) => {
        for (let person = 0; person < REVIEW_PEOPLE; person += 1) {
          const name = `score-${goalIndex}-${person}`;
          const typed = text(body, name).trim();
          values[name] = typed;
          if (typed === '') continue;
          const personName = values[`person${person}`]!.trim();
          if (!/^(10|[0-9])$/.test(typed)) {
            errors = addError(
              errors,
              name,
              `Enter a whole number from 0 to 10 for Person ${person + 1}’s score for goal ${goalIndex + 1}`,
            );
          } else if (personName === '') {
            errors = addError(errors, `person${person}`, `Enter the name of Person ${person + 1}, who gave a score`);
          } else {
            scores.push({ goalId: goal.id, personName, score: Number(typed) });
          }
        }
      });
      const heldOn = dateFrom(held.day, held.month, held.year, 'the date of the review', true);
      const nextReviewBy = dateFrom(next.day, next.month, next.year, 'the date of the next review', false);
      const parsed = reviewSchema.safeParse({
        heldOn: heldOn.ok ? heldOn.value : '2000-01-01',
        whoCame: values.whoCame,
        scores,
        whatHasChanged: values.whatHasChanged,
        whatHasBeenAchieved: values.whatHasBeenAchieved,
        decisions: values.decisions,
        nextReviewBy: nextReviewBy.ok ? nextReviewBy.value : null,
      });
      if (!heldOn.ok) errors = addError(errors, 'heldOn', heldOn.message, 'heldOn-day');
      if (!parsed.success) {
        const fromSchema = formErrorsFrom(parsed.error);
        errors = {
          errorList: [...errors.errorList, ...fromSchema.errorList],
          fieldErrors: { ...fromSchema.fieldErrors, ...errors.fieldErrors },
        };
      }
      if (!nextReviewBy.ok) errors = addError(errors, 'nextReviewBy', nextReviewBy.message, 'nextReviewBy-day');
      if (heldOn.ok && nextReviewBy.ok && nextReviewBy.value && heldOn.value && nextReviewBy.value <= heldOn.value) {
        errors = addError(errors, 'nextReviewBy', 'The next review must be after this one', 'nextReviewBy-day');
      }
      if (!parsed.success || errors.errorList.length > 0) return renderReview(reply, found, 400, values, errors);
      const result = await recordReview(database, request.actor!, childId, planId, parsed.data, requestSource(request));
      if (result.outcome === 'not_found') return notFound(reply);
      if (result.outcome === 'too_early') {
        return renderReview(reply, found, 400, values, addError(noErrors, 'heldOn', result.message, 'heldOn-day'));
      }
      return reply.redirect(`${plansPaths.plan(childId, planId)}?notice=reviewed#reviews`, 303);
    },
  );

  // ---- Family version, PDF, child's version ------------------------------------------------
  const familyOf = (found: PlanView) =>
    familyVersionOf(found.content, childName(found.child), {
      achieved: found.reviews.map((review) => ({ heldOn: review.heldOn, text: review.whatHasBeenAchieved })),
      changesSinceAgreed: found.changesSinceAgreed,
    });

  app.get<{ Params: Params; Querystring: { notice?: string } }>(
    plansPaths.familyPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const actor = request.actor!;
      const found = await familyPlan(database, actor, childId, planId, requestSource(request));
      if (!found) return notFound(reply);
      const version = familyOf(found);
      const staff = actor.kind === 'staff';
      const check = staff
        ? checkLanguage(familyVersionText(version), {
            audience: 'family',
            glossary: (await glossaryFor(database, actor.tenantId)).glossary,
            childName: childName(found.child),
          })
        : null;
      return reply.render('plans/views/family.njk', {
        pageTitle: `${version.title}: the family version`,
        version,
        staff,
        shared: found.plan.sharedWithFamily,
        agreed: found.plan.status === 'agreed',
        status:
          found.plan.status === 'agreed'
            ? `Agreed on ${dateInWords(found.plan.agreedOn)}`
            : 'This plan is still being written together. Tell us what you think.',
        backHref: staff ? plansPaths.plan(childId, planId) : plansPaths.list(childId),
        pdfHref: plansPaths.familyPdf(childId, planId),
        forChildHref: plansPaths.forChild(childId, planId),
        agreementHref: plansPaths.agreement(childId, planId),
        language: check
          ? {
              readingAge: check.readability.readingAge,
              target: check.readability.target,
              withinTarget: check.readability.withinTarget,
              findings: check.findings.slice(0, 20).map((finding) => ({
                matched: finding.matched,
                why: finding.why,
                alternatives: finding.alternatives.join(', '),
              })),
              more: Math.max(0, check.findings.length - 20),
            }
          : null,
        agreements: found.agreements
          .filter((agreement) => staff || agreement.personId === actor.personId)
          .map((agreement) => ({
            who: agreement.personName,
            response: agreementResponseNames[agreement.response],
            words: agreement.inTheirWords,
            when: timeFormat.format(agreement.recordedAt),
          })),
        notice: noticeText[request.query.notice ?? ''] ?? null,
      });
    },
  );

  app.get<{ Params: Params }>(plansPaths.familyPdfPattern, { config: { access: view } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await familyPlan(database, request.actor!, childId, planId, requestSource(request), { part: 'pdf' });
    if (!found) return notFound(reply);
    const pdf = await familyPlanPdf(familyOf(found), {
      childName: childName(found.child),
      council: request.actor!.councilName,
    });
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="plan-${planId.slice(0, 8)}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.get<{ Params: Params }>(plansPaths.forChildPattern, { config: { access: view } }, async (request, reply) => {
    const { childId, planId } = request.params;
    const found = await familyPlan(database, request.actor!, childId, planId, requestSource(request), {
      part: 'child',
    });
    if (!found) return notFound(reply);
    const name = childName(found.child);
    const achieved = found.reviews.flatMap((review) =>
      review.whatHasBeenAchieved ? [review.whatHasBeenAchieved] : [],
    );
    return reply.render('plans/views/for-child.njk', {
      pageTitle: `${name}’s plan`,
      childName: name,
      backHref: plansPaths.family(childId, planId),
      parts: childVersionOf(found.content, name, ageInYears(found.child.dateOfBirth, todayInUk()), achieved),
    });
  });

  // ---- Agreement -----------------------------------------------------------------------------
  const renderAgreement = async (
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const { childId, planId } = request.params;
    const actor = request.actor!;
    const staff = actor.kind === 'staff';
    const found = staff
      ? await viewPlan(database, actor, childId, planId, requestSource(request), { forChange: true })
      : await familyPlan(database, actor, childId, planId, requestSource(request), { part: 'agreement' });
    if (!found) return notFound(reply);
    return reply.status(status).render('plans/views/agreement.njk', {
      pageTitle: staff ? 'Record what someone thinks of the plan' : 'Tell us what you think of the plan',
      staff,
      planTitle: found.plan.title,
      backHref: plansPaths.family(childId, planId),
      action: plansPaths.agreement(childId, planId),
      people: [
        { value: '', text: 'Choose someone' },
        ...found.owners
          .filter((owner) => owner.circle === 'family')
          .map((owner) => ({ value: owner.personId, text: owner.name, selected: values.personId === owner.personId })),
      ],
      responses: agreementResponses.map((response) => ({
        value: response,
        text: staff
          ? agreementResponseNames[response]
          : {
              agree: 'I agree',
              agree_with_comments: 'I agree, and I want to say something',
              do_not_agree: 'I do not agree',
            }[response],
        checked: values.response === response,
      })),
      values,
      ...errors,
    });
  };

  app.get<{ Params: Params }>(plansPaths.agreementPattern, { config: { access: view } }, (request, reply) =>
    renderAgreement(request, reply, 200, {}, noErrors),
  );

  app.post<{ Params: Params; Body: Body }>(
    plansPaths.agreementPattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const body = request.body ?? {};
      const staff = request.actor!.kind === 'staff';
      const values = {
        personId: text(body, 'personId'),
        response: text(body, 'response'),
        inTheirWords: text(body, 'inTheirWords'),
      };
      const parsed = agreementSchema.safeParse(values);
      let errors = parsed.success ? noErrors : formErrorsFrom(parsed.error, { response: 'response' });
      if (staff && values.personId === '') errors = addError(errors, 'personId', 'Select who this is');
      if (!parsed.success || errors.errorList.length > 0) return renderAgreement(request, reply, 400, values, errors);
      const outcome = await recordAgreement(
        database,
        request.actor!,
        childId,
        planId,
        { ...parsed.data, personId: staff ? values.personId : null },
        requestSource(request),
      );
      if (outcome === 'not_found') return notFound(reply);
      if (outcome === 'unknown_person') {
        return renderAgreement(
          request,
          reply,
          400,
          values,
          addError(noErrors, 'personId', 'Select someone from the family'),
        );
      }
      return reply.redirect(`${plansPaths.family(childId, planId)}?notice=agreement`, 303);
    },
  );
}

const noticeText: Record<string, string> = {
  started: 'The plan has been started',
  saved: 'Your change has been saved',
  agreed: 'The plan has been recorded as agreed',
  reviewed: 'The review has been recorded',
  agreement: 'Thank you. What you think of the plan has been saved',
  shared: 'The family can now read the family version and say what they think of it',
};

type Render = (
  status: number,
  values: Record<string, unknown>,
  errors: FormErrors,
  conflict?: { theirs: PlanContent; author: string; reason: string | null },
) => unknown;

/** What every goal and action save does with the service's answer. */
function afterChange(
  reply: FastifyReply,
  result: Awaited<ReturnType<typeof changePlan>>,
  found: PlanView,
  values: Record<string, unknown>,
  render: Render,
) {
  switch (result.outcome) {
    case 'not_found':
      return notFound(reply);
    case 'saved':
      return reply.redirect(`${plansPaths.plan(found.child.id, found.plan.id)}?notice=saved`, 303);
    case 'unchanged':
      return render(
        400,
        values,
        addError(noErrors, 'form', 'Nothing has been changed. Change something, or go back', 'main-content'),
      );
    case 'invalid':
      return render(400, values, addError(noErrors, 'form', result.message, 'main-content'));
    case 'reason_needed':
      return render(400, values, addError(noErrors, 'reason', result.message));
    case 'conflict':
      // Both are shown; the form keeps what this person typed, ready to save over the newer
      // version once they have compared them. Nothing typed is lost.
      return render(409, { ...values, expectedVersion: String(result.theirVersion) }, noErrors, {
        theirs: result.theirs,
        author: result.theirAuthor,
        reason: result.theirReason,
      });
  }
}

/**
 * Where a plan action came from, in words, linking to the meeting's page (written out here: a
 * feature reaches another only through its service).
 */
function meetingSource(childId: string, source: PlanActionSource) {
  return {
    text: sourceInWords(source),
    href: `/children/${encodeURIComponent(childId)}/meetings/${encodeURIComponent(source.meetingId)}`,
  };
}

/** Everything the staff plan page shows, worked out here so the template holds no rules. */
function planPage(found: PlanView, childId: string, planId: string, mayChange: boolean) {
  const { plan, content } = found;
  const overdue = new Set(found.overdueActionIds);
  return {
    mayChange,
    summary: [
      { key: { text: 'Kind of plan' }, value: { text: planKindNames[plan.kind] } },
      { key: { text: 'Starts' }, value: { text: dateInWords(plan.startsOn) } },
      {
        key: { text: 'Next review by' },
        value: { text: `${dateInWords(plan.reviewBy)}${found.reviewOverdue ? ' (overdue)' : ''}` },
      },
      {
        key: { text: 'Where it is' },
        value: {
          text:
            plan.status === 'agreed'
              ? `Agreed on ${dateInWords(plan.agreedOn)}${plan.sharedWithFamily ? ', shared with the family' : ''}`
              : 'Being written with the family',
        },
      },
      { key: { text: 'Support the family will get' }, value: { text: content.support ?? 'Not written yet' } },
    ],
    reviewOverdue: found.reviewOverdue,
    agreed: plan.status === 'agreed',
    shared: plan.sharedWithFamily,
    goals: content.goals.map((goal, index) => ({
      number: index + 1,
      goalInFamilyWords: goal.goalInFamilyWords,
      professionalWording: goal.professionalWording,
      worries: goal.worries.map((worry) => worry.statement),
      fromMapping: goal.fromSafetyGoalId !== null,
      changeHref: plansPaths.goal(childId, planId, goal.id),
    })),
    actions: content.actions.map((action) => ({
      anchor: `action-${action.id}`,
      whatWillHappen: action.whatWillHappen,
      who: `${action.ownerName} (${ownerCircleNames[action.ownerCircle]})`,
      byWhen: dateInWords(action.dueOn),
      status: statusInWords(action.status),
      done: action.status === 'done',
      overdue: overdue.has(action.id),
      goal: content.goals.find((goal) => goal.id === action.goalId)?.goalInFamilyWords ?? 'The whole plan',
      source: action.fromMeeting ? meetingSource(childId, action.fromMeeting) : null,
      changeHref: plansPaths.action(childId, planId, action.id),
    })),
    progress: found.progress.map((goal, index) => ({
      goalInFamilyWords: goal.goalInFamilyWords,
      svg: renderProgressChart(goal, `progress-${index}`),
      rows: goal.points.map((point) => ({
        heldOn: dateInWords(point.heldOn),
        scores: point.scores.map((score) => `${score.personName}: ${score.score}`).join(', ') || 'No scores',
        average: point.average === null ? 'None' : String(point.average),
      })),
    })),
    reviews: [...found.reviews].reverse().map((review) => ({
      heldOn: dateInWords(review.heldOn),
      whoCame: review.whoCame,
      whatHasChanged: review.whatHasChanged,
      whatHasBeenAchieved: review.whatHasBeenAchieved,
      decisions: review.decisions,
    })),
    agreements: found.agreements.map((agreement) => ({
      who: agreement.personName,
      response: agreementResponseNames[agreement.response],
      words: agreement.inTheirWords,
      when: timeFormat.format(agreement.recordedAt),
      earlierVersion:
        agreement.planVersion < plan.version
          ? `About version ${agreement.planVersion}; the plan has changed since`
          : null,
    })),
    achieved: found.reviews
      .filter((review) => review.whatHasBeenAchieved !== null)
      .map((review) => ({ on: dateInWords(review.heldOn), text: review.whatHasBeenAchieved! })),
    changes: found.changesSinceAgreed
      ? {
          agreedOn: dateInWords(found.changesSinceAgreed.agreedOn),
          differences: found.changesSinceAgreed.differences,
          reasons: found.changesSinceAgreed.changes.map((change) => ({
            when: timeFormat.format(change.recordedAt),
            who: change.recordedByLabel,
            reason: change.reason ?? 'No reason needed (nothing expected of anyone changed)',
          })),
        }
      : null,
    versions: found.versions.map((version) => ({
      number: version.version,
      when: timeFormat.format(version.recordedAt),
      who: version.recordedByLabel,
      reason: version.reason,
    })),
    links: {
      newGoal: plansPaths.newGoal(childId, planId),
      newAction: plansPaths.newAction(childId, planId),
      agree: plansPaths.agree(childId, planId),
      share: plansPaths.share(childId, planId),
      details: plansPaths.details(childId, planId),
      newReview: plansPaths.newReview(childId, planId),
      family: plansPaths.family(childId, planId),
      forChild: plansPaths.forChild(childId, planId),
      agreement: plansPaths.agreement(childId, planId),
      list: plansPaths.list(childId),
    },
  };
}
