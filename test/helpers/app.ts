import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { RegisteredRoute } from '../../src/platform/access/route-access.js';
import type { Database } from '../../src/platform/db/database.js';
import { openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  routes: RegisteredRoute[];
  close(): Promise<void>;
}

export async function buildTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const { app, routes } = await buildApp({ database, logLevel: 'silent' });
  return {
    app,
    database,
    routes,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
