/**
 * SQL for accounts, sessions, sign-in and personal access tokens. Everything here runs in a
 * council's transaction as the application role, except the three database functions that
 * find the council first (an account by its email, a session by its cookie, a token by its id).
 */
import { and, eq, gt, gte, isNull, sql, type SQL } from 'drizzle-orm';
import type { Orm, Tx } from '../db/database.js';
import { isRow, ofCouncil } from '../db/rows.js';
import { rowsOf } from '../db/tenancy.js';
import type { Role } from './roles.js';
import {
  personalAccessTokens,
  recoveryCodes,
  sessions,
  signInFailures,
  userRoles,
  users,
  type SessionEndReason,
} from './schema.js';

// ---------------------------------------------------------------------------------------------------
// Accounts and roles

/** One account, by its council and id. */
const theUser = (tenantId: string, userId: string) => isRow(users, tenantId, userId);

/** Sets some of one account's columns. */
async function updateUser(
  tx: Tx,
  tenantId: string,
  userId: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<void> {
  await tx.update(users).set(values).where(theUser(tenantId, userId));
}

/** The councils and accounts that have this email address (before any council is chosen). */
export async function accountsWithEmail(orm: Orm, email: string): Promise<{ tenantId: string; userId: string }[]> {
  const result = await orm.execute(
    sql`select tenant_id as "tenantId", user_id as "userId" from kith_accounts_for_email(${email})`,
  );
  return rowsOf<{ tenantId: string; userId: string }>(result);
}

/** An account, every column. */
export async function selectUser(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<typeof users.$inferSelect | undefined> {
  const [user] = await tx.select().from(users).where(theUser(tenantId, userId));
  return user;
}

/** The roles an account holds, in alphabetical order. */
export async function rolesHeldBy(tx: Tx, tenantId: string, userId: string): Promise<Role[]> {
  const rows = await tx
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(ofCouncil(userRoles, tenantId, eq(userRoles.userId, userId)))
    .orderBy(userRoles.role);
  return rows.map((row) => row.role);
}

/** Replaces an account's password hash (a stronger hash of the same password). */
export async function setPasswordHash(tx: Tx, tenantId: string, userId: string, passwordHash: string): Promise<void> {
  await updateUser(tx, tenantId, userId, { passwordHash });
}

// ---------------------------------------------------------------------------------------------------
// Failed sign-ins

/** When the council's sign-ins that match `which` failed, since the given time. */
function failuresSince(tx: Tx, tenantId: string, which: SQL, since: Date): Promise<{ failedAt: Date }[]> {
  return tx
    .select({ failedAt: signInFailures.failedAt })
    .from(signInFailures)
    .where(ofCouncil(signInFailures, tenantId, which, gte(signInFailures.failedAt, since)));
}

/** When an account's sign-ins failed, since the given time. */
export const failuresOfUserSince = (tx: Tx, tenantId: string, userId: string, since: Date) =>
  failuresSince(tx, tenantId, eq(signInFailures.userId, userId), since);

/** When sign-ins from an address failed in this council, since the given time. */
export const failuresFromAddressSince = (tx: Tx, tenantId: string, sourceIp: string, since: Date) =>
  failuresSince(tx, tenantId, eq(signInFailures.sourceIp, sourceIp), since);

/**
 * Holds an account's row until the transaction ends, so two tries of its security code at once
 * are checked one after the other, each seeing the other's failure.
 */
export async function lockAccountForSignIn(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const rows = await tx.select({ id: users.id }).from(users).where(theUser(tenantId, userId)).for('update');
  return rows.length === 1;
}

/** Records one failed sign-in (a wrong password, a disabled account, a wrong second factor). */
export async function insertSignInFailure(
  tx: Tx,
  failure: { tenantId: string; userId: string; sourceIp: string | null; failedAt: Date },
): Promise<void> {
  await tx.insert(signInFailures).values(failure);
}

// ---------------------------------------------------------------------------------------------------
// Two-factor sign-in

/** An account's authenticator secret, the last time step used with it, and when it was turned on. */
export async function totpStateOf(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<{ totpSecret: string | null; lastUsedStep: number | null; enabledAt: Date | null } | undefined> {
  const [user] = await tx
    .select({ totpSecret: users.totpSecret, lastUsedStep: users.totpLastUsedStep, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(theUser(tenantId, userId));
  return user;
}

/** An account's authenticator secret and when two-factor sign-in was turned on. */
export async function totpSetupOf(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<{ totpSecret: string | null; enabledAt: Date | null } | undefined> {
  const [user] = await tx
    .select({ totpSecret: users.totpSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(theUser(tenantId, userId));
  return user;
}

/** Remembers the time step of the code just used, so the same code cannot be used again. */
export async function setTotpLastUsedStep(tx: Tx, tenantId: string, userId: string, step: number): Promise<void> {
  await updateUser(tx, tenantId, userId, { totpLastUsedStep: step });
}

/** Turns two-factor sign-in on for an account. */
export async function setTotpEnabledAt(tx: Tx, tenantId: string, userId: string, enabledAt: Date): Promise<void> {
  await updateUser(tx, tenantId, userId, { totpEnabledAt: enabledAt });
}

/** Keeps the authenticator secret made for an account setting it up. */
export async function setTotpSecret(tx: Tx, tenantId: string, userId: string, secret: string): Promise<void> {
  await updateUser(tx, tenantId, userId, { totpSecret: secret });
}

/** An account's recovery codes. */
const codesOf = (tenantId: string, userId: string) =>
  ofCouncil(recoveryCodes, tenantId, eq(recoveryCodes.userId, userId));

/** Removes every recovery code of an account, used or not. */
export async function deleteRecoveryCodes(tx: Tx, tenantId: string, userId: string): Promise<void> {
  await tx.delete(recoveryCodes).where(codesOf(tenantId, userId));
}

/** Stores recovery codes by their hashes. */
export async function insertRecoveryCodes(
  tx: Tx,
  codes: { tenantId: string; userId: string; codeHash: string }[],
): Promise<void> {
  await tx.insert(recoveryCodes).values(codes);
}

/** Marks an unused recovery code used; returns how many were (0 or 1). */
export async function markRecoveryCodeUsed(
  tx: Tx,
  tenantId: string,
  userId: string,
  codeHash: string,
  usedAt: Date,
): Promise<number> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt })
    .where(and(codesOf(tenantId, userId), eq(recoveryCodes.codeHash, codeHash), sql`${recoveryCodes.usedAt} is null`))
    .returning({ userId: recoveryCodes.userId });
  return used.length;
}

// ---------------------------------------------------------------------------------------------------
// Sessions

/** One session, by its council and id. */
const theSession = (tenantId: string, sessionId: string) => isRow(sessions, tenantId, sessionId);

/** Starts a session; returns its id. */
export async function insertSession(tx: Tx, session: typeof sessions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(sessions).values(session).returning({ id: sessions.id });
  return row!.id;
}

/** A session as the second step of signing in sees it: whose, since when, until when, and its state. */
export async function sessionForSecondFactor(
  tx: Tx,
  tenantId: string,
  sessionId: string,
): Promise<
  { userId: string; createdAt: Date; expiresAt: Date; endedAt: Date | null; secondFactorDone: boolean } | undefined
> {
  const [row] = await tx
    .select({
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      endedAt: sessions.endedAt,
      secondFactorDone: sessions.secondFactorDone,
    })
    .from(sessions)
    .where(theSession(tenantId, sessionId));
  return row;
}

/** A row of kith_session_lookup (migrations/0021_session_lookup.sql). */
export interface FoundSession {
  session_id: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  ended_at: Date | string | null;
  ended_reason: string | null;
  second_factor_done: boolean;
  user_id: string;
  full_name: string;
  email: string;
  kind: string;
  person_id: string | null;
  is_disabled: boolean;
  password_must_change: boolean;
  council_name: string | null;
  roles: string[];
  team_ids: string[];
  managed_team_ids: string[];
}

/**
 * The session with this token hash in this council, with its account, council, roles and teams.
 * One round trip on every request: the function sets the council for its own statement.
 */
export async function findSession(orm: Orm, tenantId: string, tokenHash: string): Promise<FoundSession | undefined> {
  const [found] = rowsOf<FoundSession>(
    await orm.execute(sql`select * from kith_session_lookup(${tenantId}::uuid, ${tokenHash})`),
  );
  return found;
}

/** Records that a session was seen now. */
export async function touchSession(tx: Tx, tenantId: string, sessionId: string, lastSeenAt: Date): Promise<void> {
  await tx.update(sessions).set({ lastSeenAt }).where(theSession(tenantId, sessionId));
}

/** Marks a session's second factor done, gives it a new token hash and its full lifetime from now. */
export async function setSecondFactorDone(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  tokenHash: string,
  times: { now: Date; expiresAt: Date },
): Promise<void> {
  await tx
    .update(sessions)
    .set({ secondFactorDone: true, tokenHash, lastSeenAt: times.now, expiresAt: times.expiresAt })
    .where(theSession(tenantId, sessionId));
}

/** Ends a session, unless it has ended already. */
export async function endSession(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  reason: SessionEndReason,
  endedAt: Date,
): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt, endedReason: reason })
    .where(and(theSession(tenantId, sessionId), isNull(sessions.endedAt)));
}

/** Ends every open session of an account; returns how many it ended. */
export async function endOpenSessionsOf(
  tx: Tx,
  tenantId: string,
  userId: string,
  reason: SessionEndReason,
  endedAt: Date,
): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ endedAt, endedReason: reason })
    .where(ofCouncil(sessions, tenantId, eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length;
}

// ---------------------------------------------------------------------------------------------------
// Personal access tokens

/** One token, by its council and id. */
const theToken = (tenantId: string, tokenId: string) => isRow(personalAccessTokens, tenantId, tokenId);

/** Stores a new token (by the hash of its secret). */
export async function insertAccessToken(tx: Tx, token: typeof personalAccessTokens.$inferInsert): Promise<void> {
  await tx.insert(personalAccessTokens).values(token);
}

/** An account's tokens, newest first, without their secrets' hashes. */
export async function accessTokensOf(tx: Tx, tenantId: string, userId: string) {
  return tx
    .select({
      id: personalAccessTokens.id,
      name: personalAccessTokens.name,
      scopes: personalAccessTokens.scopes,
      createdAt: personalAccessTokens.createdAt,
      expiresAt: personalAccessTokens.expiresAt,
      lastUsedAt: personalAccessTokens.lastUsedAt,
      revokedAt: personalAccessTokens.revokedAt,
    })
    .from(personalAccessTokens)
    .where(ofCouncil(personalAccessTokens, tenantId, eq(personalAccessTokens.userId, userId)))
    .orderBy(sql`${personalAccessTokens.createdAt} desc`);
}

/** Revokes one of an account's tokens, unless revoked already; returns how many it revoked (0 or 1). */
export async function revokeToken(
  tx: Tx,
  tenantId: string,
  userId: string,
  tokenId: string,
  revokedAt: Date,
): Promise<number> {
  const revoked = await tx
    .update(personalAccessTokens)
    .set({ revokedAt })
    .where(
      and(theToken(tenantId, tokenId), eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)),
    )
    .returning({ id: personalAccessTokens.id });
  return revoked.length;
}

