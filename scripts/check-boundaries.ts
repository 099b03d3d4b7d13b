/**
 * `npm run check:boundaries` (and so `npm run lint`, and so CI): the architecture's boundaries, checked
 * from the import graph of src/. Every violation is one line, `file:line  rule-name  explanation`; the
 * script exits 1 if there are any and prints `boundaries: N files, no violations` otherwise.
 *
 * The rules:
 *
 * 1. platform-imports-feature: nothing under src/platform/ imports anything under src/features/ or
 *    src/demo/, nor src/app.ts or src/server.ts. The platform is what features stand on, never the reverse.
 *    The platform's own tests may make records with a feature's queries (tenant isolation needs real rows).
 * 2. feature-internals: a file of one feature imports another feature only through that feature's public
 *    surface: its `index.ts` (behaviour) and its `schema.ts` (its tables, which other features' queries
 *    may join, read-only by convention: writes go through the owner's service). Tests (`*.test.ts`) and test fixtures (`*fixtures.ts`) may
 *    reach inside. src/app.ts may import a feature's `feature.ts` (its manifest) or its `index.ts`,
 *    nothing else. src/demo/** is exempt: the demo seed writes every feature's tables itself.
 * 3. sql-outside-queries: SQL is written only in `queries.ts` files, files under a `queries/` folder,
 *    src/platform/db/**, `schema.ts` files (Drizzle table definitions), tests, fixtures and src/demo/**.
 *    SQL is a value import from 'drizzle-orm' or 'drizzle-orm/pg-core', or a string or template literal
 *    that reads as a SQL statement (comments never count: only literals in the syntax tree are read).
 * 4. import-cycle: no cycle in the runtime import graph of src/'s production files (not `*.test.ts`).
 *    `import type` (and `export type`) is erased and is not an edge. Beware: with this project's
 *    `verbatimModuleSyntax`, `import { type A } from './x.js'` is NOT erased, it becomes
 *    `import {} from './x.js'` and still loads x.ts, so it is an edge. Each strongly connected component
 *    is reported once, with one shortest example cycle.
 *
 * Imports are read with the TypeScript parser, so multi-line imports, `export … from`, dynamic
 * `import('…')` and `import('…')` types are all seen. Relative specifiers are resolved as NodeNext does
 * for this project: `./x.js` is `./x.ts`, and a folder import finds its `index.ts`.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type RuleName = 'platform-imports-feature' | 'feature-internals' | 'sql-outside-queries' | 'import-cycle';

export const RULES: readonly RuleName[] = [
  'platform-imports-feature',
  'feature-internals',
  'sql-outside-queries',
  'import-cycle',
];

export interface Violation {
  /** Path from the root, with forward slashes: `src/features/people/service.ts`. */
  file: string;
  line: number;
  rule: RuleName;
  message: string;
}

export interface BoundaryReport {
  /** How many `.ts` files under src/ were read. */
  files: number;
  violations: Violation[];
}

/** One import, export-from, dynamic import or import type, as written in a file. */
interface ImportEdge {
  specifier: string;
  line: number;
  /** Erased at runtime (`import type`, `export type`, an `import('…')` type). */
  typeOnly: boolean;
  /** Brings in at least one value binding (what rule 3 counts for 'drizzle-orm'). */
  importsValue: boolean;
  /** For relative specifiers: the file it names, from the root (a best guess if it does not exist). */
  target?: string;
  /** Whether `target` exists. */
  resolved: boolean;
}

interface SourceInfo {
  file: string;
  imports: ImportEdge[];
  sqlLiterals: { line: number; text: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Walking and parsing

function listTsFiles(rootDir: string, directory: string): string[] {
  const found: string[] = [];
  const absolute = path.join(rootDir, directory);
  if (!existsSync(absolute)) return found;
  for (const entry of readdirSync(absolute).sort()) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const relative = `${directory}/${entry}`;
    if (statSync(path.join(rootDir, relative)).isDirectory()) found.push(...listTsFiles(rootDir, relative));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) found.push(relative);
  }
  return found;
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** The file a relative specifier names, as Node's NodeNext resolution (with TypeScript sources) finds it. */
function resolveRelative(rootDir: string, fromFile: string, specifier: string): { target: string; resolved: boolean } {
  const base = path.resolve(rootDir, path.dirname(fromFile), specifier);
  const candidates: string[] = [];
  const swapped = /\.(m|c)?jsx?$/.exec(base);
  if (swapped) {
    const stem = base.slice(0, -swapped[0].length);
    const kind = swapped[1] ?? '';
    candidates.push(`${stem}.${kind}ts`);
    if (!kind) candidates.push(`${stem}.tsx`);
  }
  candidates.push(base, `${base}.ts`, path.join(base, 'index.ts'));
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return { target: toPosix(path.relative(rootDir, candidate)), resolved: true };
    }
  }
  // Unresolved (a file being written, or a typo the typechecker will report): still classify it by path.
  return { target: toPosix(path.relative(rootDir, candidates[0]!)), resolved: false };
}

