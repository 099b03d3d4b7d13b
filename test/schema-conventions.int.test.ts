/**
 * The rules every table must keep, checked against the migrated database itself so a new
 * migration cannot forget them: tenant first in every key and index (what lets the schema be
 * distributed by council on Citus, and what makes council-scoped queries fast), row-level
 * security enabled and forced, and Drizzle definitions that match the SQL.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../src/platform/db/database.js';
import { rowsOf } from '../src/platform/db/tenancy.js';
import { openTestDatabase } from './helpers/database.js';

interface TableFacts {
  table: string;
  rls: boolean;
  forced: boolean;
  policies: number;
  primaryKeyFirst: string | null;
}

describe('schema conventions', () => {
  let database: Database;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  async function query<Row>(statement: ReturnType<typeof sql>): Promise<Row[]> {
    return rowsOf<Row>(await database.orm.execute(statement));
  }

  async function councilOwnedTables(): Promise<TableFacts[]> {
    return query<TableFacts>(sql`
      select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
             (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
               where i.indrelid = c.oid and i.indisprimary) as "primaryKeyFirst"
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`);
  }

  test('every council-owned table enables and forces row-level security with a policy', async () => {
    const tables = await councilOwnedTables();
    assert.ok(tables.length >= 2, 'expected the council-owned tables to be found');
    for (const table of tables) {
      assert.ok(table.rls && table.forced, `${table.table} must enable and force row-level security`);
      assert.ok(table.policies >= 1, `${table.table} must have a policy`);
    }
  });

  test('every council-owned table has tenant_id first in its primary key', async () => {
    for (const table of await councilOwnedTables()) {
      assert.equal(table.primaryKeyFirst, 'tenant_id', `${table.table} primary key must start with tenant_id`);
    }
  });

  test('every index and unique key on a council-owned table leads with tenant_id', async () => {
    // The one exception, argued in migrations/0022_record_words.sql: search's word index leads
    // with the child, who belongs to exactly one council. It is not unique, so Citus allows it.
    const childLedSearchIndexes = new Set(['record_words_search_idx']);
    const indexes = await query<{ table: string; index: string; first: string | null; unique: boolean }>(sql`
      select t.relname as "table", ic.relname as "index", a.attname as first, i.indisunique as unique
      from pg_index i
      join pg_class t on t.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      left join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
      where n.nspname = 'public'
        and exists (select 1 from pg_attribute x where x.attrelid = t.oid and x.attname = 'tenant_id')`);
    assert.ok(indexes.length > 0);
    for (const index of indexes) {
      if (childLedSearchIndexes.has(index.index) && !index.unique && index.first === 'child_person_id') continue;
      assert.equal(index.first, 'tenant_id', `${index.table}.${index.index} must lead with tenant_id`);
    }
    assert.ok(
      indexes.some((index) => childLedSearchIndexes.has(index.index)),
      'the search index the exception names still exists',
    );
  });

  test('every foreign key between council-owned tables leads with tenant_id on both sides', async () => {
    const foreignKeys = await query<{
      name: string;
      table: string;
      referenced: string;
      fromFirst: string;
      toFirst: string;
      referencedOwned: boolean;
    }>(sql`
      select con.conname as name, src.relname as "table", dst.relname as referenced,
             (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) as "fromFirst",
             (select attname from pg_attribute where attrelid = con.confrelid and attnum = con.confkey[1]) as "toFirst",
             exists (select 1 from pg_attribute where attrelid = con.confrelid and attname = 'tenant_id') as "referencedOwned"
      from pg_constraint con
      join pg_class src on src.oid = con.conrelid
      join pg_class dst on dst.oid = con.confrelid
      join pg_namespace n on n.oid = src.relnamespace
      where con.contype = 'f' and n.nspname = 'public'`);
    assert.ok(foreignKeys.length > 0);
    for (const foreignKey of foreignKeys) {
      if (foreignKey.referenced === 'tenants') {
        assert.equal(foreignKey.fromFirst, 'tenant_id', `${foreignKey.name} must reference tenants by tenant_id`);
        continue;
      }
      assert.ok(
        foreignKey.referencedOwned,
        `${foreignKey.name} points at ${foreignKey.referenced}, which has no tenant_id`,
      );
      assert.equal(foreignKey.fromFirst, 'tenant_id', `${foreignKey.name} must start with tenant_id`);
      assert.equal(foreignKey.toFirst, 'tenant_id', `${foreignKey.name} must reference tenant_id first`);
    }
  });

  test('the Drizzle definitions name exactly the columns the migrations create', async () => {
    const sourceDir = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../src');
    // Every Drizzle definition lives in a schema.ts (councils.ts holds the tenants table).
    const findSchemaFiles = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) return findSchemaFiles(full);
        return entry.name === 'schema.ts' ? [full] : [];
      });
    const schemaFiles = [path.join(sourceDir, 'platform/tenancy/councils.ts'), ...findSchemaFiles(sourceDir)];
    const drizzleTables: PgTable[] = [];
    for (const file of schemaFiles) {
      const exported = (await import(file)) as Record<string, unknown>;
      drizzleTables.push(...Object.values(exported).filter((value): value is PgTable => value instanceof PgTable));
    }
    assert.ok(drizzleTables.length >= 14, `found ${drizzleTables.length} Drizzle tables`);
    const columns = await query<{ table: string; column: string }>(sql`
      select table_name as "table", column_name as "column" from information_schema.columns where table_schema = 'public'`);
    for (const table of drizzleTables) {
      const config = getTableConfig(table);
      const inDatabase = columns
        .filter((row) => row.table === config.name)
        .map((row) => row.column)
        .sort();
      const inDrizzle = config.columns.map((column) => column.name).sort();
      assert.deepEqual(inDrizzle, inDatabase, `Drizzle's ${config.name} must match the migrated table`);
    }
  });
});
