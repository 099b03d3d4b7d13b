/** SQL for idempotency keys: claim one, read it, keep the first answer, give it up. */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import { idempotencyKeys, type IdempotencyKeyRow } from './schema.js';

interface KeyOf {
  tenantId: string;
  userId: string;
  key: string;
}
const isKey = ({ tenantId, userId, key }: KeyOf) =>
  and(eq(idempotencyKeys.tenantId, tenantId), eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));

/** Forgets the account's keys claimed before `before` (a key is kept for a day). */
export async function forgetOldKeys(tx: Tx, of: Omit<KeyOf, 'key'>, before: Date): Promise<void> {
  await tx
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.tenantId, of.tenantId),
        eq(idempotencyKeys.userId, of.userId),
        lt(idempotencyKeys.claimedAt, before),
      ),
    );
}

/** Claims the key for this request: true when it was free (or only held by an abandoned claim). */
export async function claimKey(tx: Tx, of: KeyOf, fingerprint: string, abandonedBefore: Date): Promise<boolean> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ ...of, fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return true;
  // A claim never answered (its request failed before it could be) and old enough to be given up.
  const retaken = await tx
    .update(idempotencyKeys)
    .set({ claimedAt: sql`now()` })
    .where(
      and(
        isKey(of),
        eq(idempotencyKeys.fingerprint, fingerprint),
        sql`${idempotencyKeys.statusCode} is null`,
        lt(idempotencyKeys.claimedAt, abandonedBefore),
      ),
    )
    .returning({ key: idempotencyKeys.key });
  return retaken.length > 0;
}

export async function keyRow(tx: Tx, of: KeyOf): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await tx.select().from(idempotencyKeys).where(isKey(of));
  return row;
}

export async function keepAnswer(
  tx: Tx,
  of: KeyOf,
  answer: { statusCode: number; contentType: string | null; location: string | null; body: string },
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({
      statusCode: answer.statusCode,
      contentType: answer.contentType,
      location: answer.location,
      responseBody: answer.body,
    })
    .where(isKey(of));
}

export async function releaseKey(tx: Tx, of: KeyOf): Promise<void> {
  await tx.delete(idempotencyKeys).where(and(isKey(of), sql`${idempotencyKeys.statusCode} is null`));
}
