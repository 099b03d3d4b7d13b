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

/**
 * Reads sent together inside one transaction (on a server, in one round trip), like
 * `Promise.all`, except that when one fails it still waits for the others to finish before
 * failing: otherwise a read still running could reach the connection after the transaction has
 * rolled back and the pool has given it to another request.
 */
export async function together<const Reads extends readonly unknown[]>(
  reads: Reads,
): Promise<{ -readonly [Index in keyof Reads]: Awaited<Reads[Index]> }> {
  const settled = await Promise.allSettled(reads);
  const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [Index in keyof Reads]: Awaited<Reads[Index]>;
  };
}
