/**
 * The network's pages: add someone, record or change a relationship, change someone's details,
 * mark someone as no longer involved, merge someone recorded twice, the genogram, and SVG
 * downloads. Every edit the ecomap makes in the browser can be made here without JavaScript,
 * through the same service and the same rules. The pages are in routes/, by group.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { registerAddPersonPage } from './routes/add-person.js';
import { registerDrawingPages } from './routes/drawings.js';
import { registerPersonPages } from './routes/people.js';
import { registerRelationshipPages } from './routes/relationships.js';

export function registerNetworkRoutes(app: FastifyInstance, database: Database): void {
  registerAddPersonPage(app, database);
  registerRelationshipPages(app, database);
  registerPersonPages(app, database);
  registerDrawingPages(app, database);
}