function stringValue(node: ts.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) return node.text;
  return undefined;
}

function readSource(rootDir: string, file: string): SourceInfo {
  const text = readFileSync(path.join(rootDir, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports: ImportEdge[] = [];
  const sqlLiterals: SourceInfo['sqlLiterals'] = [];
  const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  const addImport = (node: ts.Node, specifier: string, typeOnly: boolean, importsValue: boolean): void => {
    const edge: ImportEdge = { specifier, line: lineOf(node), typeOnly, importsValue, resolved: false };
    if (specifier.startsWith('.')) Object.assign(edge, resolveRelative(rootDir, file, specifier));
    imports.push(edge);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const specifier = stringValue(node.moduleSpecifier);
      if (specifier !== undefined) {
        const clause = node.importClause;
        // `import type { A }` is erased; `import { type A }` is kept as `import {}` (verbatimModuleSyntax).
        const typeOnly = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword;
        let importsValue = !typeOnly;
        if (clause && !typeOnly && !clause.name) {
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamedImports(bindings)) {
            importsValue = bindings.elements.some((element) => !element.isTypeOnly);
          }
        }
        if (!clause) importsValue = true; // a side-effect import runs the module
        addImport(node, specifier, typeOnly, importsValue);
      }
    } else if (ts.isExportDeclaration(node)) {
      const specifier = stringValue(node.moduleSpecifier);
      if (specifier !== undefined) {
        const clause = node.exportClause;
        const importsValue =
          !node.isTypeOnly &&
          (!clause || !ts.isNamedExports(clause) || clause.elements.some((element) => !element.isTypeOnly));
        addImport(node, specifier, node.isTypeOnly, importsValue);
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const specifier = stringValue(node.moduleReference.expression);
      if (specifier !== undefined) addImport(node, specifier, node.isTypeOnly, !node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const specifier = stringValue(node.arguments[0]);
      if (specifier !== undefined) addImport(node, specifier, false, true);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      const specifier = ts.isLiteralTypeNode(argument) ? stringValue(argument.literal) : undefined;
      if (specifier !== undefined) addImport(node, specifier, true, false);
    }

    // Only literals that are expressions: import specifiers and literal types are not SQL.
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!ts.isLiteralTypeNode(node.parent) && !isModuleSpecifier(node) && looksLikeSql(node.text)) {
        sqlLiterals.push({ line: lineOf(node), text: node.text });
      }
    } else if (ts.isTemplateExpression(node)) {
      // `${…}` holes stand in as a placeholder, so `select * from ${table}` still reads as SQL.
      const joined = (hole: string): string =>
        node.head.text + node.templateSpans.map((span) => hole + span.literal.text).join('');
      if (looksLikeSql(joined(' __ '))) sqlLiterals.push({ line: lineOf(node), text: joined('${…}') });
      // The holes may hold literals of their own; visit only the expressions, not the spans' text again.
      for (const span of node.templateSpans) visit(span.expression);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { file, imports, sqlLiterals };
}

function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    (ts.isImportDeclaration(parent) && parent.moduleSpecifier === node) ||
    (ts.isExportDeclaration(parent) && parent.moduleSpecifier === node) ||
    ts.isExternalModuleReference(parent) ||
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword)
  );
}

// ---------------------------------------------------------------------------------------------------
// Recognising SQL in a literal

/**
 * Words that follow a verb in English but never name a table or a column: "Select a coordinator from
 * the list", "Delete from your account", "Update the set of people".
 */
const ENGLISH = new Set(
  'a an the this that these those their your our my his her its one some any each every which what who whom whose whether how when where all'.split(
    ' ',
  ),
);

/** SQL keywords are written all lower case or all upper case; "Select" and "From" are prose. */
function isKeywordCase(word: string): boolean {
  return word === word.toLowerCase() || word === word.toUpperCase();
}

function wordAfter(text: string, index: number): string {
  return /^\s*"?([A-Za-z_]\w*)/.exec(text.slice(index))?.[1] ?? '';
}

/**
 * Whether a string reads as a SQL statement. Tuned on the real tree so that validation messages and
 * prose ("Select a coordinator from the list", "The selected file…") do not match while every query
 * written as a string does.
 */
