import { randomUUID } from 'node:crypto';
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
import { renderGovukTable } from './table.js';
import { childRecordSections, type ChildRecordSectionEntry } from './child-record-navigation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../../..');

export const SERVICE_NAME = 'Kith';

/**
 * `{% from "x.njk" import aMacro %}` runs x.njk's top level again on every render to collect
 * its macros, and GOV.UK's templates import one another at every level: the layout alone took
 * about 0.3 ms a page, most of it re-importing macros. An import without context (all of
 * GOV.UK's, MoJ's and ours; `with context` is never used) gives the same macros every time:
 * they read only their arguments and the environment's globals. So each template's macros are
 * collected once and kept with the template (a template reloaded from disk starts afresh).
 */
function keepImportedMacros(): void {
  type Exported = Record<string, unknown>;
  type ExportedCallback = (error: unknown, exported: Exported | null) => void;
  interface TemplateWithExports {
    getExported: (this: object, ...args: unknown[]) => void;
  }
  const prototype = (nunjucks.Template as unknown as { prototype: TemplateWithExports }).prototype;
  if ((prototype as { keepsImportedMacros?: boolean }).keepsImportedMacros) return;
  const collect = prototype.getExported;
  const kept = new WeakMap<object, Exported>();
  prototype.getExported = function getExported(this: object, ...args: unknown[]) {
    const [first] = args;
    // Called with only a callback: an import without context, the same macros every time.
    if (args.length !== 1 || typeof first !== 'function') {
      collect.apply(this, args);
      return;
    }
    const done = first as ExportedCallback;
    const known = kept.get(this);
    if (known) {
      done(null, known);
      return;
    }
    collect.call(this, (error: unknown, exported: Exported | null) => {
      if (!error && exported) kept.set(this, exported);
      done(error, exported);
    });
  };
  (prototype as { keepsImportedMacros?: boolean }).keepsImportedMacros = true;
}

/**
 * Every variable a template sets goes through `Frame.set`, which splits its name on dots each
 * time: a for loop alone sets seven (`loop.index`, `loop.first`, ...) on every pass. A GOV.UK
 * table of 50 rows made about 4,000 such calls a render, and they were a sixth of Kith's CPU on
 * the audit search page. The names come from compiled templates, so there are few of them:
 * each is split once and kept. What is set, and where, is unchanged.
 */
function splitVariableNamesOnce(): void {
  interface Frame {
    variables: Record<string, unknown>;
    set(name: string, value: unknown, resolveUp?: boolean): void;
    resolve(name: string, forWrite: boolean): Frame | undefined;
  }
  const runtime = (nunjucks as unknown as { runtime: { Frame: { prototype: Frame & { splitsNamesOnce?: boolean } } } })
    .runtime;
  const prototype = runtime.Frame.prototype;
  if (prototype.splitsNamesOnce) return;
  const splitNames = new Map<string, string[]>();
  const MOST_NAMES_KEPT = 10_000;
  prototype.set = function set(this: Frame, name: string, value: unknown, resolveUp?: boolean) {
    let parts = splitNames.get(name);
    if (parts === undefined) {
      parts = name.split('.');
      if (splitNames.size < MOST_NAMES_KEPT) splitNames.set(name, parts);
    }
    // As Nunjucks does: a write that may resolve upwards goes to the frame that already has the name.
    if (resolveUp) {
      const holder = this.resolve(parts[0]!, true);
      if (holder) {
        holder.set(name, value);
        return;
      }
    }
    let target = this.variables;
    for (let index = 0; index < parts.length - 1; index += 1) {
      const id = parts[index]!;
      if (!target[id]) target[id] = {};
      target = target[id] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  };
  prototype.splitsNamesOnce = true;
}

export function createViewEnvironment(
  manifest: AssetManifest,
  /** The sections of a child's record, from the features' manifests. */
  recordSections: readonly ChildRecordSectionEntry[] = [],
): nunjucks.Environment {
  keepImportedMacros();
  splitVariableNamesOnce();
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
  // Each form rendered carries a one-time id: sent twice (a double click, a retry after a lost
  // answer), it records once (platform/idempotency).
  environment.addGlobal('newSubmissionId', () => randomUUID());
  environment.addGlobal('govukAssetPath', manifest.govukAssetPath);
  environment.addGlobal('paths', platformPaths);
  environment.addGlobal('asset', (logicalName: string) => manifest.url(logicalName));
  environment.addGlobal('renderGovukTable', renderGovukTable);
  environment.addGlobal('childRecordSections', childRecordSections(recordSections));
  return environment;
}
