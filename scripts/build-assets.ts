/**
 * Builds the browser assets with esbuild into public/build: one stylesheet and one script,
 * with the GOV.UK fonts and images, all named by content hash so they can be cached for a
 * year. A manifest maps logical names (app.css) to the hashed files.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BUILD_DIR, writeManifest } from '../src/platform/assets/manifest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The GOV.UK and MoJ compiled stylesheets point at /assets/...; each package keeps those
 * files in an assets folder beside its stylesheet, so make the URLs relative and let esbuild
 * bundle them with hashed names.
 */
const designSystemAssetUrls: esbuild.Plugin = {
  name: 'design-system-asset-urls',
  setup(build) {
    build.onLoad({ filter: /(govuk-frontend|moj-frontend)\.min\.css$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8')
        .replaceAll('url(/assets/', 'url(./assets/')
        // GDS Transport is licensed for GOV.UK services only; councils use the Arial fallback.
        .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
        .replaceAll('font-family:GDS Transport,arial,sans-serif', 'font-family:arial,sans-serif'),
      loader: 'css',
      resolveDir: path.dirname(args.path),
    }));
  },
};

export async function buildAssets(): Promise<void> {
  await rm(BUILD_DIR, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: 'client/app.ts', 'app-styles': 'client/app.css' },
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['es2020'],
    outdir: BUILD_DIR,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file', '.ico': 'file' },
    metafile: true,
    logLevel: 'error',
    plugins: [designSystemAssetUrls],
  });
  const outputs: Record<string, string> = {};
  for (const [outputPath, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint || outputPath.endsWith('.map')) continue;
    const logicalName = output.entryPoint.endsWith('.css') ? 'app.css' : 'app.js';
    outputs[logicalName] = path.basename(outputPath);
  }
  writeManifest(outputs);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await buildAssets();
  console.log(`Built browser assets in ${Math.round(performance.now() - started)} ms`);
}
