/**
 * Safe uncertainty's pages: the grid over time and what we do not know yet, and the forms to
 * record a position, add a question or hypothesis, and record what was found. The forms are
 * GOV.UK question pages (platform/http/question-page.ts) checked with the API's own schemas.
 * Plain forms: everything works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { noErrors } from '../../platform/http/forms.js';
import { readText, registerQuestionPage, type FormBody } from '../../platform/http/question-page.js';
import { registerRecordPage } from '../../platform/http/record-page.js';
import { requestSource } from '../../platform/http/request-source.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { childRecordPaths, type ChildSummary } from '../child-record/index.js';
import { isoToday } from './grid.js';
import { safeUncertaintyPaths as paths } from './paths.js';
import {
  gridLegend,
  nameOf,
  noticeFor,
  positionItems,
  presentConflict,
  presentPositions,
  presentQuestionAsked,
  presentQuestions,
  questionKindItems,
} from './presenters.js';
import {
  addQuestion,
  openForChange,
  questionForFinding,
  recordFinding,
  recordPosition,
  viewSafeUncertainty,
  type Question,
} from './service.js';
import {
  datePartsOf,
  expectedVersionSchema,
  findingSchema,
  isoDateFromParts,
  newPositionSchema,
  newQuestionSchema,
  type Finding,
  type NewPosition,
  type NewQuestion,
} from './validation.js';

type ChildParams = { childId: string };
type FindingParams = { childId: string; questionId: string };

/** A GOV.UK date input's three boxes, kept as typed: `onDay`, `onMonth` and `onYear` for the input named 'on'. */
type DateValues<Name extends string> = Record<`${Name}Day` | `${Name}Month` | `${Name}Year`, string>;

/** The three boxes of the date input named `name` ('on-Day', 'on-Month', 'on-Year'), as typed. */
const readDate = <Name extends string>(body: FormBody, name: Name) =>
  ({
    [`${name}Day`]: readText(body, `${name}-Day`),
    [`${name}Month`]: readText(body, `${name}-Month`),
    [`${name}Year`]: readText(body, `${name}-Year`),
  }) as DateValues<Name>;

/** The boxes a date input shows for an ISO date. */
const showDate = <Name extends string>(name: Name, isoDate: string) => {
  const { day, month, year } = datePartsOf(isoDate);
  return { [`${name}Day`]: day, [`${name}Month`]: month, [`${name}Year`]: year } as DateValues<Name>;
};

/** The ISO date the boxes give; left empty or not real, it fails the schema with the field's own message. */
const dateOf = <Name extends string>(values: DateValues<Name>, name: Name) =>
  isoDateFromParts(values[`${name}Day`], values[`${name}Month`], values[`${name}Year`]);

type PositionValues = { position: string; reasons: string } & DateValues<'on'>;
type QuestionValues = { kind: string; wording: string } & DateValues<'revisit'>;
type FindingValues = { finding: string; expectedVersion: string } & DateValues<'found'>;

/** The safe uncertainty page at what we do not know yet, after a question is added or answered. */
const whatWeDoNotKnow = (childId: string, notice?: string) =>
  `${paths.page.href({ childId }, { notice })}#what-we-do-not-know`;

