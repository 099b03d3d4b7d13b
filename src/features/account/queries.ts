/** SQL for a person's own account: their password, sessions, two-factor secret and recovery codes. */
import { count, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { isRow, ofCouncil } from '../../platform/db/rows.js';
import { recoveryCodes, sessions, users } from '../../platform/identity/schema.js';

const theUser = (tenantId: string, userId: string) => isRow(users, tenantId, userId);

/** Never a session's id: used when the person has no session (an access token), so every session ends. */
const NO_SESSION = '00000000-0000-0000-0000-000000000000';

export async function passwordHashOf(tx: Tx, tenantId: string, userId: string): Promise<string | null | undefined> {
  const [stored] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(theUser(tenantId, userId));
  return stored?.passwordHash;
}

export async function setPassword(tx: Tx, tenantId: string, userId: string, passwordHash: string, now: Date) {
  await tx
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, passwordMustChange: false, updatedAt: now })
    .where(theUser(tenantId, userId));
}

/** Ends every open session of the person but this one; answers how many ended. */
export async function endOtherSessions(
  tx: Tx,
  tenantId: string,
  userId: string,
  keptSessionId: string | null | undefined,
  now: Date,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt: now, endedReason: 'signed_out_everywhere' })
    .where(
      ofCouncil(
        sessions,
        tenantId,
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        ne(sessions.id, keptSessionId ?? NO_SESSION),
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

export async function twoFactorEnabledAt(tx: Tx, tenantId: string, userId: string): Promise<Date | null | undefined> {
  const [user] = await tx.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(theUser(tenantId, userId));
  return user?.totpEnabledAt;
}

export async function unusedRecoveryCodes(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const [codes] = await tx
    .select({ unused: count() })
    .from(recoveryCodes)
    .where(ofCouncil(recoveryCodes, tenantId, eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return codes?.unused ?? 0;
}

/** The person's two-factor secret (kept from when it was first shown), whether it is on, and its last used step. */
export async function totpStateOf(tx: Tx, tenantId: string, userId: string) {
  const [user] = await tx
    .select({ totpSecret: users.totpSecret, enabledAt: users.totpEnabledAt, lastUsedStep: users.totpLastUsedStep })
    .from(users)
    .where(theUser(tenantId, userId));
  return user;
}

export async function switchOnTotp(tx: Tx, tenantId: string, userId: string, step: number, now: Date) {
  await tx
    .update(users)
    .set({ totpEnabledAt: now, totpLastUsedStep: step, updatedAt: now })
    .where(theUser(tenantId, userId));
}

/** The person's recovery codes are these (hashed) and no others. */
export async function replaceRecoveryCodes(tx: Tx, tenantId: string, userId: string, codeHashes: string[]) {
  await tx.delete(recoveryCodes).where(ofCouncil(recoveryCodes, tenantId, eq(recoveryCodes.userId, userId)));
  await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ tenantId, userId, codeHash })));
}
