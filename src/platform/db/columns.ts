/**
 * The columns most council-owned tables share, written once for the Drizzle definitions in each
 * `schema.ts`. They build exactly what the migrations create (a test compares every table's
 * columns with the migrated database): each call returns fresh column builders, spread into a
 * table where the columns stand.
 */
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import {
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
} from 'drizzle-orm/pg-core';

/** A point in time with its zone, as Kith stores every timestamp. */
export const timestamptz = <Name extends string>(name: Name) => timestamp(name, { withTimezone: true });

/** The council, then a generated id: the key of most council-owned tables (tenant first in every key). */
export const tenantKey = () => ({
  tenantId: uuid('tenant_id').notNull(),
  id: uuid('id').notNull().defaultRandom(),
});

/** A row of a child's record: the council, a generated id and the child it belongs to. */
export const childKey = () => ({
  ...tenantKey(),
  childPersonId: uuid('child_person_id').notNull(),
});

/** The primary key (tenant_id, id) of a table keyed by `tenantKey()` or `childKey()`. */
export const tenantPrimaryKey = <TableName extends string>(table: {
  tenantId: AnyPgColumn<{ tableName: TableName }>;
  id: AnyPgColumn<{ tableName: TableName }>;
}) => [primaryKey({ columns: [table.tenantId, table.id] })];

type TenantKey = ReturnType<typeof tenantKey>;
type ChildKey = ReturnType<typeof childKey>;
type ExtraConfig<TableName extends string, Columns extends Record<string, PgColumnBuilderBase>> = (
  table: BuildExtraConfigColumns<TableName, Columns, 'pg'>,
) => PgTableExtraConfigValue[];

/** A council-owned table keyed by `tenantKey()`: its columns follow the key; `extra` adds indexes. */
export const councilTable = <TableName extends string, Columns extends Record<string, PgColumnBuilderBase>>(
  name: TableName,
  columns: Columns,
  extra: ExtraConfig<TableName, TenantKey & Columns> = () => [],
) => pgTable(name, { ...tenantKey(), ...columns }, (table) => [...tenantPrimaryKey(table), ...extra(table)]);

/** A table of a child's record keyed by `childKey()`: its columns follow the key; `extra` adds indexes. */
export const childTable = <TableName extends string, Columns extends Record<string, PgColumnBuilderBase>>(
  name: TableName,
  columns: Columns,
  extra: ExtraConfig<TableName, ChildKey & Columns> = () => [],
) => pgTable(name, { ...childKey(), ...columns }, (table) => [...tenantPrimaryKey(table), ...extra(table)]);

/** Who recorded a row and when: the user (null once they are gone), the name shown for them, the time. */
export const recordedBy = () => ({
  recordedBy: uuid('recorded_by'),
  recordedByLabel: text('recorded_by_label').notNull(),
  recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
});

/** Who created a row: the user (null once they are gone) and the name shown for them. */
export const createdBy = () => ({
  createdBy: uuid('created_by'),
  createdByLabel: text('created_by_label').notNull(),
});

/** When a row was created and last changed. */
export const timestamps = () => ({
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

/** A row changed in place: its version, from 1, checked and raised on every change. */
export const versioned = () => ({
  version: integer('version').notNull().default(1),
});
