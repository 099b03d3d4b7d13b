/**
 * Sessions live in the database, stored by the hash of their token. The cookie carries the
 * council id and the token: the council tells us which council's transaction to look in, and
 * the token proves the session. A session ends when signed out, when idle too long, when its
 * absolute lifetime is over, or when an administrator ends it or disables the account.
 *
 * A half-signed-in session (password accepted, security code still to come) lasts
 * SECOND_FACTOR_TIME_LIMIT_MS at most: long enough to find a phone, too short to guess codes
 * for long. Once the code is accepted it gets its full lifetime.
 */
import type { Orm, Tx } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { generateSessionToken, hashToken } from '../auth/tokens.js';
import type { Actor } from './actor.js';
import { roles as allRoles, type Role } from './roles.js';
import {
  endOpenSessionsOf,
  endSession,
  findSession,
  insertSession,
  rolesHeldBy,
  setSecondFactorDone,
  touchSession,
} from './queries.js';
import type { SessionEndReason } from './schema.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const SESSION_COOKIE = 'kith_session';
/** How long someone has, after their password, to enter their security code. */
export const SECOND_FACTOR_TIME_LIMIT_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** last_seen_at is written at most this often, so a busy page does not write on every request. */
const LAST_SEEN_RESOLUTION_MS = 15_000;

export function sessionCookieValue(tenantId: string, token: string): string {
  return `${tenantId}.${token}`;
}

export function parseSessionCookie(value: string | undefined): { tenantId: string; token: string } | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  const tenantId = value.slice(0, dot);
  const token = value.slice(dot + 1);
  if (dot < 0 || !UUID.test(tenantId) || !/^[A-Za-z0-9_-]{40,64}$/.test(token)) return null;
  return { tenantId, token };
}

export async function startSession(
  tx: Tx,
  tenantId: string,
  userId: string,
  options: {
    secondFactorDone: boolean;
    sourceIp: string | null;
    userAgent: string | null;
    policy: SessionPolicy;
    now?: Date;
  },
): Promise<{ sessionId: string; token: string }> {
  const now = options.now ?? new Date();
  const token = generateSessionToken();
  const lifetimeMs = options.policy.absoluteHours * 3_600_000;
  const sessionId = await insertSession(tx, {
    tenantId,
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      now.getTime() + (options.secondFactorDone ? lifetimeMs : Math.min(lifetimeMs, SECOND_FACTOR_TIME_LIMIT_MS)),
    ),
    secondFactorDone: options.secondFactorDone,
    sourceIp: options.sourceIp,
    userAgent: options.userAgent?.slice(0, 400) ?? null,
  });
  return { sessionId, token };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'ended'; reason: SessionEndReason }
  | { state: 'awaiting_second_factor'; actor: Actor; tokenHash: string }
  | { state: 'active'; actor: Actor; tokenHash: string; idleExpiresAt: Date };

/** Finds and refreshes the session for a cookie; ends it if idle or expired. */
export async function lookUpSession(
  orm: Orm,
  cookie: { tenantId: string; token: string },
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<SessionLookup> {
  const tokenHash = hashToken(cookie.token);
  // One round trip on every request: the function sets the council for its own statement.
  const found = await findSession(orm, cookie.tenantId, tokenHash);
  if (!found) return { state: 'none' };
  if (found.ended_at)
    return { state: 'ended', reason: (found.ended_reason as SessionEndReason | null) ?? 'signed_out' };

  const lastSeenAt = new Date(found.last_seen_at);
  const expiresAt = new Date(found.expires_at);
  const idleLimit = new Date(lastSeenAt.getTime() + policy.idleMinutes * 60_000);
  const endReason: SessionEndReason | null = found.is_disabled
    ? 'account_disabled'
    : now >= expiresAt
      ? 'expired'
      : now >= idleLimit
        ? 'idle'
        : null;
  if (endReason) {
    await withTenant(orm, cookie.tenantId, (tx) =>
      endSessionById(tx, cookie.tenantId, found.session_id, endReason, now),
    );
    return { state: 'ended', reason: endReason };
  }

  const actor: Actor = {
    tenantId: cookie.tenantId,
    councilName: found.council_name ?? '',
    userId: found.user_id,
    fullName: found.full_name,
    email: found.email,
    kind: found.kind as Actor['kind'],
    personId: found.person_id,
    roles: found.roles.filter(isRole),
    sessionId: found.session_id,
    mustChangePassword: found.password_must_change,
    tokenScopes: null,
    teams: { teamIds: found.team_ids, managedTeamIds: found.managed_team_ids },
  };
  if (!found.second_factor_done) return { state: 'awaiting_second_factor', actor, tokenHash };

  let refreshedAt = lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await withTenant(orm, cookie.tenantId, (tx) => touchSession(tx, cookie.tenantId, found.session_id, now));
    refreshedAt = now;
  }
  return {
    state: 'active',
    actor,
    tokenHash,
    idleExpiresAt: new Date(Math.min(refreshedAt.getTime() + policy.idleMinutes * 60_000, expiresAt.getTime())),
  };
}

const isRole = (candidate: string): candidate is Role => (allRoles as readonly string[]).includes(candidate);

export async function rolesOf(tx: Tx, tenantId: string, userId: string): Promise<Role[]> {
  return rolesHeldBy(tx, tenantId, userId);
}

export async function markSecondFactorDone(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  policy: SessionPolicy,
  now: Date = new Date(),
): Promise<{ token: string }> {
  // A new token once the second factor is done, so a token seen before it cannot be reused.
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000);
  await setSecondFactorDone(tx, tenantId, sessionId, hashToken(token), { now, expiresAt });
  return { token };
}

export async function endSessionById(
  tx: Tx,
  tenantId: string,
  sessionId: string,
  reason: SessionEndReason,
  now: Date = new Date(),
): Promise<void> {
  await endSession(tx, tenantId, sessionId, reason, now);
}

/** Ends every open session of a user (sign out everywhere, account disabled, ended by an administrator). */
export async function endSessionsOfUser(
  tx: Tx,
  tenantId: string,
  userId: string,
  reason: SessionEndReason,
  now: Date = new Date(),
): Promise<number> {
  return endOpenSessionsOf(tx, tenantId, userId, reason, now);
}
