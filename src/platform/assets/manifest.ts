/**
 * Which hashed file serves each logical asset name. Hashed names let every asset be cached
 * for a year (immutable); a new build makes new names, so nobody sees a stale stylesheet.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUILD_DIR = path.join(projectRoot, 'public/build');
export const GOVUK_ASSETS_DIR = path.join(projectRoot, 'node_modules/govuk-frontend/dist/govuk/assets');
const MANIFEST_FILE = path.join(BUILD_DIR, 'manifest.json');

export const BUILD_URL_PREFIX = '/assets/build/';

function govukVersion(): string {
  const packageJson = JSON.parse(
    readFileSync(path.join(projectRoot, 'node_modules/govuk-frontend/package.json'), 'utf8'),
  ) as { version: string };
  return packageJson.version;
}

export interface AssetManifest {
  url(logicalName: string): string;
  /** Where the GOV.UK favicons and manifest are served, versioned so they can be cached long. */
  govukAssetPath: string;
}

export function writeManifest(outputs: Record<string, string>): void {
  mkdirSync(BUILD_DIR, { recursive: true });
  writeFileSync(MANIFEST_FILE, `${JSON.stringify(outputs, null, 2)}\n`);
}

export function loadManifest(): AssetManifest {
  if (!existsSync(MANIFEST_FILE)) {
    throw new Error('The browser assets have not been built. Run: npm run build:assets');
  }
  const outputs = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8')) as Record<string, string>;
  return {
    url(logicalName) {
      const file = outputs[logicalName];
      if (!file) throw new Error(`No built asset is called ${logicalName}`);
      return `${BUILD_URL_PREFIX}${file}`;
    },
    govukAssetPath: `/assets/govuk-frontend-${govukVersion()}`,
  };
}
