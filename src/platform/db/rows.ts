/**
 * The conditions and statements every feature's queries write about a council's rows, written
 * once: a table keyed by council and id (`councilTable` in columns.ts), and one whose rows belong
 * to a child's record (`childTable`). Values may be placeholders, for reusable queries.
 */
import { and, eq, getTableName, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database.js';

/** A table keyed by council and id. */
export interface CouncilRows {
  tenantId: PgColumn;
  id: PgColumn;
}

/** A table whose rows belong to a child, by council and child. */
export interface ChildColumns {
  tenantId: PgColumn;
  childPersonId: PgColumn;
}

/** A table of a child's record: council, id and the child. */
export interface ChildRows extends CouncilRows, ChildColumns {}

/** The council's row `id`. */
export const isRow = (table: CouncilRows, tenantId: unknown, id: unknown): SQL =>
  and(eq(table.tenantId, tenantId), eq(table.id, id))!;

/** The council's row `id`, if it was written at `version` (nobody has saved it since). */
export const isRowAtVersion = (
  table: CouncilRows & { version: PgColumn },
  tenantId: unknown,
  id: unknown,
  version: unknown,
): SQL => and(eq(table.tenantId, tenantId), eq(table.id, id), eq(table.version, version))!;

/** The council's rows that meet every one of `conditions`. */
export const ofCouncil = (table: { tenantId: PgColumn }, tenantId: unknown, ...conditions: (SQL | undefined)[]): SQL =>
  and(eq(table.tenantId, tenantId), ...conditions)!;

/** Every row of one child (that meets every one of `conditions`). */
export const ofChild = (
  table: ChildColumns,
  tenantId: unknown,
  childId: unknown,
  ...conditions: (SQL | undefined)[]
): SQL => and(eq(table.tenantId, tenantId), eq(table.childPersonId, childId), ...conditions)!;

/** The row `id`, if it belongs to this child (an id from another record finds nothing). */
export const isRowOfChild = (table: ChildRows, tenantId: unknown, childId: unknown, id: unknown): SQL =>
  and(eq(table.tenantId, tenantId), eq(table.id, id), eq(table.childPersonId, childId))!;

/** Inserts one row and answers the id the database gave it. */
export async function insertReturningId<T extends PgTable & CouncilRows>(
  tx: Tx,
  table: T,
  values: NoInfer<PgInsertValue<T>>,
): Promise<string> {
  const [row] = await tx
    .insert(table)
    .values(values)
    .returning({ id: table.id } as Record<'id', PgColumn>);
  if (!row) throw new Error(`insert into ${getTableName(table)} returned no row`);
  return row.id as string;
}

/** Inserts one row and answers it as stored. */
export async function insertReturningRow<T extends PgTable & CouncilRows>(
  tx: Tx,
  table: T,
  values: NoInfer<PgInsertValue<T>>,
): Promise<T['$inferSelect']> {
  const [row] = await tx.insert(table).values(values).returning();
  if (!row) throw new Error(`insert into ${getTableName(table)} returned no row`);
  return row;
}

/**
 * One row of a child's record by its id, as a function of (tx, tenantId, childId, id): nothing
 * for a row of another child. With `forUpdate`, the row is held until the transaction ends.
 */
export function rowOfChildFinder<T extends PgTable & ChildRows>(table: T, options: { forUpdate?: boolean } = {}) {
  const source: PgTable = table;
  return async (tx: Tx, tenantId: string, childId: string, id: string): Promise<T['$inferSelect'] | undefined> => {
    const query = tx
      .select()
      .from(source)
      .where(isRowOfChild(table, tenantId, childId, id));
    const rows: T['$inferSelect'][] = options.forUpdate ? await query.for('update') : await query;
    return rows[0];
  };
}
