/** One meeting's page, its calendar invitation and its printable letter. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingInvitation } from '../calendar.js';
import { professionalsOnly } from '../conference.js';
import { meetingPaths } from '../paths.js';
import { calendarMeetingOf, letterPage, meetingPage } from '../presenters/meeting.js';
import { openMeeting } from '../service.js';
import { forInvitees, notFound, viewRecord } from './access.js';

type MeetingParams = { childId: string; meetingId: string };

export function registerMeetingPages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const config = { access: viewRecord, audit: 'meeting.view', audiences: forInvitees } as const;
  const open = (request: FastifyRequest<{ Params: MeetingParams }>, part?: string) => {
    const { childId, meetingId } = request.params;
    return openMeeting(database, request.actor!, childId, meetingId, requestSource(request), part);
  };

  app.get<{ Params: MeetingParams; Querystring: { notice?: string } }>(
    meetingPaths.meeting.pattern,
    { config },
    async (request, reply) => {
      const opened = await open(request);
      if (!opened) return notFound(reply);
      return reply.render('meetings/views/meeting.njk', meetingPage(opened, request.query.notice));
    },
  );

  app.get<{ Params: MeetingParams }>(meetingPaths.invitation.pattern, { config }, async (request, reply) => {
    const opened = await open(request, 'invitation');
    if (!opened) return notFound(reply);
    const ics = meetingInvitation(
      calendarMeetingOf(opened),
      new Date(),
      request.hostname.split(':')[0] || 'kith.example',
    );
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="meeting-${opened.meeting.heldOn}.ics"`)
      .header('cache-control', 'no-store')
      .send(ics);
  });

  app.get<{ Params: MeetingParams }>(meetingPaths.letter.pattern, { config }, async (request, reply) => {
    const opened = await open(request, 'letter');
    if (!opened || professionalsOnly.includes(opened.meeting.kind)) return notFound(reply);
    return reply.render('meetings/views/letter.njk', letterPage(opened));
  });
}