export function registerSafeUncertaintyRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const change = { permission: 'child_record.change' } as const;

  registerRecordPage(app, paths.page, {
    access: view,
    audit: 'child_record.view',
    load: (request) => viewSafeUncertainty(database, request.actor!, request.params.childId, requestSource(request)),
    show: (found, request, reply) => {
      const { childId } = request.params;
      const childName = nameOf(found.child);
      return reply.render('safe-uncertainty/views/safe-uncertainty.njk', {
        pageTitle: `Safe uncertainty – ${childName}`,
        child: found.child,
        recordHeading: 'Safe uncertainty',
        recordNavigation: childRecordNavigation(childId, 'safe-uncertainty'),
        childName,
        notice: noticeFor(request.query.notice),
        backHref: childRecordPaths.record.href({ childId }),
        grid: presentPositions(found.positions, childName),
        legend: gridLegend,
        questions: presentQuestions(found.questions, (questionId) =>
          found.mayChange ? paths.finding.href({ childId, questionId }) : null,
        ),
        newPositionHref: found.mayChange ? paths.newPosition.href({ childId }) : null,
        newQuestionHref: found.mayChange ? paths.newQuestion.href({ childId }) : null,
      });
    },
  });

  // ---- Record where the work stands --------------------------------------------------------
  registerQuestionPage<ChildParams, ChildSummary, PositionValues, NewPosition>(app, paths.newPosition.pattern, change, {
    audit: { show: 'child_record.view', save: 'safe_uncertainty.position_recorded' },
    load: (request) =>
      openForChange(database, request.actor!, request.params.childId, 'position_form', requestSource(request)),
    blank: () => ({ position: '', reasons: '', ...showDate('on', isoToday()) }),
    read: (body) => ({
      position: readText(body, 'position'),
      reasons: readText(body, 'reasons'),
      ...readDate(body, 'on'),
    }),
    schema: newPositionSchema,
    input: (values) => ({ position: values.position, reasons: values.reasons, assessedOn: dateOf(values, 'on') }),
    fieldIds: { position: 'position', assessedOn: 'on-day' },
    view: (child, values) => ({
      template: 'safe-uncertainty/views/record-position.njk',
      context: {
        pageTitle: `Where the work with ${nameOf(child)} stands now`,
        childName: nameOf(child),
        action: paths.newPosition.href({ childId: child.childId }),
        backHref: paths.page.href({ childId: child.childId }),
        values,
        positionItems: positionItems(values.position),
      },
    }),
    async save(position, _values, request) {
      const { childId } = request.params;
      const saved = await recordPosition(database, request.actor!, childId, position, requestSource(request));
      if (saved.outcome === 'not_found') return 'not_found';
      return { redirect: paths.page.href({ childId }, { notice: 'position_recorded' }) };
    },
  });

  // ---- Add a question or hypothesis ---------------------------------------------------------
  registerQuestionPage<ChildParams, ChildSummary, QuestionValues, NewQuestion>(app, paths.newQuestion.pattern, change, {
    audit: { show: 'child_record.view', save: 'safe_uncertainty.question_added' },
    load: (request) =>
      openForChange(database, request.actor!, request.params.childId, 'question_form', requestSource(request)),
    blank: () => ({ kind: '', wording: '', revisitDay: '', revisitMonth: '', revisitYear: '' }),
    read: (body) => ({
      kind: readText(body, 'kind'),
      wording: readText(body, 'wording'),
      ...readDate(body, 'revisit'),
    }),
    schema: newQuestionSchema,
    input: (values) => ({ kind: values.kind, wording: values.wording, revisitOn: dateOf(values, 'revisit') }),
    fieldIds: { kind: 'kind', revisitOn: 'revisit-day' },
    view: (child, values) => ({
      template: 'safe-uncertainty/views/add-question.njk',
      context: {
        pageTitle: 'Add something we do not know yet',
        childName: nameOf(child),
        action: paths.newQuestion.href({ childId: child.childId }),
        backHref: paths.page.href({ childId: child.childId }),
        values,
        kindItems: questionKindItems(nameOf(child), values.kind),
      },
    }),
    async save(question, _values, request) {
      const { childId } = request.params;
      const saved = await addQuestion(database, request.actor!, childId, question, requestSource(request));
      if (saved.outcome === 'not_found') return 'not_found';
      return { redirect: whatWeDoNotKnow(childId, 'question_added') };
    },
  });

  // ---- Record what was found ------------------------------------------------------------------
  // A stale save (someone else recorded a finding since this page was opened) is shown again
  // with 409: nothing typed is lost, and the form shows what is there now beside it.
  registerQuestionPage<FindingParams, { child: ChildSummary; question: Question }, FindingValues, Finding, Question>(
    app,
    paths.finding.pattern,
    change,
    {
      audit: { show: 'child_record.view', save: 'safe_uncertainty.finding_recorded' },
      load: (request) =>
        questionForFinding(
          database,
          request.actor!,
          request.params.childId,
          request.params.questionId,
          requestSource(request),
        ),
      blank: ({ question }) => ({
        finding: question.finding ?? '',
        ...showDate('found', question.foundOn ?? isoToday()),
        expectedVersion: String(question.version),
      }),
      read: (body) => ({
        finding: readText(body, 'finding'),
        ...readDate(body, 'found'),
        expectedVersion: readText(body, 'expectedVersion'),
      }),
      schema: findingSchema,
      input: (values) => ({ finding: values.finding, foundOn: dateOf(values, 'found') }),
      fieldIds: { foundOn: 'found-day' },
      view: ({ child, question }, values, _errors, conflict) => ({
        template: 'safe-uncertainty/views/record-finding.njk',
        context: {
          pageTitle: conflict ? 'Someone else recorded what was found' : 'Record what was found',
          childName: nameOf(child),
          action: paths.finding.href({ childId: child.childId, questionId: question.id }),
          backHref: whatWeDoNotKnow(child.childId),
          question: presentQuestionAsked(question),
          conflict: presentConflict(conflict),
          values: { ...values, expectedVersion: String(conflict?.version ?? values.expectedVersion) },
        },
      }),
      async save(finding, values, request) {
        const { childId, questionId } = request.params;
        // The version the page was opened at travels in a hidden field; one that is not a
        // version (tampered with) shows the form again, as it was, without saving.
        const expectedVersion = expectedVersionSchema.safeParse(values.expectedVersion);
        if (!expectedVersion.success) return { errors: noErrors };
        const saved = await recordFinding(
          database,
          request.actor!,
          childId,
          questionId,
          { ...finding, expectedVersion: expectedVersion.data },
          requestSource(request),
        );
        if (saved.outcome === 'not_found') return 'not_found';
        if (saved.outcome === 'conflict') return { errors: noErrors, status: 409, extra: saved.current };
        return { redirect: whatWeDoNotKnow(childId, 'finding_recorded') };
      },
    },
  );
}
