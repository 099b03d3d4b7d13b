/**
 * Who holds a child's record: the page (now, before, and the handover note the new worker must
 * read), allocating a child no one holds, and transferring with a handover note. GOV.UK question
 * pages; plain forms, so everything works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { dateInputParts, isoDateFromParts, singleFormError } from '../../platform/http/forms.js';
import { readText, registerQuestionPage, type FormBody, type SaveOutcome } from '../../platform/http/question-page.js';
import { requestSource } from '../../platform/http/request-source.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { childRecordNavigation } from '../../platform/views/child-record-navigation.js';
import { ukDate } from '../../platform/views/clock.js';
import { childRecordPaths } from '../child-record/index.js';
import { holderInWords } from './holding.js';
import { allocationPaths as paths } from './paths.js';
import { choiceItems, historyRows, nameOf, presentHandover } from './presenters.js';
import {
  allocateChild,
  confirmHandoverRead,
  openForAllocation,
  transferChild,
  viewAllocation,
  type AllocationForm,
  type AllocationOutcome,
} from './service.js';
import { allocationSchema, transferSchema, type NewAllocation, type Transfer } from './validation.js';

type ChildParams = { childId: string };
type HolderValues = {
  userId: string;
  teamId: string;
  startsOnDay: string;
  startsOnMonth: string;
  startsOnYear: string;
};
type TransferValues = HolderValues & { reason: string; handoverNote: string };

const notices: Record<string, string> = {
  allocated: 'The child has been allocated',
  transferred: 'The child has been transferred. The new worker will be asked to read the handover note.',
  read: 'You have read the handover note',
};

const readHolder = (body: FormBody): HolderValues => ({
  userId: readText(body, 'userId'),
  teamId: readText(body, 'teamId'),
  startsOnDay: readText(body, 'startsOn-Day'),
  startsOnMonth: readText(body, 'startsOn-Month'),
  startsOnYear: readText(body, 'startsOn-Year'),
});

const blankHolder = (): HolderValues => {
  const { day, month, year } = dateInputParts(ukDate(new Date()));
  return { userId: '', teamId: '', startsOnDay: day, startsOnMonth: month, startsOnYear: year };
};

const startsOnOf = (values: HolderValues) =>
  isoDateFromParts(values.startsOnDay, values.startsOnMonth, values.startsOnYear);

const fieldIds = { startsOn: 'startsOn-day', userId: 'userId', teamId: 'teamId' };

function answerOf<Values extends HolderValues>(
  outcome: AllocationOutcome | null,
  childId: string,
  notice: string,
): SaveOutcome<Values, undefined> {
  if (outcome === null) return 'not_found';
  if (outcome.outcome === 'saved') return { redirect: paths.page.href({ childId }, { notice }) };
  return { errors: singleFormError(outcome.field, outcome.message, fieldIds[outcome.field]) };
}

/** What the allocate and transfer pages show beside their own fields. */
const formContext = (form: AllocationForm, values: HolderValues, action: string) => ({
  childName: nameOf(form.child),
  action,
  backHref: paths.page.href({ childId: form.child.childId }),
  values,
  current: form.current.map(holderInWords),
  workerItems: choiceItems(
    form.workers.map((worker) => ({ id: worker.id, name: worker.fullName })),
    values.userId,
  ),
  teamItems: choiceItems(form.teams, values.teamId),
});

export function registerAllocationRoutes(app: FastifyInstance, database: Database): void {
  const view = { permission: 'child_record.view' } as const;
  const manage = { permission: 'allocation.manage' } as const;

  app.get<{ Params: ChildParams; Querystring: { notice?: string } }>(
    paths.page.pattern,
    { config: { access: view, audit: 'child_record.view' } },
    async (request, reply) => {
      const { childId } = request.params;
      const found = await viewAllocation(database, request.actor!, childId, requestSource(request));
      if (!found) {
        reply.callNotFound();
        return reply;
      }
      const mayManage = found.mayChange && hasPermission(request.actor!.roles, 'allocation.manage');
      return reply.render('allocation/views/allocation.njk', {
        pageTitle: `Who works with ${nameOf(found.child)}`,
        child: found.child,
        recordHeading: 'Who works with this child',
        recordNavigation: childRecordNavigation(childId, 'allocation'),
        childName: nameOf(found.child),
        notice: notices[request.query.notice ?? ''],
        backHref: childRecordPaths.record.href({ childId }),
        current: found.current.map((allocation) => ({ holder: holderInWords(allocation), since: allocation.startsOn })),
        toRead: found.toRead.map((allocation) => ({
          ...presentHandover(allocation),
          action: paths.handoverRead.href({ childId, noteId: allocation.noteId! }),
        })),
        historyRows: historyRows(found.allocations),
        allocateHref: mayManage && found.current.length === 0 ? paths.allocate.href({ childId }) : null,
        transferHref: mayManage && found.current.length > 0 ? paths.transfer.href({ childId }) : null,
      });
    },
  );

  registerQuestionPage<ChildParams, AllocationForm, HolderValues, NewAllocation>(app, paths.allocate.pattern, manage, {
    audit: { show: 'child_record.view', save: 'allocation.allocated' },
    load: (request) => openForAllocation(database, request.actor!, request.params.childId, requestSource(request)),
    blank: blankHolder,
    read: readHolder,
    schema: allocationSchema,
    input: (values) => ({ userId: values.userId, teamId: values.teamId, startsOn: startsOnOf(values) }),
    fieldIds,
    view: (form, values) => ({
      template: 'allocation/views/allocate.njk',
      context: {
        pageTitle: `Allocate ${nameOf(form.child)}`,
        ...formContext(form, values, paths.allocate.href({ childId: form.child.childId })),
      },
    }),
    save: async (allocation, _values, request) => {
      const { childId } = request.params;
      const outcome = await allocateChild(database, request.actor!, childId, allocation, requestSource(request));
      return answerOf(outcome, childId, 'allocated');
    },
  });

  registerQuestionPage<ChildParams, AllocationForm, TransferValues, Transfer>(app, paths.transfer.pattern, manage, {
    audit: { show: 'child_record.view', save: 'allocation.transferred' },
    load: (request) => openForAllocation(database, request.actor!, request.params.childId, requestSource(request)),
    blank: () => ({ ...blankHolder(), reason: '', handoverNote: '' }),
    read: (body) => ({
      ...readHolder(body),
      reason: readText(body, 'reason'),
      handoverNote: readText(body, 'handoverNote'),
    }),
    schema: transferSchema,
    input: (values) => ({
      userId: values.userId,
      teamId: values.teamId,
      startsOn: startsOnOf(values),
      reason: values.reason,
      handoverNote: values.handoverNote,
    }),
    fieldIds,
    view: (form, values) => ({
      template: 'allocation/views/transfer.njk',
      context: {
        pageTitle: `Transfer ${nameOf(form.child)} to another worker`,
        ...formContext(form, values, paths.transfer.href({ childId: form.child.childId })),
      },
    }),
    save: async (transfer, _values, request) => {
      const { childId } = request.params;
      const outcome = await transferChild(database, request.actor!, childId, transfer, requestSource(request));
      return answerOf(outcome, childId, 'transferred');
    },
  });

  app.post<{ Params: ChildParams & { noteId: string } }>(
    paths.handoverRead.pattern,
    { config: { access: view, audit: 'allocation.handover_read' } },
    async (request, reply) => {
      const { childId, noteId } = request.params;
      const read = await confirmHandoverRead(database, request.actor!, childId, noteId, requestSource(request));
      if (read === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(paths.page.href({ childId }, { notice: 'read' }), 303);
    },
  );
}
