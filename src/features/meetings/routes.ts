import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';

export function registerMeetingsRoutes(_app: FastifyInstance, _database: Database): void {}
