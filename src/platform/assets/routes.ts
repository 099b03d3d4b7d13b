/**
 * Serves the browser assets from the app itself (no CDN): the hashed build and the GOV.UK
 * favicons, cached for a year because their names change whenever their content does.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { BUILD_DIR, BUILD_URL_PREFIX, GOVUK_ASSETS_DIR, type AssetManifest } from './manifest.js';

const FILE_PATTERN = /^[A-Za-z0-9._-]+$/;
const ONE_YEAR = 'public, max-age=31536000, immutable';

export async function registerAssetRoutes(app: FastifyInstance, manifest: AssetManifest): Promise<void> {
  await app.register(fastifyStatic, { root: [BUILD_DIR, GOVUK_ASSETS_DIR], serve: false });

  app.get<{ Params: { file: string } }>(
    `${BUILD_URL_PREFIX}:file`,
    { config: { access: { public: 'compiled stylesheets and scripts hold no personal data' } } },
    async (request, reply) => {
      const { file } = request.params;
      if (!FILE_PATTERN.test(file)) {
        reply.callNotFound();
        return reply;
      }
      reply.header('cache-control', ONE_YEAR);
      return reply.sendFile(file, BUILD_DIR, { cacheControl: false });
    },
  );

  app.get<{ Params: { '*': string } }>(
    `${manifest.govukAssetPath}/*`,
    { config: { access: { public: 'GOV.UK Frontend icons and images hold no personal data' } } },
    async (request, reply) => {
      const file = request.params['*'];
      if (!file.split('/').every((part) => FILE_PATTERN.test(part) && part !== '..')) {
        reply.callNotFound();
        return reply;
      }
      reply.header('cache-control', ONE_YEAR);
      return reply.sendFile(file, GOVUK_ASSETS_DIR, { cacheControl: false });
    },
  );
}
