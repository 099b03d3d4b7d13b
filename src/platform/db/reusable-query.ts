/**
 * Queries built once and run many times. Drizzle turns a query builder into SQL text on every
 * call, though a given call site always makes the same text: on the caseload that building was
 * about a tenth of Kith's CPU. A reusable query is built the first time it runs, with a
 * placeholder for each value; afterwards only the values are filled in. The results are mapped
 * exactly as Drizzle maps them (the same columns, types and nulls of joined tables).
 *
 * Write the query once, with `p.name` wherever a value goes:
 *
 *     const overduePlans = reusableQuery<{ tenantId: string; childIds: string[] }>()((tx, p) =>
 *       tx.select({ ... }).from(plans).where(and(eq(plans.tenantId, p.tenantId), anyOf(plans.childPersonId, p.childIds))));
 *     const rows = await overduePlans(tx, { tenantId, childIds });
 *
 * A list of values goes in as one array with `anyOf` (`= any($1)`), so the text stays the same
 * whatever the list's length. The query's shape must not depend on the values: where it would,
 * make two reusable queries.
 */
import {
  and,
  Column,
  eq,
  inArray,
  getTableName,
  is,
  noopDecoder,
  SQL,
  sql,
  Subquery,
  type DriverValueDecoder,
  type Placeholder,
  type SQLWrapper,
} from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { answerAtCommit, type Tx } from './database.js';
import { ofChild, type ChildColumns } from './rows.js';

type Values = object;

export type Placeholders<V extends Values> = { readonly [K in keyof V & string]-?: Placeholder<K> };

interface Preparable {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<unknown> };
}

/** What Drizzle's prepared query holds once built, on both drivers (node-postgres and PGlite). */
interface BuiltQuery {
  query: { sql: string; params: unknown[] };
  fields: unknown;
  joinsNotNullableMap: unknown;
  customResultMapper: unknown;
  isResponseInArrayMode: boolean;
}

interface PreparedInternals {
  getQuery(): { sql: string; params: unknown[] };
  fields: unknown;
  joinsNotNullableMap: unknown;
  customResultMapper: unknown;
  _isResponseInArrayMode: boolean;
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

interface SessionInternals {
  prepareQuery(
    query: BuiltQuery['query'],
    fields: unknown,
    name: string | undefined,
    isResponseInArrayMode: boolean,
    customResultMapper?: unknown,
  ): PreparedInternals & { joinsNotNullableMap: unknown };
}

/** One selected column as Drizzle lists it: where it goes in the row object, and what it is. */
interface SelectedField {
  path: string[];
  field: unknown;
}

type RowMapper = (rows: unknown[][]) => Record<string, unknown>[];

/**
 * Drizzle's `mapResultRow`, with the work that depends only on the query done once. Drizzle
 * works out each column's decoder, walks its path and asks which table it came from for every
 * value of every row; for a network of 163 people and 378 ties that was 7% of the page's time.
 * Here each column's decoder and place are found when the query is built, and columns whose
 * values need no decoding (text, uuid, most SQL) are copied as they are. The rows come out the
 * same: the same nesting, the same key order, and a left-joined table's object null when every
 * one of its columns is null (`reusable-query.int.test.ts` compares the two on real queries).
 */
export function compiledRowMapper(fields: SelectedField[], joinsNotNullableMap: unknown): RowMapper {
  const columns = fields.map(({ path, field }) => {
    type Decoded = { decoder: DriverValueDecoder<unknown, unknown> };
    // As Drizzle finds it: a column decodes itself; SQL, a subquery's SQL or an alias's SQL carry one.
    const decoder: DriverValueDecoder<unknown, unknown> = is(field, Column)
      ? field
      : is(field, SQL)
        ? (field as unknown as Decoded).decoder
        : is(field, Subquery)
          ? (field._.sql as unknown as Decoded).decoder
          : (field as { sql: Decoded }).sql.decoder;
    const decodes =
      decoder.mapFromDriverValue !== noopDecoder.mapFromDriverValue &&
      decoder.mapFromDriverValue !== Column.prototype.mapFromDriverValue;
    return {
      parents: path.slice(0, -1),
      key: path[path.length - 1]!,
      decode: decodes ? (value: unknown) => decoder.mapFromDriverValue(value) : null,
      // Drizzle's rule for nulling a joined table's object: a column of a table, one level down.
      tableForNulls: joinsNotNullableMap && is(field, Column) && path.length === 2 ? getTableName(field.table) : null,
      objectName: path[0]!,
    };
  });
  const notNullable = (joinsNotNullableMap ?? {}) as Record<string, boolean>;
  const mayNullify = columns.some((column) => column.tableForNulls !== null);
  return (rows) =>
    rows.map((row) => {
      const result: Record<string, unknown> = {};
      const nullifyMap: Record<string, string | false> = {};
      for (let index = 0; index < columns.length; index += 1) {
        const column = columns[index]!;
        let node = result;
        for (const parent of column.parents) {
          if (!(parent in node)) node[parent] = {};
          node = node[parent] as Record<string, unknown>;
        }
        const raw = row[index];
        const value = raw === null ? null : column.decode ? column.decode(raw) : raw;
        node[column.key] = value;
        if (column.tableForNulls !== null) {
          const seen = nullifyMap[column.objectName];
          if (seen === undefined) nullifyMap[column.objectName] = value === null ? column.tableForNulls : false;
          else if (typeof seen === 'string' && seen !== column.tableForNulls) nullifyMap[column.objectName] = false;
        }
      }
      if (mayNullify) {
        for (const [objectName, tableName] of Object.entries(nullifyMap)) {
          if (typeof tableName === 'string' && !notNullable[tableName]) result[objectName] = null;
        }
      }
      return result;
    });
}

export interface ReusableQueryOptions {
  /**
   * An insert that returns nothing, sent without waiting inside a transaction and answered at
   * its COMMIT (see `answerAtCommit` in database.ts): the audit entry.
   */
  answeredAtCommit?: boolean;
}

/**
 * `reusableQuery<Values>()(build)`: the values' types first, so the rows' type comes from the
 * query. The function returned runs the query in the given transaction.
 */
export function reusableQuery<V extends Values>(options: ReusableQueryOptions = {}) {
  return <Q extends Preparable>(build: (tx: Tx, p: Placeholders<V>) => Q) => {
    const placeholders = new Proxy({} as Placeholders<V>, {
      get: (_target, name) => sql.placeholder(String(name)),
    });
    let built: BuiltQuery | undefined;
    return (tx: Tx, values: V): ReturnType<ReturnType<Q['prepare']>['execute']> => {
      if (!built) {
        // Drizzle's own prepared query, unnamed ('' names nothing), built once to learn the SQL and mapping.
        const prepared = build(tx, placeholders).prepare('') as unknown as PreparedInternals;
        built = {
          query: prepared.getQuery(),
          fields: prepared.fields,
          joinsNotNullableMap: prepared.joinsNotNullableMap,
          // A select's rows are mapped by a mapper built once; a query with its own mapper keeps it.
          customResultMapper:
            prepared.customResultMapper ??
            (Array.isArray(prepared.fields)
              ? compiledRowMapper(prepared.fields as SelectedField[], prepared.joinsNotNullableMap)
              : undefined),
          isResponseInArrayMode: prepared._isResponseInArrayMode,
        };
        if (options.answeredAtCommit) answerAtCommit(built.query.sql);
      }
      const session = (tx as unknown as { _: { session: SessionInternals } })._.session;
      const query = session.prepareQuery(
        built.query,
        built.fields,
        undefined,
        built.isResponseInArrayMode,
        built.customResultMapper,
      );
      query.joinsNotNullableMap = built.joinsNotNullableMap;
      return query.execute(values as Record<string, unknown>) as ReturnType<ReturnType<Q['prepare']>['execute']>;
    };
  };
}

/** `column = any(list)`: a list of values as one parameter, so the SQL text does not depend on its length. */
export function anyOf(column: SQLWrapper, list: Placeholder | SQLWrapper): SQL {
  return sql`${column} = any(${list})`;
}

/**
 * Every row of one child in a table of a child's record, in the given order, as a reusable
 * query: `export const plansOfChild = rowsOfChild(plans, desc(plans.startsOn))`, then
 * `plansOfChild(tx, tenantId, childId)`.
 */
export function rowsOfChild<T extends PgTable & ChildColumns>(table: T, ...orderBy: (SQL | PgColumn)[]) {
  const query = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
    tx
      .select()
      .from(table as PgTable)
      .where(ofChild(table, p.tenantId, p.childId))
      .orderBy(...orderBy),
  );
  return (tx: Tx, tenantId: string, childId: string) =>
    query(tx, { tenantId, childId }) as Promise<T['$inferSelect'][]>;
}