/** The council a token belongs to, found by its id before any council is chosen. */
export async function councilOfAccessToken(orm: Orm, tokenId: string): Promise<string | null> {
  const [found] = rowsOf<{ tenantId: string | null }>(
    await orm.execute(sql`select kith_council_for_access_token(${tokenId}) as "tenantId"`),
  );
  return found?.tenantId ?? null;
}

/** A token that is neither revoked nor expired at `now`, with the account it speaks for. */
export async function liveAccessToken(tx: Tx, tenantId: string, tokenId: string, now: Date) {
  const [row] = await tx
    .select({
      secretHash: personalAccessTokens.secretHash,
      scopes: personalAccessTokens.scopes,
      lastUsedAt: personalAccessTokens.lastUsedAt,
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      kind: users.kind,
      personId: users.personId,
      isDisabled: users.isDisabled,
    })
    .from(personalAccessTokens)
    .innerJoin(users, and(eq(users.tenantId, personalAccessTokens.tenantId), eq(users.id, personalAccessTokens.userId)))
    .where(
      and(theToken(tenantId, tokenId), isNull(personalAccessTokens.revokedAt), gt(personalAccessTokens.expiresAt, now)),
    );
  return row;
}

/** Records when a token was last used. */
export async function touchAccessToken(tx: Tx, tenantId: string, tokenId: string, lastUsedAt: Date): Promise<void> {
  await tx.update(personalAccessTokens).set({ lastUsedAt }).where(theToken(tenantId, tokenId));
}
