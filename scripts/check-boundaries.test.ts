/**
 * The boundary checker on small throwaway trees: a clean one where nothing fires, then the clean one with
 * one planted violation at a time, asserting exactly which rules fire where.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyseBoundaries, checkBoundaries, looksLikeSql } from './check-boundaries.js';

type Tree = Record<string, string>;

const made: string[] = [];
after(() => {
  for (const directory of made) rmSync(directory, { recursive: true, force: true });
});

function makeTree(files: Tree): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kith-boundaries-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** What fired, as `rule file:line`, in the checker's order. */
function fired(files: Tree): string[] {
  return checkBoundaries(makeTree(files)).map((violation) => `${violation.rule} ${violation.file}:${violation.line}`);
}

/** A tree that keeps every rule, including the places each rule lets through. */
const clean: Tree = {
  'src/server.ts': `import { buildApp } from './app.js';\nvoid buildApp();\n`,
  'src/app.ts': [
    `import { peopleFeature } from './features/people/feature.js';`,
    `import { listPeople } from './features/people/index.js';`,
    `import { networkFeature } from './features/network/feature.js';`,
    `import { problem } from './platform/http/problem.js';`,
    `export async function buildApp() { return [peopleFeature, networkFeature, listPeople, problem]; }`,
  ].join('\n'),
  'src/platform/http/problem.ts': `export const problem = (status: number) => ({ status });\n`,
  'src/platform/db/tenancy.ts': [
    `import { sql } from 'drizzle-orm';`,
    `export const setTenant = (id: string) => sql\`select set_config('kith.tenant_id', \${id}, true)\`;`,
    `export const councils = 'select id, name from tenants order by name';`,
  ].join('\n'),
  'src/platform/audit/audit-log.ts': [
    `import type { SQL } from 'drizzle-orm';`,
    `import { type AnyColumn } from 'drizzle-orm';`,
    `// Audit rows are read with select … from audit_events, in a queries file; a comment is not SQL:`,
    `/* SELECT * FROM audit_events WHERE tenant_id = $1 */`,
    `export type Filter = SQL | AnyColumn;`,
  ].join('\n'),
  'src/features/people/index.ts': [
    `export { listPeople } from './service.js';`,
    `export type { Person } from './schema.js';`,
  ].join('\n'),
  'src/features/people/feature.ts': `import { registerPeopleRoutes } from './routes.js';\nexport const peopleFeature = { register: registerPeopleRoutes };\n`,
  'src/features/people/routes.ts': [
    `import { listPeople } from './service.js';`,
    `import { problem } from '../../platform/http/problem.js';`,
    `// Each row comes from "select id, name from people": see queries.ts.`,
    `export const messages = {`,
    `  coordinator: 'Select a coordinator from the list',`,
    `  someone: \`Select someone from the family\`,`,
    `  file: 'The selected file is empty',`,
    `  update: 'Update the set of people who can see this',`,
    `  remove: 'Delete from your list',`,
    `  shorten: 'Truncate long names to 13 characters',`,
    `};`,
    `export const registerPeopleRoutes = () => [listPeople, problem];`,
  ].join('\n'),
  'src/features/people/service.ts': `import { peopleFor } from './queries.js';\nexport const listPeople = peopleFor;\n`,
  'src/features/people/queries.ts': [
    `import { and, eq, sql } from 'drizzle-orm';`,
    `import { people } from './schema.js';`,
    `export const peopleFor = (tenantId: string) => ['select id, name from people where tenant_id = $1', tenantId, people, and, eq, sql];`,
  ].join('\n'),
  'src/features/people/schema.ts': [
    `import { pgTable, text, uuid } from 'drizzle-orm/pg-core';`,
    `export const people = pgTable('people', { id: uuid('id'), name: text('name') });`,
    `export type Person = typeof people.$inferSelect;`,
  ].join('\n'),
  // A type-only cycle: erased at runtime, so not a cycle.
  'src/features/people/kinds.ts': `import type { Relation } from './relations.js';\nexport interface Kind { relation: Relation }\n`,
  'src/features/people/relations.ts': `export type { Kind } from './kinds.js';\nimport type { Kind } from './kinds.js';\nexport interface Relation { kind: Kind }\n`,
  // Tests and fixtures may reach into another feature, and may write SQL.
  'src/features/people/people.int.test.ts': [
    `import { networkFor } from '../network/service.js';`,
    `import { eq } from 'drizzle-orm';`,
    `export const rows = ['delete from people', networkFor, eq];`,
  ].join('\n'),
  'src/features/network/network-fixtures.ts': [
    `import { peopleFor } from '../people/queries.js';`,
    `import { sql } from 'drizzle-orm';`,
    `export const seed = [sql\`insert into people (id) values (\${1})\`, peopleFor];`,
  ].join('\n'),
  'src/features/network/index.ts': `export { networkFor } from './service.js';\n`,
  'src/features/network/feature.ts': `import { networkFor } from './service.js';\nexport const networkFeature = { networkFor };\n`,
  'src/features/network/service.ts': [
    `import {`,
    `  listPeople,`,
    `  type Person,`,
    `} from '../people/index.js';`,
    `import { membersOf } from './queries/members.js';`,
    `export const networkFor = (people: Person[]) => [listPeople, membersOf, people];`,
  ].join('\n'),
  'src/features/network/queries/members.ts': `export const membersOf = 'select person_id from network_members where child_id = $1';\n`,
  // The demo writes every feature's tables.
  'src/demo/seed.ts': [
    `import { people } from '../features/people/schema.js';`,
    `import { peopleFor } from '../features/people/queries.js';`,
    `import { count } from 'drizzle-orm';`,
    `export const seed = ['truncate people cascade', people, peopleFor, count];`,
  ].join('\n'),
};

