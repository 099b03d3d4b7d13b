/**
 * Every request that touches a council's data runs inside one transaction scoped to that
 * council. Row-level security policies read `kith.tenant_id`; `set_config(..., true)` makes it
 * local to the transaction, so it cannot leak to the next request on a pooled connection.
 * With no setting the policies match nothing: tenancy fails closed.
 */
import { sql } from 'drizzle-orm';
import type { Orm, Tx } from './database.js';

export const TENANT_SETTING = 'kith.tenant_id';

export type TenantId = string & { readonly __brand: 'TenantId' };

export async function withTenant<T>(orm: Orm, tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config(${TENANT_SETTING}, ${tenantId}, true)`);
    return work(tx);
  });
}

/** Rows from `tx.execute`, the same shape on pg and PGlite. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}
