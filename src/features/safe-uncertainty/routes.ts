/**
 * Safe uncertainty's pages: the grid over time and what we do not know yet, and the forms to
 * record a position, add a question or hypothesis, and record what was found. Plain forms:
 * everything works without JavaScript.
 */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, type FormErrors } from '../../platform/http/forms.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { childRecordPaths } from '../child-record/index.js';
import { presentDate } from '../child-record/index.js';
import type { ChildSummary } from '../child-record/index.js';
import { isoToday, positionExplanations, positionNames, questionKindNames } from './grid.js';
import { safeUncertaintyPaths as paths } from './paths.js';
import { gridLegend, presentPositions, presentQuestions } from './presenters.js';
import { gridPositions, questionKinds } from './schema.js';
import {
  addQuestion,
  openForChange,
  questionForFinding,
  recordFinding,
  recordPosition,
  viewSafeUncertainty,
  type Question,
} from './service.js';
import { datePartsOf, findingSchema, isoDateFromParts, newPositionSchema, newQuestionSchema } from './validation.js';

type Body = Record<string, unknown>;
const text = (body: Body, name: string) => cleanText(body[name]);
const nameOf = (child: ChildSummary) => child.knownAs ?? child.fullName.split(' ')[0] ?? child.fullName;

const notices: Record<string, string> = {
  position_recorded: 'The position has been recorded. Earlier positions are kept, so the path over time shows.',
  question_added: 'The question has been added to what we do not know yet.',
  finding_recorded: 'What was found has been recorded. The earlier version is kept in the history.',
};

/** The date a form gave, as ISO; a form date left empty or not real fails validation with its own message. */
const dateFrom = (body: Body, prefix: string) =>
  isoDateFromParts(text(body, `${prefix}-Day`), text(body, `${prefix}-Month`), text(body, `${prefix}-Year`));

