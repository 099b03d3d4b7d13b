/**
 * The Nunjucks environment: our layouts and components, each feature's own views, and the
 * GOV.UK and MoJ design system macros. Autoescaping is on, so everything a person typed is
 * rendered as text; `| safe` is only used on HTML that a macro built.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { AssetManifest } from '../assets/manifest.js';
import { platformPaths } from './paths.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../../..');

export const SERVICE_NAME = 'Kith';

export function createViewEnvironment(manifest: AssetManifest): nunjucks.Environment {
  const environment = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [
        path.join(here, 'templates'),
        path.join(projectRoot, 'src/features'),
        path.join(projectRoot, 'src/platform'),
        path.join(projectRoot, 'node_modules/govuk-frontend/dist'),
        path.join(projectRoot, 'node_modules/@ministryofjustice/frontend'),
      ],
      { noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  environment.addGlobal('serviceName', SERVICE_NAME);
  environment.addGlobal('govukAssetPath', manifest.govukAssetPath);
  environment.addGlobal('paths', platformPaths);
  environment.addGlobal('asset', (logicalName: string) => manifest.url(logicalName));
  return environment;
}