describe('check-boundaries', () => {
  test('a clean tree has no violations', () => {
    const report = analyseBoundaries(makeTree(clean));
    assert.deepEqual(report.violations, []);
    assert.equal(report.files, Object.keys(clean).length);
  });

  test('platform-imports-feature: the platform importing a feature, the demo or the app', () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/platform/http/leak.ts': [
          `import {`,
          `  listPeople,`,
          `} from '../../features/people/index.js';`,
          `export * from '../../demo/seed.js';`,
          `export const leak = async () => [listPeople, await import('../../server.js')];`,
          `export type App = typeof import('../../app.js');`,
        ].join('\n'),
      }),
      [
        'platform-imports-feature src/platform/http/leak.ts:1',
        'platform-imports-feature src/platform/http/leak.ts:4',
        'platform-imports-feature src/platform/http/leak.ts:5',
        'platform-imports-feature src/platform/http/leak.ts:6',
      ],
    );
  });

  test("feature-internals: a feature importing another feature's service.ts instead of its index.ts", () => {
    const violations = checkBoundaries(
      makeTree({
        ...clean,
        'src/features/network/service.ts': [
          `import { listPeople } from '../people/service.js';`,
          `export const networkFor = () => [listPeople];`,
        ].join('\n'),
      }),
    );
    assert.deepEqual(
      violations.map((violation) => `${violation.rule} ${violation.file}:${violation.line}`),
      ['feature-internals src/features/network/service.ts:1'],
    );
    assert.match(violations[0]!.message, /src\/features\/people\/index\.ts/);
  });

  test("feature-internals: app.ts importing a feature's routes.ts", () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/app.ts': `${clean['src/app.ts']!}\nimport { registerPeopleRoutes } from './features/people/routes.js';\n`,
      }),
      ['feature-internals src/app.ts:6'],
    );
  });

  test("sql-outside-queries: a value import from 'drizzle-orm' in a feature's service.ts", () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/features/people/service.ts': [
          `import { peopleFor } from './queries.js';`,
          `import { eq, type SQL } from 'drizzle-orm';`,
          `export const listPeople = [peopleFor, eq];`,
          `export type Where = SQL;`,
        ].join('\n'),
      }),
      ['sql-outside-queries src/features/people/service.ts:2'],
    );
  });

  test("sql-outside-queries: pg-core outside schema.ts, and a dynamic import of 'drizzle-orm'", () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/features/people/service.ts': [
          `import { union } from 'drizzle-orm/pg-core';`,
          `export const listPeople = async () => [union, await import('drizzle-orm')];`,
        ].join('\n'),
      }),
      ['sql-outside-queries src/features/people/service.ts:1', 'sql-outside-queries src/features/people/service.ts:2'],
    );
  });

  test("sql-outside-queries: a SQL string in a feature's routes.ts", () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/features/people/routes.ts': [
          `export const registerPeopleRoutes = (db: { query(text: string): void }, table: string) => {`,
          `  db.query('select id, name from people where tenant_id = $1');`,
          `  db.query(\`update people`,
          `    set name = $2 where id = $1\`);`,
          `  db.query(\`DELETE FROM \${table} WHERE id = $1\`);`,
          `};`,
        ].join('\n'),
      }),
      [
        'sql-outside-queries src/features/people/routes.ts:2',
        'sql-outside-queries src/features/people/routes.ts:3',
        'sql-outside-queries src/features/people/routes.ts:5',
      ],
    );
  });

  test('comments mentioning "select … from" do not fire, nor does prose in strings', () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/features/people/service.ts': [
          `import { peopleFor } from './queries.js';`,
          `// We select id, name from people in queries.ts; this file only orders them.`,
          `/**`,
          ` * SELECT * FROM people WHERE tenant_id = $1 is what the query does.`,
          ` * insert into people (id) values ($1); delete from people; update people set name = $1; truncate people`,
          ` */`,
          `export const listPeople = peopleFor;`,
          `export const hint = 'Select one from the list, or select the person from their record';`,
        ].join('\n'),
      }),
      [],
    );
  });

  test('import-cycle: a two-file cycle and a three-file cycle, each reported once', () => {
    const violations = checkBoundaries(
      makeTree({
        ...clean,
        'src/features/network/a.ts': `import { b } from './b.js';\nexport const a = () => b;\n`,
        'src/features/network/b.ts': `import { a } from './a.js';\nexport const b = () => a;\n`,
        'src/platform/log/x.ts': `export { y } from './y.js';\nexport const x = 1;\n`,
        'src/platform/log/y.ts': `import { z } from './z.js';\nexport const y = z;\n`,
        'src/platform/log/z.ts': `\n\nimport { x } from './x.js';\nexport const z = x;\n`,
      }),
    );
    assert.deepEqual(
      violations.map((violation) => `${violation.rule} ${violation.file}:${violation.line} ${violation.message}`),
      [
        'import-cycle src/features/network/a.ts:1 features/network/a.ts → features/network/b.ts → features/network/a.ts',
        'import-cycle src/platform/log/x.ts:1 platform/log/x.ts → platform/log/y.ts → platform/log/z.ts → platform/log/x.ts',
      ],
    );
  });

  test('import-cycle: a cycle through `import { type … }` (kept by verbatimModuleSyntax)', () => {
    // With verbatimModuleSyntax, `import { type A } from './a.js'` is emitted as `import {} from './a.js'`,
    // which still loads a.ts; only `import type` is erased.
    assert.deepEqual(
      fired({
        ...clean,
        'src/platform/log/index.ts': `import { type Level } from './levels.js';\nexport const level: Level = 'info';\n`,
        'src/platform/log/levels.ts': `import { level } from './index.js';\nexport type Level = string;\nexport const d = level;\n`,
      }),
      ['import-cycle src/platform/log/index.ts:1'],
    );
  });

  test('import-cycle: a knot of files is reported once, with its shortest cycle and every member; a self-import too', () => {
    const violations = checkBoundaries(
      makeTree({
        ...clean,
        'src/platform/log/p.ts': `import { q } from './q.js';\nexport const p = q;\n`,
        'src/platform/log/q.ts': `import { p } from './p.js';\nimport { r } from './r.js';\nexport const q = [p, r];\n`,
        'src/platform/log/r.ts': `import { p } from './p.js';\nexport const r = p;\n`,
        'src/platform/log/self.ts': `export const self = 1;\nexport * from './self.js';\n`,
      }),
    );
    assert.deepEqual(
      violations.map((violation) => `${violation.file}:${violation.line} ${violation.message}`),
      [
        'src/platform/log/p.ts:1 platform/log/p.ts → platform/log/q.ts → platform/log/p.ts' +
          ' (one of the cycles among these 3 files: platform/log/p.ts, platform/log/q.ts, platform/log/r.ts)',
        'src/platform/log/self.ts:2 platform/log/self.ts → platform/log/self.ts',
      ],
    );
  });

  test('import-cycle: a type-only cycle is not reported, nor is a cycle through a test file', () => {
    assert.deepEqual(
      fired({
        ...clean,
        'src/platform/log/a.ts': `import type { B } from './b.js';\nexport interface A { b?: B }\nexport const a = 1;\n`,
        'src/platform/log/b.ts': `import { type A } from './c.js';\nexport type { A };\nexport interface B { a?: A }\n`,
        'src/platform/log/c.ts': `export type { A } from './a.js';\n`,
        'src/platform/log/d.ts': `import { e } from './e.test.js';\nexport const d = e;\n`,
        'src/platform/log/e.test.ts': `import { d } from './d.js';\nexport const e = d;\n`,
      }),
      [],
    );
  });

  test('every rule at once, in file order', () => {
    const rules = checkBoundaries(
      makeTree({
        ...clean,
        'src/app.ts': `import { registerPeopleRoutes } from './features/people/routes.js';\nvoid registerPeopleRoutes;\n`,
        'src/platform/http/problem.ts': `import { seed } from '../../demo/seed.js';\nexport const problem = seed;\n`,
        'src/features/network/service.ts': `import { peopleFor } from '../people/queries.js';\nexport const networkFor = peopleFor;\n`,
        'src/features/people/service.ts': `import { sql } from 'drizzle-orm';\nimport { peopleFor } from './queries.js';\nexport const listPeople = [sql, peopleFor];\n`,
        'src/features/people/routes.ts': `import { listPeople } from './service.js';\nexport const registerPeopleRoutes = () => [listPeople, 'SELECT name FROM people'];\n`,
        'src/features/people/queries.ts': `import { listPeople } from './service.js';\nexport const peopleFor = () => listPeople;\n`,
      }),
    ).map((violation) => `${violation.rule} ${violation.file}:${violation.line}`);
    assert.deepEqual(rules, [
      'feature-internals src/app.ts:1',
      'feature-internals src/features/network/service.ts:1',
      'import-cycle src/features/people/queries.ts:1',
      'sql-outside-queries src/features/people/routes.ts:2',
      'sql-outside-queries src/features/people/service.ts:1',
      'platform-imports-feature src/platform/http/problem.ts:1',
    ]);
  });

  test('looksLikeSql: the statements in this codebase, and the prose beside them', () => {
    for (const statement of [
      'select id, slug, name from tenants where slug = $1',
      'select * from audit_events where tenant_id = $1 and hash is null order by sequence limit 100',
      'select exists (select 1 from audit_events where tenant_id = $1 and hash is null) as waiting',
      'select count(*)::int as waiting from audit_events where tenant_id = $1',
      'select tenant_id as "tenantId", user_id as "userId" from kith_accounts_for_email( $1 )',
      "select set_config('kith.tenant_id', $1, true)",
      'SELECT name FROM "people"',
      'insert into tenants (id, slug, name) values ($1, $2, $3)',
      'update audit_events e\n set chain_position = s.position',
      'update audit_chain_heads set last_position = $2 where tenant_id = $1',
      'delete from sessions where expires_at < now()',
      'truncate people, network_members restart identity cascade',
    ]) {
      assert.equal(looksLikeSql(statement), true, statement);
    }
    for (const prose of [
      'Select a coordinator from the list',
      'Select someone from the family',
      'select one from the list',
      'Select whether they are family, network or a professional',
      'The selected file must be smaller than 10 MB',
      'Update the set of people who can see this',
      'Insert into the plan',
      'Delete from your list',
      'Truncate long names to 13 characters',
      'truncate',
    ]) {
      assert.equal(looksLikeSql(prose), false, prose);
    }
  });

  test('the command line: exit 0 with a summary on a clean tree, exit 1 with one line per violation', async () => {
    const script = fileURLToPath(new URL('./check-boundaries.ts', import.meta.url));
    const run = (root: string) =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(process.execPath, ['--import', 'tsx', script, root], (error, stdout) => {
          resolve({ code: error ? Number(error.code ?? 1) : 0, stdout });
        });
      });
    const [good, bad] = await Promise.all([
      run(makeTree(clean)),
      run(
        makeTree({
          ...clean,
          'src/platform/http/problem.ts': `import { seed } from '../../demo/seed.js';\nexport const problem = seed;\n`,
        }),
      ),
    ]);
    assert.equal(good.code, 0);
    assert.equal(good.stdout, `boundaries: ${Object.keys(clean).length} files, no violations\n`);
    assert.equal(bad.code, 1);
    assert.deepEqual(bad.stdout.trim().split('\n'), [
      "src/platform/http/problem.ts:1  platform-imports-feature  imports '../../demo/seed.js' (src/demo/seed.ts): the platform must not depend on features, the demo or the app",
      `boundaries: ${Object.keys(clean).length} files, 1 violation (platform-imports-feature 1)`,
    ]);
  });
});