export function registerSafeUncertaintyRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;
  const notFound = (reply: FastifyReply) => {
    reply.callNotFound();
    return reply;
  };
  const recordContext = (child: ChildSummary, heading: string) => ({
    child,
    recordHeading: heading,
    recordNavigation: childRecordNavigation(child.childId, 'safe-uncertainty'),
  });

  app.get<{ Params: { childId: string }; Querystring: { notice?: string } }>(
    paths.pagePattern,
    { config: { access: view } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await viewSafeUncertainty(database, request.actor!, childId, requestSource(request));
      if (!found) return notFound(reply);
      const childName = nameOf(found.child);
      const notice = typeof request.query.notice === 'string' ? (notices[request.query.notice] ?? null) : null;
      return reply.render('safe-uncertainty/views/safe-uncertainty.njk', {
        pageTitle: `Safe uncertainty – ${childName}`,
        ...recordContext(found.child, 'Safe uncertainty'),
        childName,
        notice,
        backHref: childRecordPaths.record.href({ childId: childId }),
        grid: presentPositions(found.positions, childName),
        legend: gridLegend,
        questions: presentQuestions(found.questions, (id) => (found.mayChange ? paths.finding(childId, id) : null)),
        newPositionHref: found.mayChange ? paths.newPosition(childId) : null,
        newQuestionHref: found.mayChange ? paths.newQuestion(childId) : null,
      });
    },
  );

  // ---- Record where the work stands --------------------------------------------------------
  const renderPosition = (
    reply: FastifyReply,
    child: ChildSummary,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('safe-uncertainty/views/record-position.njk', {
      pageTitle: `Where the work with ${nameOf(child)} stands now`,
      childName: nameOf(child),
      action: paths.newPosition(child.childId),
      backHref: paths.page(child.childId),
      values,
      positionItems: gridPositions.map((position) => ({
        value: position,
        text: positionNames[position],
        hint: { text: positionExplanations[position] },
        checked: values.position === position,
      })),
      ...errors,
    });

  app.get<{ Params: { childId: string } }>(
    paths.newPositionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const child = await openForChange(
        database,
        request.actor!,
        request.params.childId,
        'position_form',
        requestSource(request),
      );
      if (!child) return notFound(reply);
      const today = datePartsOf(isoToday());
      return renderPosition(
        reply,
        child,
        200,
        { position: '', reasons: '', onDay: today.day, onMonth: today.month, onYear: today.year },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    paths.newPositionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = {
        position: text(body, 'position'),
        reasons: text(body, 'reasons'),
        onDay: text(body, 'on-Day'),
        onMonth: text(body, 'on-Month'),
        onYear: text(body, 'on-Year'),
      };
      const parsed = newPositionSchema.safeParse({
        position: values.position,
        reasons: values.reasons,
        assessedOn: dateFrom(body, 'on'),
      });
      if (!parsed.success) {
        const child = await openForChange(database, request.actor!, childId, 'position_form', requestSource(request));
        if (!child) return notFound(reply);
        return renderPosition(
          reply,
          child,
          400,
          values,
          formErrorsFrom(parsed.error, { position: 'position', assessedOn: 'on-day' }),
        );
      }
      const saved = await recordPosition(database, request.actor!, childId, parsed.data, requestSource(request));
      if (saved.outcome === 'not_found') return notFound(reply);
      return reply.redirect(`${paths.page(childId)}?notice=position_recorded`, 303);
    },
  );

  // ---- Add a question or hypothesis ---------------------------------------------------------
  const renderQuestion = (
    reply: FastifyReply,
    child: ChildSummary,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
  ) =>
    reply.status(status).render('safe-uncertainty/views/add-question.njk', {
      pageTitle: 'Add something we do not know yet',
      childName: nameOf(child),
      action: paths.newQuestion(child.childId),
      backHref: paths.page(child.childId),
      values,
      kindItems: questionKinds.map((kind) => ({
        value: kind,
        text: questionKindNames[kind],
        hint: {
          text:
            kind === 'question'
              ? `Something we need to find out, for example: who could collect ${nameOf(child)} from school on Fridays?`
              : 'An idea we are testing about what is happening and why, to check with the family',
        },
        checked: values.kind === kind,
      })),
      ...errors,
    });

  app.get<{ Params: { childId: string } }>(
    paths.newQuestionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const child = await openForChange(
        database,
        request.actor!,
        request.params.childId,
        'question_form',
        requestSource(request),
      );
      if (!child) return notFound(reply);
      return renderQuestion(
        reply,
        child,
        200,
        { kind: '', wording: '', revisitDay: '', revisitMonth: '', revisitYear: '' },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string }; Body: Body }>(
    paths.newQuestionPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId } = request.params;
      const body = request.body ?? {};
      const values = {
        kind: text(body, 'kind'),
        wording: text(body, 'wording'),
        revisitDay: text(body, 'revisit-Day'),
        revisitMonth: text(body, 'revisit-Month'),
        revisitYear: text(body, 'revisit-Year'),
      };
      const parsed = newQuestionSchema.safeParse({
        kind: values.kind,
        wording: values.wording,
        revisitOn: dateFrom(body, 'revisit'),
      });
      if (!parsed.success) {
        const child = await openForChange(database, request.actor!, childId, 'question_form', requestSource(request));
        if (!child) return notFound(reply);
        return renderQuestion(
          reply,
          child,
          400,
          values,
          formErrorsFrom(parsed.error, { kind: 'kind', revisitOn: 'revisit-day' }),
        );
      }
      const saved = await addQuestion(database, request.actor!, childId, parsed.data, requestSource(request));
      if (saved.outcome === 'not_found') return notFound(reply);
      return reply.redirect(`${paths.page(childId)}?notice=question_added#what-we-do-not-know`, 303);
    },
  );

  // ---- Record what was found ------------------------------------------------------------------
  const renderFinding = (
    reply: FastifyReply,
    child: ChildSummary,
    question: Question,
    status: number,
    values: Record<string, string>,
    errors: FormErrors,
    conflict: Question | null = null,
  ) =>
    reply.status(status).render('safe-uncertainty/views/record-finding.njk', {
      pageTitle: conflict ? 'Someone else recorded what was found' : 'Record what was found',
      childName: nameOf(child),
      action: paths.finding(child.childId, question.id),
      backHref: `${paths.page(child.childId)}#what-we-do-not-know`,
      question: {
        kind: questionKindNames[question.kind],
        wording: question.wording,
        raisedOn: presentDate(question.raisedOn),
        revisitOn: presentDate(question.revisitOn),
        due: question.dueForRevisit,
      },
      conflict: conflict
        ? {
            finding: conflict.finding,
            foundOn: presentDate(conflict.foundOn),
            foundBy: conflict.findingRecordedByLabel ?? 'Someone',
          }
        : null,
      values: { ...values, expectedVersion: String(conflict?.version ?? values.expectedVersion) },
      ...errors,
    });

  app.get<{ Params: { childId: string; questionId: string } }>(
    paths.findingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, questionId } = request.params;
      const found = await questionForFinding(database, request.actor!, childId, questionId, requestSource(request));
      if (!found) return notFound(reply);
      const on = datePartsOf(found.question.foundOn ?? isoToday());
      return renderFinding(
        reply,
        found.child,
        found.question,
        200,
        {
          finding: found.question.finding ?? '',
          foundDay: on.day,
          foundMonth: on.month,
          foundYear: on.year,
          expectedVersion: String(found.question.version),
        },
        noErrors,
      );
    },
  );

  app.post<{ Params: { childId: string; questionId: string }; Body: Body }>(
    paths.findingPattern,
    { config: { access: change } },
    async (request, reply) => {
      const { childId, questionId } = request.params;
      const body = request.body ?? {};
      const values = {
        finding: text(body, 'finding'),
        foundDay: text(body, 'found-Day'),
        foundMonth: text(body, 'found-Month'),
        foundYear: text(body, 'found-Year'),
        expectedVersion: text(body, 'expectedVersion'),
      };
      const parsed = findingSchema.safeParse({ finding: values.finding, foundOn: dateFrom(body, 'found') });
      const expectedVersion = z.coerce.number().int().min(1).safeParse(values.expectedVersion);
      if (!parsed.success || !expectedVersion.success) {
        const found = await questionForFinding(database, request.actor!, childId, questionId, requestSource(request));
        if (!found) return notFound(reply);
        const errors = parsed.success ? noErrors : formErrorsFrom(parsed.error, { foundOn: 'found-day' });
        return renderFinding(reply, found.child, found.question, 400, values, {
          errorList: [...errors.errorList],
          fieldErrors: { ...errors.fieldErrors },
        });
      }
      const saved = await recordFinding(
        database,
        request.actor!,
        childId,
        questionId,
        { ...parsed.data, expectedVersion: expectedVersion.data },
        requestSource(request),
      );
      if (saved.outcome === 'not_found') return notFound(reply);
      if (saved.outcome === 'conflict') {
        const found = await questionForFinding(database, request.actor!, childId, questionId, requestSource(request));
        if (!found) return notFound(reply);
        // Nothing typed is lost: the form keeps this person's words and shows what is there now.
        return renderFinding(reply, found.child, found.question, 409, values, noErrors, saved.current);
      }
      return reply.redirect(`${paths.page(childId)}?notice=finding_recorded#what-we-do-not-know`, 303);
    },
  );
}
