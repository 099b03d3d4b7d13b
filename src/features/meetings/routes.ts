/**
 * The meetings pages: the child's meetings and offers, planning a meeting, one meeting (what the
 * family may see of it, for a family member), the forms that record who was invited and came,
 * what happened, decisions and actions, the four stages of a family group conference, the
 * calendar invitation and the printable letter, the coordinator's conferences, and the counts.
 * Each group of pages is in `routes/`; presenting them is in `presenters/`.
 */
import type { FastifyInstance } from 'fastify';
import type { FeatureContext } from '../../platform/features/feature.js';
import { registerActionToPlanPages } from './routes/action-to-plan.js';
import { registerConferencePages } from './routes/conferences.js';
import { registerMeetingFormPages } from './routes/meeting-forms.js';
import { registerMeetingPages } from './routes/meeting.js';
import { registerOfferPages } from './routes/offers.js';
import { registerSectionPages } from './routes/section.js';

export function registerMeetingsPages(app: FastifyInstance, context: Pick<FeatureContext, 'database'>): void {
  registerSectionPages(app, context);
  registerOfferPages(app, context);
  registerMeetingPages(app, context);
  registerMeetingFormPages(app, context);
  registerActionToPlanPages(app, context);
  registerConferencePages(app, context);
}
