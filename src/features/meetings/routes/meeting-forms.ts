/**
 * The forms that change one meeting (who is invited and came, what happened, decisions,
 * actions), the four stages of a conference, and withdrawing an invitation. They open the
 * meeting to change it, and are saved by the meetings service, which checks what was typed
 * only once it has the meeting: whether a stage may be recorded yet comes before its fields.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../../platform/audit/catalogue.js';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { cleanText, noErrors } from '../../../platform/http/forms.js';
import type { Path } from '../../../platform/http/path.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingPaths } from '../paths.js';
import { errorsFrom, inputFrom, typed, type Body } from '../presenters/fields.js';
import {
  meetingFormPage,
  meetingForms,
  stageForms,
  withdrawalPage,
  type MeetingForm,
} from '../presenters/meeting-forms.js';
import { withdrawalSchema } from '../validation.js';
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
  save: (request: FormRequest, input: Record<string, unknown>, version: number) => Promise<Saved>;
}

export function registerMeetingFormPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const open = (request: FastifyRequest<{ Params: { childId: string; meetingId: string } }>, part: string) => {
    const { childId, meetingId } = request.params;
    return openMeetingForChange(database, request.actor!, childId, meetingId, requestSource(request), part);
  };
  const call = serviceCaller(database);

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
      const result = await route.save(request, inputFrom(values, body, form.dates), version);
      if (result.outcome === 'saved') return reply.redirect(backTo(request), 303);
      const opened = await open(request, form.part);
      if (!opened || result.outcome === 'not_found') return notFound(reply);
      const conflict = result.outcome === 'conflict' ? result.message : null;
      const page = meetingFormPage(form, opened, route.actionOf(request), values, conflict, backTo(request));
      const errors = errorsFrom(result.outcome === 'invalid' ? result.issues : [], form.dates);
      return reply.status(conflict ? 409 : 400).render('meetings/views/form.njk', { ...page, ...errors });
    });
  }

  // The forms at a meeting's own paths: each posts to where it is, and is saved by its service.
  const ofMeeting = (request: FormRequest) => [request.params.childId, request.params.meetingId] as const;
  const places = {
    invite: [meetingPaths.invitees, 'meeting.invite'],
    invitee: [meetingPaths.invitee, 'meeting.attendance'],
    whatHappened: [meetingPaths.whatHappened, 'meeting.record'],
    decision: [meetingPaths.decisions, 'meeting.decision'],
    action: [meetingPaths.actions, 'meeting.action'],
  } as const satisfies Record<keyof typeof meetingForms, readonly [Path<string>, AuditAction]>;
  const saves: Record<keyof typeof meetingForms, FormRoute['save']> = {
    invite: (r, input) => call(r, inviteSomeone, ...ofMeeting(r), input),
    invitee: (r, input) => call(r, recordPreparationVisit, ...ofMeeting(r), r.params.inviteeId!, input),
    whatHappened: (r, input, version) => call(r, recordWhatHappened, ...ofMeeting(r), input, version),
    decision: (r, input) => call(r, addDecision, ...ofMeeting(r), input),
    action: (r, input) => call(r, addAction, ...ofMeeting(r), input),
  };
  for (const name of Object.keys(meetingForms) as (keyof typeof meetingForms)[]) {
    const [path, audit] = places[name];
    const form = meetingForms[name];
    registerForm({ pattern: path.pattern, audit, formOf: () => form, actionOf: (r) => r.url, save: saves[name] });
  }
  registerForm({
    pattern: meetingPaths.stage.pattern,
    // Each stage records its own action ('conference.preparation', …); one route serves all four.
    audit: 'meeting.change',
    formOf: (params) => (Object.hasOwn(stageForms, params.stage!) ? stageForms[params.stage!] : undefined),
    actionOf: (request) => {
      const { childId, meetingId, stage } = request.params;
      return meetingPaths.stage.href({ childId, meetingId, stage: stage! });
    },
    save: (request, input, version) => {
      const part = stageForms[request.params.stage!]!.part;
      return call(request, recordStage, ...ofMeeting(request), part, input, version);
    },
  });

  // ---- Withdrawing an invitation, after a confirmation ---------------------------------------
  type InviteeRequest = FastifyRequest<{ Params: { childId: string; meetingId: string; inviteeId: string } }>;
  registerQuestionPage(app, meetingPaths.withdrawInvitation.pattern, changeRecord, {
    audit: { show: 'meeting.view', save: 'meeting.invitation_withdrawn' },
    load: async (request: InviteeRequest) => {
      const opened = await open(request, 'withdraw_invitation');
      const invitee = opened?.invitees.find((candidate) => candidate.id === request.params.inviteeId);
      return opened && invitee ? { opened, invitee } : null;
    },
    blank: () => ({}),
    read: (body) => typed(body, ['reason']),
    schema: withdrawalSchema,
    view: ({ opened, invitee }, values, _errors, _extra, request) => ({
      template: 'meetings/views/withdraw-invitation.njk',
      context: withdrawalPage(opened, invitee, values, request.params),
    }),
    save: async (_data, values, request) => {
      const { childId, meetingId, inviteeId } = request.params;
      const result = await call(request, withdrawInvitation, childId, meetingId, inviteeId, values);
      switch (result.outcome) {
        case 'saved':
          return { redirect: meetingPaths.meeting.href({ childId, meetingId }, { notice: 'invitation-withdrawn' }) };
        case 'not_found':
          return 'not_found';
        case 'invalid':
          return { errors: errorsFrom(result.issues) };
        case 'conflict':
          return { errors: errorsFrom([{ field: 'form', message: result.message }]), status: 409 };
      }
    },
  });
}

/** Each form goes back to, and after a save on to, its meeting. */
function backTo(request: FastifyRequest<{ Params: Params }>): string {
  const { childId, meetingId } = request.params;
  return meetingPaths.meeting.href({ childId, meetingId });
}