/**
 * Every row of several children in a table of a child's record, in the given order, in one read:
 * a list of children (a caseload) reads each table once, not once a child.
 * `rowsOfChildren(plans, desc(plans.startsOn))(tx, tenantId, childIds)`.
 */
export function rowsOfChildren<T extends PgTable & ChildColumns>(table: T, ...orderBy: (SQL | PgColumn)[]) {
  return async (tx: Tx, tenantId: string, childIds: readonly string[]): Promise<T['$inferSelect'][]> => {
    if (childIds.length === 0) return [];
    const source: PgTable = table;
    const rows = await tx
      .select()
      .from(source)
      .where(and(eq(table.tenantId, tenantId), inArray(table.childPersonId, [...childIds])))
      .orderBy(...orderBy);
    return rows;
  };
}

/**
 * Every row of `table` that belongs (by `belongsTo`) to one of the child's rows of `parents`,
 * found by `parentId` (a plan's reviews, a mapping's scores), in one read and the given order,
 * as a reusable query: `rowsUnderChild(planReviews, planReviews.planId, plans, plans.id)`.
 */
export function rowsUnderChild<T extends PgTable & { tenantId: PgColumn }>(
  table: T,
  belongsTo: PgColumn,
  parents: PgTable & ChildColumns,
  parentId: PgColumn,
  ...orderBy: (SQL | PgColumn)[]
) {
  const query = reusableQuery<{ tenantId: string; childId: string }>()((tx, p) =>
    tx
      .select()
      .from(table as PgTable)
      .where(
        and(
          eq(table.tenantId, p.tenantId),
          inArray(
            belongsTo,
            tx
              .select({ id: parentId })
              .from(parents)
              .where(ofChild(parents, p.tenantId, p.childId)),
          ),
        ),
      )
      .orderBy(...orderBy),
  );
  return (tx: Tx, tenantId: string, childId: string) =>
    query(tx, { tenantId, childId }) as Promise<T['$inferSelect'][]>;
}
