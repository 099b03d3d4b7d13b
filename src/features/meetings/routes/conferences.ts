/** The coordinator's conferences, and the council's counts of family group decision-making. */
import type { FastifyInstance } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { requestSource } from '../../../platform/http/request-source.js';
import { meetingPaths } from '../paths.js';
import { conferencesPage, countsPage } from '../presenters/conferences.js';
import { coordinatorsConferences, familyMeetingCounts } from '../service.js';

export function registerConferencePages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  app.get(
    meetingPaths.conferences.pattern,
    { config: { access: { permission: 'conferences.coordinate' } } },
    async (request, reply) =>
      reply.render(
        'meetings/views/conferences.njk',
        conferencesPage(await coordinatorsConferences(database, request.actor!, requestSource(request))),
      ),
  );

  app.get(
    meetingPaths.counts.pattern,
    { config: { access: { permission: 'family_meetings.count' } } },
    async (request, reply) =>
      reply.render(
        'meetings/views/counts.njk',
        countsPage(await familyMeetingCounts(database, request.actor!, requestSource(request))),
      ),
  );
}
