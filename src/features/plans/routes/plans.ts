/** The child's plans, starting a plan (from the mapping when there is one), one plan, and sharing it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { startForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { todayInUk } from '../plan-rules.js';
import { noticeFor, planPage, plansListPage } from '../presenters.js';
import { plansForChild, sharePlanWithFamily, startingPoint, startPlan, viewPlan } from '../service.js';
import {
  change,
  checkedPlanStart,
  dateShown,
  forFamilyAndChild,
  formShownWith,
  notFound,
  text,
  typedDate,
  view,
} from './forms.js';
import type { Body, PlanParams, PlansContext } from './forms.js';

type ChildParams = { childId: string };

export function registerPlanPages(app: FastifyInstance, { database }: PlansContext): void {
  app.get<{ Params: ChildParams }>(
    plansPaths.list.pattern,
    { config: { access: view, audit: 'plan.list', audiences: forFamilyAndChild } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await plansForChild(database, request.actor!, childId, requestSource(request));
      if (!found) return notFound(reply);
      return reply.render('plans/views/plans.njk', plansListPage(found, childId, request.actor!.kind === 'staff'));
    },
  );

  // ---- Start a plan --------------------------------------------------------------------------
  const showStart = formShownWith(
    (request: FastifyRequest<{ Params: ChildParams }>) =>
      startingPoint(database, request.actor!, request.params.childId, requestSource(request)),
    (start, request, values) => startForm(start, request.params.childId, values),
  );

  app.get<{ Params: ChildParams }>(
    plansPaths.new.pattern,
    { config: { access: change, audit: 'child_record.view' } },
    async (request, reply) => {
      const blank = { ...dateShown('startsOn', todayInUk()), fromMapping: 'yes' };
      return showStart(request, reply, 200, blank, noErrors);
    },
  );

  app.post<{ Params: ChildParams; Body: Body }>(
    plansPaths.new.pattern,
    { config: { access: change, audit: 'plan.start' } },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = {
        kind: text(body, 'kind'),
        title: text(body, 'title'),
        ...typedDate(body, 'startsOn'),
        ...typedDate(body, 'reviewBy'),
        support: text(body, 'support'),
        fromMapping: text(body, 'fromMapping'),
      };
      const { data, errors } = checkedPlanStart(
        values,
        { kind: values.kind, fromMapping: values.fromMapping === 'yes' },
        {
          label: 'the date of the first review',
          tooEarly: 'The first review must be on or after the day the plan starts',
        },
      );
      if (!data || errors.errorList.length > 0) return showStart(request, reply, 400, values, errors);
      const { childId } = request.params;
      const result = await startPlan(database, request.actor!, childId, data, requestSource(request));
      if (result.outcome === 'not_found') return notFound(reply);
      return reply.redirect(plansPaths.plan.href({ childId, planId: result.planId }, { notice: 'started' }), 303);
    },
  );

  // ---- One plan, and sharing it with the family ------------------------------------------------
  app.get<{ Params: PlanParams; Querystring: { notice?: string } }>(
    plansPaths.plan.pattern,
    { config: { access: view, audit: 'plan.view', audiences: forFamilyAndChild } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      if (request.actor!.kind !== 'staff') return reply.redirect(plansPaths.family.href({ childId, planId }), 303);
      const found = await viewPlan(database, request.actor!, childId, planId, requestSource(request));
      if (!found) return notFound(reply);
      const mayChange = request.actor!.roles.some((role) =>
        ['practitioner', 'team_manager', 'fgc_coordinator'].includes(role),
      );
      return reply.render('plans/views/plan.njk', {
        ...planPage(found, childId, planId, mayChange),
        notice: noticeFor(request.query.notice),
      });
    },
  );

  app.post<{ Params: PlanParams }>(
    plansPaths.share.pattern,
    { config: { access: change, audit: 'plan.share' } },
    async (request, reply) => {
      const { childId, planId } = request.params;
      const outcome = await sharePlanWithFamily(database, request.actor!, childId, planId, requestSource(request));
      if (outcome === 'not_found') return notFound(reply);
      return reply.redirect(plansPaths.plan.href({ childId, planId }, { notice: 'shared' }), 303);
    },
  );
}
