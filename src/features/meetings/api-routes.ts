/**
 * Meetings, family group conferences and offers in the JSON API, through the same service and
 * rules as the pages. Input the schema can check is refused with 400; input only the rules can
 * check (a stage recorded too early, a plan accepted that misses a bottom line with no reason)
 * with 422, naming each field; a save from an older version with 409. Each stage of a
 * conference has its own endpoint, whose body is the stage's own schema, the one its page uses.
 */
import type { FastifyInstance } from 'fastify';
import type { FeatureContext } from '../../platform/features/feature.js';
import { registerConferenceApi } from './api/conferences.js';
import { registerMeetingApi } from './api/meetings.js';

export function registerMeetingsApi(app: FastifyInstance, context: Pick<FeatureContext, 'database'>): void {
  registerMeetingApi(app, context);
  registerConferenceApi(app, context);
}
