/** The child's meetings, and planning a meeting. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { registerQuestionPage } from '../../../platform/http/question-page.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { meetingPaths } from '../paths.js';
import { fieldIdsFor, inputFrom, typed } from '../presenters/fields.js';
import { sectionPage } from '../presenters/meeting.js';
import { meetingFields, newMeetingPage } from '../presenters/planning.js';
import { meetingPlanningForm, meetingsSection, planMeeting } from '../service.js';
import { newMeetingSchema } from '../validation.js';
import { changeRecord, forInvitees, notFound, viewRecord } from './access.js';
import { saveOutcome } from './saving.js';

export function registerSectionPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const call = serviceCaller(database);
  app.get<{ Params: { childId: string } }>(
    meetingPaths.section.pattern,
    { config: { access: viewRecord, audit: 'meeting.list', audiences: forInvitees } },
    async (request, reply) => {
      const section = await call(request, meetingsSection, request.params.childId);
      if (!section) return notFound(reply);
      return reply.render('meetings/views/section.njk', sectionPage(section, request.actor!.kind !== 'staff'));
    },
  );

  const { names, dates } = meetingFields;
  registerQuestionPage(app, meetingPaths.newMeeting.pattern, changeRecord, {
    audit: 'meeting.plan',
    load: (request: FastifyRequest<{ Params: { childId: string } }>) =>
      call(request, meetingPlanningForm, request.params.childId),
    blank: () => ({}),
    read: (body) => typed(body, names, dates),
    schema: newMeetingSchema,
    input: (values) => inputFrom(values, values, dates),
    fieldIds: fieldIdsFor(dates),
    view: (form, values) => ({ template: 'meetings/views/form.njk', context: newMeetingPage(form, values) }),
    save: async (_data, values, request) => {
      const { childId } = request.params;
      const result = await call(request, planMeeting, childId, inputFrom(values, values, dates));
      return saveOutcome(result, (saved) => meetingPaths.meeting.href({ childId, meetingId: saved.meetingId }), dates);
    },
  });
}
