/**
 * The plan's pages, by group: the child's plans and one plan (routes/plans.ts), goals, actions,
 * the plan's details and agreement, reviews, and the family's and the child's versions. Every
 * form is a GOV.UK question page: checked on the server, shown again with what was typed when
 * it is wrong.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { registerActionPages } from './routes/actions.js';
import { registerDetailsPages } from './routes/details.js';
import { registerFamilyPages } from './routes/family.js';
import type { PlansContext } from './routes/forms.js';
import { registerGoalPages } from './routes/goals.js';
import { registerPlanPages } from './routes/plans.js';
import { registerReviewPages } from './routes/reviews.js';

export function registerPlanRoutes(app: FastifyInstance, context: PlansContext): void {
  registerPlanPages(app, context);
  registerGoalPages(app, context);
  registerActionPages(app, context);
  registerDetailsPages(app, context);
  registerReviewPages(app, context);
  registerFamilyPages(app, context);
}

/** The name `src/app.ts` calls until it registers the feature through `feature.ts`. */
export function registerPlansRoutes(app: FastifyInstance, database: Database): void {
  registerPlanRoutes(app, { database });
}
