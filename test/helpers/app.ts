import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { RegisteredRoute } from '../../src/platform/access/route-access.js';
import type { Database } from '../../src/platform/db/database.js';
import type { KithFeature } from '../../src/platform/features/feature.js';
import type { SessionPolicy } from '../../src/platform/identity/session-store.js';
import { openTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  routes: RegisteredRoute[];
  sessionSecret: string;
  close(): Promise<void>;
}

export const TEST_SESSION_SECRET = 't'.repeat(64);

export async function buildTestApp(
  sessionPolicy: SessionPolicy = { idleMinutes: 30, absoluteHours: 12 },
  /** Features added after Kith's own, e.g. a stand-in chronology source. */
  extraFeatures: readonly KithFeature[] = [],
): Promise<TestApp> {
  const database = await openTestDatabase();
  const { app, routes } = await buildApp({
    database,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    sessionSecret: TEST_SESSION_SECRET,
    sessionPolicy,
    extraFeatures,
  });
  return {
    app,
    database,
    routes,
    sessionSecret: TEST_SESSION_SECRET,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/**
 * The app the tests of one file share: built before the first test, closed after the last. The
 * object answered is filled in when it is built, so a test file writes `const kith = testAppPerFile();`.
 */
export function testAppPerFile(): TestApp {
  const kith = {} as TestApp;
  before(async () => {
    Object.assign(kith, await buildTestApp());
  });
  after(() => kith.close());
  return kith;
}
