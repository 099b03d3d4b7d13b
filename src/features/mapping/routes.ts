/**
 * The mapping's pages, by group: the child's mappings, scaling and comparison, and starting a
 * mapping (routes/mappings.ts); one mapping and an entry's history (routes/mapping.ts); adding
 * and changing entries (routes/entries.ts); scores (routes/scores.ts); and a line carried in
 * from a visit (routes/from-visit.ts). The forms are GOV.UK question pages: checked on the
 * server, shown again with what was typed and an error summary when something is missing.
 */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import { registerEntryPages } from './routes/entries.js';
import { registerFromVisitPage } from './routes/from-visit.js';
import { registerMappingPages } from './routes/mapping.js';
import { registerMappingsPages } from './routes/mappings.js';
import { registerScorePage } from './routes/scores.js';

export function registerMappingRoutes(app: FastifyInstance, database: Database): void {
  registerMappingsPages(app, database);
  registerMappingPages(app, database);
  registerEntryPages(app, database);
  registerFromVisitPage(app, database);
  registerScorePage(app, database);
}
