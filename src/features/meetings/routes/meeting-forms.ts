/**
 * The forms that change one meeting (who is invited and came, what happened, decisions,
 * actions), the four stages of a conference, and withdrawing an invitation. They open the
 * meeting to change it, and are saved by the meetings service, which checks what was typed
 * only once it has the meeting: whether a stage may be recorded yet comes before its fields.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { cleanText, noErrors, type FormErrors } from '../../../platform/http/forms.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingKindNames, withdrawalProblem } from '../conference.js';
import { meetingPaths } from '../paths.js';
import { errorsFrom, inputFrom, typed, type Body, type Values } from '../presenters/fields.js';
import { childName, recordHeader, timeText } from '../presenters/meeting.js';
import { meetingFormPage, meetingForms, stageForms, type MeetingForm } from '../presenters/meeting-forms.js';
import { presentDate } from '../../child-record/index.js';
import {
  addAction,
  addDecision,
  inviteSomeone,
  openMeetingForChange,
  recordPreparationVisit,
  recordStage,
  recordWhatHappened,
  withdrawInvitation,
  type Saved,
} from '../service.js';
import { changeRecord, notFound } from './access.js';

type Params = { childId: string; meetingId: string } & Record<string, string>;
type FormRequest = FastifyRequest<{ Params: Params; Body: Body }>;

/** One form that changes a meeting: which form the path names, where it posts, and how it is saved. */
interface FormRoute {
  pattern: string;
  audit: AuditAction;
  formOf: (params: Params) => MeetingForm | undefined;
  actionOf: (request: FormRequest) => string;
  save: (form: MeetingForm, request: FormRequest, input: Record<string, unknown>, version: number) => Promise<Saved>;
}

