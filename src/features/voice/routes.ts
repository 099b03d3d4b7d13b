/**
 * Voice's pages, one file per group under `routes/`: visits, the child's own words and taking
 * part, direct work, the chronology, search, and downloading attachments.
 */
import type { FastifyInstance } from 'fastify';
import { registerAttachmentDownload } from './routes/attachments.js';
import { registerChronologyPages } from './routes/chronology.js';
import { registerDirectWorkPages } from './routes/direct-work.js';
import { registerOwnWordsPages } from './routes/own-words.js';
import { registerSearchPages } from './routes/search.js';
import type { VoicePagesContext } from './routes/shared.js';
import { registerVisitPages } from './routes/visits.js';

/** Every page of voice, given the application's database and chronology sources. */
export function registerVoicePages(app: FastifyInstance, context: VoicePagesContext): void {
  registerVisitPages(app, context);
  registerOwnWordsPages(app, context);
  registerDirectWorkPages(app, context);
  registerChronologyPages(app, context);
  registerAttachmentDownload(app, context);
  registerSearchPages(app, context);
}
