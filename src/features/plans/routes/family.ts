/**
 * The family's version of a plan (with a PDF), the child's version, and what someone thinks of
 * the plan: staff record it for a family member, a family member signed in says it themselves.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formErrorsFrom, noErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { checkLanguage, glossaryFor } from '../../language/index.js';
import { ageInYears, childVersionOf, familyVersionOf, familyVersionText } from '../family-version.js';
import { agreementForm } from '../form-presenters.js';
import { plansPaths } from '../paths.js';
import { familyPlanPdf } from '../pdf.js';
import { todayInUk } from '../plan-rules.js';
import { childName, familyPage, noticeFor } from '../presenters.js';
import { familyPlan, recordAgreement, viewPlan, type PlanView } from '../service.js';
import { agreementSchema } from '../validation.js';
import { addError, forFamilyAndChild, formShownWith, notFound, text, view } from './forms.js';
import type { Body, PlanParams, PlansContext } from './forms.js';

const familyOf = (found: PlanView) =>
  familyVersionOf(found.content, childName(found.child), {
    achieved: found.reviews.map((review) => ({ heldOn: review.heldOn, text: review.whatHasBeenAchieved })),
    changesSinceAgreed: found.changesSinceAgreed,
  });

export function registerFamilyPages(app: FastifyInstance, { database }: PlansContext): void {
  const audited = { access: view, audit: 'plan.family_version', audiences: forFamilyAndChild } as const;

  app.get<{ Params: PlanParams; Querystring: { notice?: string } }>(
    plansPaths.family.pattern,
    { config: audited },
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
        ...familyPage(found, version, { childId, planId }, { staff, personId: actor.personId }, check),
        notice: noticeFor(request.query.notice),
      });
    },
  );

  app.get<{ Params: PlanParams }>(plansPaths.familyPdf.pattern, { config: audited }, async (request, reply) => {
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

  app.get<{ Params: PlanParams }>(plansPaths.forChild.pattern, { config: audited }, async (request, reply) => {
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
      backHref: plansPaths.family.href({ childId, planId }),
      parts: childVersionOf(found.content, name, ageInYears(found.child.dateOfBirth, todayInUk()), achieved),
    });
  });

  // ---- What someone thinks of the plan ---------------------------------------------------------
  const showAgreement = formShownWith(
    (request: FastifyRequest<{ Params: PlanParams }>) => {
      const { childId, planId } = request.params;
      const actor = request.actor!;
      return actor.kind === 'staff'
        ? viewPlan(database, actor, childId, planId, requestSource(request), { forChange: true })
        : familyPlan(database, actor, childId, planId, requestSource(request), { part: 'agreement' });
    },
    (found, request, values) => agreementForm(found, request.actor!.kind === 'staff', values),
  );

  app.get<{ Params: PlanParams }>(plansPaths.agreement.pattern, { config: audited }, (request, reply) =>
    showAgreement(request, reply, 200, {}, noErrors),
  );

  app.post<{ Params: PlanParams; Body: Body }>(
    plansPaths.agreement.pattern,
    { config: { access: view, audit: 'plan.agreement', audiences: forFamilyAndChild } },
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
      if (!parsed.success || errors.errorList.length > 0) return showAgreement(request, reply, 400, values, errors);
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
        return showAgreement(
          request,
          reply,
          400,
          values,
          addError(noErrors, 'personId', 'Select someone from the family'),
        );
      }
      return reply.redirect(plansPaths.family.href({ childId, planId }, { notice: 'agreement' }), 303);
    },
  );
}
