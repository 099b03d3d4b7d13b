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
import { sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm';
import { answerAtCommit, type Tx } from './database.js';

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
          customResultMapper: prepared.customResultMapper,
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