export function registerMeetingFormPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const open = (request: FormRequest, part: string) => {
    const { childId, meetingId } = request.params;
    return openMeetingForChange(database, request.actor!, childId, meetingId, requestSource(request), part);
  };
  const source = (request: FormRequest) => [database, request.actor!] as const;

  /** Shown: the meeting is opened to change it ('meeting.view'); saved: the change's own action. */
  const shown = { access: changeRecord, audit: 'meeting.view' } as const;
  function registerForm(route: FormRoute): void {
    app.get<{ Params: Params; Body: Body }>(route.pattern, { config: shown }, async (request, reply) => {
      const form = route.formOf(request.params);
      if (!form) return notFound(reply);
      const opened = await open(request, form.part);
      const stored = opened ? form.stored(opened, request.params) : null;
      if (!opened || !stored) return notFound(reply);
      const page = meetingFormPage(form, opened, route.actionOf(request), stored, null, backTo(request));
      return reply.render('meetings/views/form.njk', { ...page, ...noErrors });
    });
    const saved = { access: changeRecord, audit: route.audit };
    app.post<{ Params: Params; Body: Body }>(route.pattern, { config: saved }, async (request, reply) => {
      const form = route.formOf(request.params);
      if (!form) return notFound(reply);
      const body = request.body ?? {};
      const values = typed(body, form.names, form.dates);
      const version = Number(cleanText(body.version)) || 0;
      const result = await route.save(form, request, inputFrom(values, body, form.dates), version);
      if (result.outcome === 'saved') return reply.redirect(backTo(request), 303);
      const opened = await open(request, form.part);
      if (!opened || result.outcome === 'not_found') return notFound(reply);
      const conflict = result.outcome === 'conflict' ? result.message : null;
      const page = meetingFormPage(form, opened, route.actionOf(request), values, conflict, backTo(request));
      const errors = errorsFrom(result.outcome === 'invalid' ? result.issues : [], form.dates);
      return reply.status(conflict ? 409 : 400).render('meetings/views/form.njk', { ...page, ...errors });
    });
  }

  const always = (form: MeetingForm) => () => form;
  const postedTo = (request: FormRequest) => request.url;

  registerForm({
    pattern: meetingPaths.invitees.pattern,
    audit: 'meeting.invite',
    formOf: always(meetingForms.invite),
    actionOf: postedTo,
    save: (_form, request, input) =>
      inviteSomeone(
        ...source(request),
        request.params.childId,
        request.params.meetingId,
        input,
        requestSource(request),
      ),
  });
  registerForm({
    pattern: meetingPaths.invitee.pattern,
    audit: 'meeting.attendance',
    formOf: always(meetingForms.invitee),
    actionOf: postedTo,
    save: (_form, request, input) => {
      const { childId, meetingId, inviteeId } = request.params;
      return recordPreparationVisit(...source(request), childId, meetingId, inviteeId!, input, requestSource(request));
    },
  });
  registerForm({
    pattern: meetingPaths.whatHappened.pattern,
    audit: 'meeting.record',
    formOf: always(meetingForms.whatHappened),
    actionOf: postedTo,
    save: (_form, request, input, version) => {
      const { childId, meetingId } = request.params;
      return recordWhatHappened(...source(request), childId, meetingId, input, version, requestSource(request));
    },
  });
  registerForm({
    pattern: meetingPaths.decisions.pattern,
    audit: 'meeting.decision',
    formOf: always(meetingForms.decision),
    actionOf: postedTo,
    save: (_form, request, input) =>
      addDecision(...source(request), request.params.childId, request.params.meetingId, input, requestSource(request)),
  });
  registerForm({
    pattern: meetingPaths.actions.pattern,
    audit: 'meeting.action',
    formOf: always(meetingForms.action),
    actionOf: postedTo,
    save: (_form, request, input) =>
      addAction(...source(request), request.params.childId, request.params.meetingId, input, requestSource(request)),
  });
  registerForm({
    pattern: meetingPaths.stage.pattern,
    // Each stage records its own action ('conference.preparation', …); one route serves all four.
    audit: 'meeting.change',
    formOf: (params) => (Object.hasOwn(stageForms, params.stage!) ? stageForms[params.stage!] : undefined),
    actionOf: (request) => {
      const { childId, meetingId, stage } = request.params;
      return meetingPaths.stage.href({ childId, meetingId, stage: stage! });
    },
    save: (form, request, input, version) => {
      const { childId, meetingId } = request.params;
      const part = stageForms[request.params.stage!]!.part;
      return recordStage(...source(request), childId, meetingId, part, input, version, requestSource(request));
    },
  });

  // ---- Withdrawing an invitation, after a confirmation ---------------------------------------
  type InviteeParams = { childId: string; meetingId: string; inviteeId: string };
  const renderWithdrawal = async (
    request: FastifyRequest<{ Params: InviteeParams }>,
    reply: FastifyReply,
    status: number,
    values: Values,
    errors: FormErrors,
  ) => {
    const { childId, meetingId, inviteeId } = request.params;
    const opened = await openMeetingForChange(
      database,
      request.actor!,
      childId,
      meetingId,
      requestSource(request),
      'withdraw_invitation',
    );
    const invitee = opened?.invitees.find((candidate) => candidate.id === inviteeId);
    if (!opened || !invitee) return notFound(reply);
    const problem = withdrawalProblem(invitee, opened.meeting, opened.today);
    const kindName = meetingKindNames[opened.meeting.kind];
    return reply.status(status).render('meetings/views/withdraw-invitation.njk', {
      pageTitle: `Withdraw ${invitee.name}’s invitation – ${kindName} – ${childName(opened.child)}`,
      ...recordHeader(opened.child, `Are you sure you want to withdraw ${invitee.name}’s invitation?`),
      backHref: meetingPaths.meeting.href({ childId, meetingId }),
      action: meetingPaths.withdrawInvitation.href({ childId, meetingId, inviteeId }),
      meetingText: `${kindName}, ${presentDate(opened.meeting.heldOn)}, ${timeText(opened.meeting)}, ${opened.meeting.place}.`,
      inviteeName: invitee.name,
      // Shown instead of the form when the invitation cannot be withdrawn.
      problem: problem?.message ?? null,
      values,
      ...errors,
    });
  };
  const withdrawal = { access: changeRecord, audit: 'meeting.invitation_withdrawn' } as const;
  app.get<{ Params: InviteeParams }>(meetingPaths.withdrawInvitation.pattern, { config: shown }, (request, reply) =>
    renderWithdrawal(request, reply, 200, {}, noErrors),
  );
  app.post<{ Params: InviteeParams; Body: Body }>(
    meetingPaths.withdrawInvitation.pattern,
    { config: withdrawal },
    async (request, reply) => {
      const { childId, meetingId, inviteeId } = request.params;
      const values = typed(request.body ?? {}, ['reason']);
      const result = await withdrawInvitation(
        database,
        request.actor!,
        childId,
        meetingId,
        inviteeId,
        values,
        requestSource(request),
      );
      if (result.outcome === 'saved') {
        return reply.redirect(
          meetingPaths.meeting.href({ childId, meetingId }, { notice: 'invitation-withdrawn' }),
          303,
        );
      }
      if (result.outcome === 'not_found') return notFound(reply);
      const issues = result.outcome === 'invalid' ? result.issues : [{ field: 'form', message: result.message }];
      return renderWithdrawal(request, reply, result.outcome === 'conflict' ? 409 : 400, values, errorsFrom(issues));
    },
  );
}

/** Each form goes back to, and after a save on to, its meeting. */
function backTo(request: FastifyRequest<{ Params: Params }>): string {
  const { childId, meetingId } = request.params;
  return meetingPaths.meeting.href({ childId, meetingId });
}