export function looksLikeSql(text: string): boolean {
  // select … from <table>: keywords in SQL case, the select list not opening with an English word.
  for (const match of text.matchAll(/\b(select)\s+([\s\S]+?)\b(from)\s+("?[A-Za-z_][\w.]*"?)/gi)) {
    const [, select, list, from, table] = match as unknown as [string, string, string, string, string];
    if (!isKeywordCase(select) || !isKeywordCase(from)) continue;
    if (select !== select.toLowerCase() && from === from.toLowerCase()) continue; // "SELECT … from" reads as prose
    if (ENGLISH.has(wordAfter(list, 0).toLowerCase()) || ENGLISH.has(table.replaceAll('"', '').toLowerCase())) continue;
    return true;
  }
  // select <function>(…), with no from: `select set_config('kith.tenant_id', $1, true)`.
  if (/^\s*(select|SELECT)\s+[a-z_][\w.]*\s*\(/.test(text)) return true;
  for (const match of text.matchAll(/\b(insert\s+into|delete\s+from)\s+("?[A-Za-z_]\w*)/gi)) {
    const [, verb, table] = match as unknown as [string, string, string];
    if (isKeywordCase(verb) && !ENGLISH.has(table.replaceAll('"', '').toLowerCase())) return true;
  }
  // update <table> [alias] set
  for (const match of text.matchAll(/\b(update)\s+("?[A-Za-z_][\w.]*"?)(?:\s+(?:as\s+)?[A-Za-z_]\w*)?\s+(set)\b/gi)) {
    const [, update, table, set] = match as unknown as [string, string, string, string];
    if (isKeywordCase(update) && isKeywordCase(set) && !ENGLISH.has(table.replaceAll('"', '').toLowerCase())) {
      return true;
    }
  }
  // truncate: only a whole truncate statement, since "truncate names longer than…" is English.
  const name = '"?[A-Za-z_][\\w.]*"?';
  const truncate = new RegExp(
    `^\\s*(truncate)\\s+(?:table\\s+)?(?:only\\s+)?${name}(?:\\s*,\\s*${name})*` +
      '(?:\\s+(?:restart|continue)\\s+identity)?(?:\\s+(?:cascade|restrict))?\\s*;?\\s*$',
    'i',
  ).exec(text);
  if (truncate && isKeywordCase(truncate[1]!)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Where a file sits

const isTest = (file: string): boolean => file.endsWith('.test.ts');
const isFixture = (file: string): boolean => file.endsWith('fixtures.ts');
const isDemo = (file: string): boolean => file.startsWith('src/demo/');
const isPlatform = (file: string): boolean => file.startsWith('src/platform/');
const featureOf = (file: string): string | undefined => /^src\/features\/([^/]+)\//.exec(file)?.[1];

function sqlAllowedIn(file: string): boolean {
  const name = path.posix.basename(file);
  return (
    name === 'queries.ts' ||
    file.split('/').slice(0, -1).includes('queries') ||
    file.startsWith('src/platform/db/') ||
    name === 'schema.ts' ||
    isTest(file) ||
    isFixture(file) ||
    isDemo(file) ||
    file.startsWith('migrations/')
  );
}

/** The modules whose values write SQL: the query builder, and pg-core (table definitions, `union`…). */
const SQL_MODULES = new Set(['drizzle-orm', 'drizzle-orm/pg-core']);

// ---------------------------------------------------------------------------------------------------
// The rules

function checkImports(info: SourceInfo, violations: Violation[]): void {
  const { file } = info;
  const importerFeature = featureOf(file);
  for (const edge of info.imports) {
    const target = edge.target;

    if (target && isPlatform(file) && !isTest(file)) {
      if (
        target.startsWith('src/features/') ||
        isDemo(target) ||
        target === 'src/app.ts' ||
        target === 'src/server.ts'
      ) {
        violations.push({
          file,
          line: edge.line,
          rule: 'platform-imports-feature',
          message: `imports '${edge.specifier}' (${target}): the platform must not depend on features, the demo or the app`,
        });
      }
    }

    // src/demo/** is deliberately not checked here: the demo seed writes every feature's tables directly.
    const targetFeature = target ? featureOf(target) : undefined;
    if (target && targetFeature) {
      const surface = `src/features/${targetFeature}/index.ts`;
      const tables = `src/features/${targetFeature}/schema.ts`;
      if (file === 'src/app.ts') {
        if (target !== surface && target !== `src/features/${targetFeature}/feature.ts`) {
          violations.push({
            file,
            line: edge.line,
            rule: 'feature-internals',
            message: `imports '${edge.specifier}' (${target}): app.ts may import only a feature's feature.ts or index.ts`,
          });
        }
      } else if (importerFeature && importerFeature !== targetFeature && !isTest(file) && !isFixture(file)) {
        if (target !== surface && target !== tables) {
          violations.push({
            file,
            line: edge.line,
            rule: 'feature-internals',
            message: `imports '${edge.specifier}' (${target}): use the ${targetFeature} feature's public surface, ${surface} (or its tables, ${tables})`,
          });
        }
      }
    }

    if (SQL_MODULES.has(edge.specifier) && edge.importsValue && !sqlAllowedIn(file)) {
      violations.push({
        file,
        line: edge.line,
        rule: 'sql-outside-queries',
        message: `imports values from '${edge.specifier}': queries belong in a queries.ts (tables in schema.ts)`,
      });
    }
  }
}

function checkSql(info: SourceInfo, violations: Violation[]): void {
  if (sqlAllowedIn(info.file)) return;
  for (const literal of info.sqlLiterals) {
    const excerpt = literal.text.replace(/\s+/g, ' ').trim();
    violations.push({
      file: info.file,
      line: literal.line,
      rule: 'sql-outside-queries',
      message: `SQL in a string: "${excerpt.length > 60 ? `${excerpt.slice(0, 57)}...` : excerpt}": move it to a queries.ts`,
    });
  }
}

/** Tarjan's strongly connected components, iteratively; each component's nodes in no particular order. */
function stronglyConnected(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const successors = edges.get(frame.node) ?? [];
      if (frame.next < successors.length) {
        const successor = successors[frame.next++]!;
        if (!index.has(successor)) {
          index.set(successor, counter);
          low.set(successor, counter);
          counter++;
          stack.push(successor);
          onStack.add(successor);
          work.push({ node: successor, next: 0 });
        } else if (onStack.has(successor)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** The shortest cycle through `start` that stays inside `members`, as a closed path. */
function shortestCycle(start: string, members: Set<string>, edges: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const successor of edges.get(node) ?? []) {
      if (!members.has(successor)) continue;
      if (successor === start) {
        const between: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) between.unshift(at);
        return [start, ...between, start];
      }
      if (!seen.has(successor)) {
        seen.add(successor);
        previous.set(successor, node);
        queue.push(successor);
      }
    }
  }
  return [start, start];
}

function checkCycles(infos: SourceInfo[], violations: Violation[]): void {
  const production = infos.filter((info) => !isTest(info.file));
  const known = new Set(production.map((info) => info.file));
  const edges = new Map<string, string[]>();
  const lineOf = new Map<string, number>();
  for (const info of production) {
    const successors: string[] = [];
    for (const edge of info.imports) {
      if (edge.typeOnly || !edge.resolved || !edge.target || !known.has(edge.target)) continue;
      if (!successors.includes(edge.target)) successors.push(edge.target);
      const key = `${info.file}\n${edge.target}`;
      if (!lineOf.has(key)) lineOf.set(key, edge.line);
    }
    edges.set(info.file, successors);
  }

  for (const component of stronglyConnected([...known].sort(), edges)) {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const selfLoop = (edges.get(start) ?? []).includes(start);
    if (component.length === 1 && !selfLoop) continue;
    const cycle = shortestCycle(start, members, edges);
    const short = (file: string): string => file.replace(/^src\//, '');
    const size =
      component.length > cycle.length - 1
        ? ` (one of the cycles among these ${component.length} files: ${[...component].sort().map(short).join(', ')})`
        : '';
    violations.push({
      file: start,
      line: lineOf.get(`${start}\n${cycle[1]!}`) ?? 1,
      rule: 'import-cycle',
      message: `${cycle.map(short).join(' → ')}${size}`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Entry points

/** Every boundary violation under `rootDir`/src, with how many files were read. */
export function analyseBoundaries(rootDir: string): BoundaryReport {
  const files = listTsFiles(rootDir, 'src');
  const infos = files.map((file) => readSource(rootDir, file));
  const violations: Violation[] = [];
  for (const info of infos) {
    checkImports(info, violations);
    checkSql(info, violations);
  }
  checkCycles(infos, violations);
  violations.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || RULES.indexOf(a.rule) - RULES.indexOf(b.rule),
  );
  return { files: files.length, violations };
}

/** Every boundary violation in the `src/` folder of the project at `rootDir`. */
export function checkBoundaries(rootDir: string): Violation[] {
  return analyseBoundaries(rootDir).violations;
}

export function formatViolation(violation: Violation): string {
  return `${violation.file}:${violation.line}  ${violation.rule}  ${violation.message}`;
}

function main(): void {
  const rootDir = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const { files, violations } = analyseBoundaries(rootDir);
  if (violations.length === 0) {
    console.log(`boundaries: ${files} files, no violations`);
    return;
  }
  for (const violation of violations) console.log(formatViolation(violation));
  const counts = RULES.map((rule) => [rule, violations.filter((violation) => violation.rule === rule).length] as const)
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(', ');
  const noun = violations.length === 1 ? 'violation' : 'violations';
  console.log(`boundaries: ${files} files, ${violations.length} ${noun} (${counts})`);
  process.exitCode = 1;
}

function runDirectly(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return realpathSync(invoked) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) main();
