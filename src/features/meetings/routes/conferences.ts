/** The coordinator's conferences, and the council's counts of family group decision-making. */
import type { FastifyInstance } from 'fastify';
import type { FeatureContext } from '../../../platform/features/feature.js';
import { serviceCaller } from '../../../platform/http/api-route.js';
import { meetingPaths } from '../paths.js';
import { conferencesPage, countsPage } from '../presenters/conferences.js';
import { coordinatorsConferences, familyMeetingCounts } from '../service.js';

export function registerConferencePages(app: FastifyInstance, { database }: Pick<FeatureContext, 'database'>): void {
  const call = serviceCaller(database);
  app.get(
    meetingPaths.conferences.pattern,
    { config: { access: { permission: 'conferences.coordinate' } } },
    async (request, reply) =>
      reply.render('meetings/views/conferences.njk', conferencesPage(await call(request, coordinatorsConferences))),
  );

  app.get(
    meetingPaths.counts.pattern,
    { config: { access: { permission: 'family_meetings.count' } } },
    async (request, reply) =>
      reply.render('meetings/views/counts.njk', countsPage(await call(request, familyMeetingCounts))),
  );
}
