/**
 * Signing in. Messages never say whether an account exists: an unknown address, a wrong
 * password, a disabled account and a locked account all get the same answer and take about
 * the same time (a dummy hash is checked when there is no account). Failures slow further
 * attempts down and then lock the account for a while; many failures from one network address
 * slow that address down, but never lock other people out (see sign-in-throttle.ts). Every
 * attempt is audited in the council it concerns, and a lock, or an address slowed down further,
 * is a security event the council's administrators see.
 *
 * The security code after the password is throttled and locked the same way (its failures
 * count with the password's), and is bound to the half-signed-in session the password started:
 * that session lasts SECOND_FACTOR_TIME_LIMIT_MS, and after CODES_PER_HALF_SIGNED_IN_SESSION
 * wrong codes it ends, so the password must be given (and throttled) again.
 */
import type { Database, Tx } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { hashPassword, passwordNeedsRehash, verifyAgainstDummy, verifyPassword } from '../auth/password.js';
import { generateRecoveryCodes, hashRecoveryCode } from '../auth/recovery-codes.js';
import {
  assessSignInThrottle,
  THROTTLE_LOOKBACK_MS,
  throttleChangeAfterFailure,
  type ThrottleChange,
} from '../auth/sign-in-throttle.js';
import { generateTotpSecret, verifyTotp } from '../auth/totp.js';
import type { Actor } from './actor.js';
import { requiresTwoFactor } from './roles.js';
import {
  endSessionById,
  markSecondFactorDone,
  rolesOf,
  SECOND_FACTOR_TIME_LIMIT_MS,
  startSession,
  type SessionPolicy,
} from './session-store.js';
import {
  accountsWithEmail,
  deleteRecoveryCodes,
  failuresFromAddressSince,
  failuresOfUserSince,
  insertRecoveryCodes,
  insertSignInFailure,
  lockAccountForSignIn,
  markRecoveryCodeUsed,
  selectUser,
  sessionForSecondFactor,
  setPasswordHash,
  setTotpEnabledAt,
  setTotpLastUsedStep,
  setTotpSecret,
  totpSetupOf,
  totpStateOf,
} from './queries.js';

export interface SignInSource {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/** The time, and waiting out a delay: given by tests, so the throttle is tested without sleeping. */
export interface SignInClock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

const systemClock: SignInClock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Wrong codes on an account since its half-signed-in session began that end that session. */
export const CODES_PER_HALF_SIGNED_IN_SESSION = 5;

/** Who the audit log names for a decision Kith made itself (a lock, an address slowed down). */
const SIGN_IN_PROTECTION = { userId: null, label: 'Kith sign-in protection' };

type AuditValues = Record<string, string | number | boolean | null>;

/** An account's failures, and its address's, within the throttle's look-back. */
async function recentFailures(
  tx: Tx,
  tenantId: string,
  userId: string,
  ip: string | null,
  at: Date,
): Promise<{ accountFailures: Date[]; addressFailures: Date[] }> {
  // Look back far enough that a lock lasts its full time after the failure that set it.
  const since = new Date(at.getTime() - THROTTLE_LOOKBACK_MS);
  const account = await failuresOfUserSince(tx, tenantId, userId, since);
  const address = ip ? await failuresFromAddressSince(tx, tenantId, ip, since) : [];
  return {
    accountFailures: account.map((row) => row.failedAt),
    addressFailures: address.map((row) => row.failedAt),
  };
}

/**
 * Records a failed step of signing in. When the failure locked the account, or slowed its
 * address down further, it also writes a security event for the council's administrators.
 */
async function recordFailure(
  tx: Tx,
  tenantId: string,
  userId: string,
  source: SignInSource,
  at: Date,
  step: 'password' | 'second_factor',
): Promise<ThrottleChange> {
  const earlier = await recentFailures(tx, tenantId, userId, source.ip, at);
  await insertSignInFailure(tx, { tenantId, userId, sourceIp: source.ip, failedAt: at });
  const change = throttleChangeAfterFailure({ ...earlier, failedAt: at });
  if (change.accountLockedUntil) {
    await recordAuditEvent(tx, tenantId, {
      action: 'sign_in.account_locked',
      outcome: 'denied',
      actor: SIGN_IN_PROTECTION,
      subject: { type: 'user', id: userId },
      source,
      details: { step, failures: change.accountFailures, lockedUntil: change.accountLockedUntil.toISOString() },
    });
  }
  if (change.addressDelayMs !== null && source.ip) {
    await recordAuditEvent(tx, tenantId, {
      action: 'sign_in.address_slowed',
      outcome: 'denied',
      actor: SIGN_IN_PROTECTION,
      source,
      details: { address: source.ip, failures: change.addressFailures, delaySeconds: change.addressDelayMs / 1000 },
    });
  }
  return change;
}

export type PasswordSignInResult =
  | { outcome: 'signed_in'; tenantId: string; token: string; secondFactor: 'done' | 'required' | 'set_up' }
  | { outcome: 'rejected' };

/**
 * Failures for addresses that have no account, kept in memory: without them, the delay
 * after repeated failures would happen only for real accounts, and the answer time would
 * tell an attacker which addresses exist. (Per process; a council running several instances
 * still gets the delay on each.)
 */
const unknownAddressFailures = new Map<string, Date[]>();
const UNKNOWN_ADDRESS_MEMORY = 10_000;

function rememberUnknownAddressFailure(email: string, at: Date): Date[] {
  const since = at.getTime() - THROTTLE_LOOKBACK_MS;
  const failures = (unknownAddressFailures.get(email) ?? []).filter((failure) => failure.getTime() > since);
  failures.push(at);
  unknownAddressFailures.delete(email);
  unknownAddressFailures.set(email, failures);
  if (unknownAddressFailures.size > UNKNOWN_ADDRESS_MEMORY) {
    const oldest = unknownAddressFailures.keys().next().value;
    if (oldest !== undefined) unknownAddressFailures.delete(oldest);
  }
  return failures;
}

async function accountsForEmail(database: Database, email: string): Promise<{ tenantId: string; userId: string }[]> {
  return accountsWithEmail(database.orm, email);
}

export async function signInWithPassword(
  database: Database,
  credentials: { email: string; password: string },
  source: SignInSource,
  policy: SessionPolicy,
  clock: Partial<SignInClock> = {},
): Promise<PasswordSignInResult> {
  const { now, sleep } = { ...systemClock, ...clock };
  const email = credentials.email.trim().toLowerCase();
  const accounts = await accountsForEmail(database, email);
  if (accounts.length === 0) {
    const earlier = unknownAddressFailures.get(email) ?? [];
    const throttle = assessSignInThrottle({ accountFailures: earlier, addressFailures: [], now: now() });
    if (throttle.delayMs > 0) await sleep(throttle.delayMs);
    await verifyAgainstDummy(credentials.password);
    rememberUnknownAddressFailure(email, now());
    return { outcome: 'rejected' };
  }
  for (const account of accounts) {
    const attempt = await withTenant(database.orm, account.tenantId, async (tx) => {
      const user = await selectUser(tx, account.tenantId, account.userId);
      if (!user) return null;
      const at = now();
      const throttle = assessSignInThrottle({
        ...(await recentFailures(tx, account.tenantId, user.id, source.ip, at)),
        now: at,
      });
      return { user, throttle };
    });
    if (!attempt) continue;
    const { user, throttle } = attempt;
    if (throttle.delayMs > 0) await sleep(throttle.delayMs);
    const passwordMatches = user.passwordHash
      ? await verifyPassword(user.passwordHash, credentials.password)
      : await verifyAgainstDummy(credentials.password);

    const result = await withTenant(
      database.orm,
      account.tenantId,
      async (tx): Promise<PasswordSignInResult | null> => {
        const actorLabel = `${user.fullName} <${user.email}>`;
        const audit = (action: string, outcome: 'allowed' | 'denied' | 'failed', details: AuditValues = {}) =>
          recordAuditEvent(tx, account.tenantId, {
            action,
            outcome,
            actor: { userId: user.id, label: actorLabel },
            subject: { type: 'user', id: user.id },
            source,
            details,
          });
        if (throttle.lockedUntil) {
          await audit('sign_in.refused_while_locked', 'denied', {
            step: 'password',
            lockedBy: throttle.reason,
            lockedUntil: throttle.lockedUntil.toISOString(),
          });
          return null;
        }
        if (!passwordMatches || user.isDisabled) {
          await recordFailure(tx, account.tenantId, user.id, source, now(), 'password');
          await audit('sign_in.failed', 'failed', { accountDisabled: user.isDisabled });
          return null;
        }
        // Stored with weaker settings than today's: re-hash now, while the password is at hand.
        if (user.passwordHash && passwordNeedsRehash(user.passwordHash)) {
          await setPasswordHash(tx, account.tenantId, user.id, await hashPassword(credentials.password));
        }
        const heldRoles = await rolesOf(tx, account.tenantId, user.id);
        const secondFactor: 'done' | 'required' | 'set_up' = user.totpEnabledAt
          ? 'required'
          : requiresTwoFactor(heldRoles)
            ? 'set_up'
            : 'done';
        const { token } = await startSession(tx, account.tenantId, user.id, {
          secondFactorDone: secondFactor === 'done',
          sourceIp: source.ip,
          userAgent: source.userAgent,
          policy,
          now: now(),
        });
        await audit('sign_in.password_accepted', 'allowed', { secondFactor });
        return { outcome: 'signed_in', tenantId: account.tenantId, token, secondFactor };
      },
    );
    if (result) return result;
  }
  return { outcome: 'rejected' };
}

export type SecondFactorResult =
  | { outcome: 'signed_in'; token: string; usedRecoveryCode: boolean; newRecoveryCodes: string[] }
  | { outcome: 'rejected' }
  /** The half-signed-in session is over: sign in again from the password. */
  | { outcome: 'start_again'; reason: 'timed_out' | 'too_many_codes' | 'locked' };

type HalfSignedInCheck =
  { outcome: 'go'; delayMs: number; wrongCodesSoFar: number } | { outcome: 'stop'; result: SecondFactorResult };

/**
 * Whether a half-signed-in session may try a code now, and after how long a wait. A session
 * that is over (too old, too many wrong codes, its account locked) is ended here, and says so.
 */
async function checkHalfSignedIn(
  tx: Tx,
  pending: Actor,
  source: SignInSource,
  at: Date,
  audit: (action: string, outcome: 'allowed' | 'denied' | 'failed', details?: AuditValues) => Promise<void>,
): Promise<HalfSignedInCheck> {
  const { tenantId, sessionId } = pending;
  const session = sessionId ? await sessionForSecondFactor(tx, tenantId, sessionId) : undefined;
  // The code completes only the session the password started, for the same account, once.
  if (!sessionId || !session || session.userId !== pending.userId || session.endedAt || session.secondFactorDone) {
    return { outcome: 'stop', result: { outcome: 'rejected' } };
  }
  // The half-signed-in session is over; the audit entry says why ('expired' is the nearest end reason).
  const stop = async (reason: 'timed_out' | 'too_many_codes' | 'locked'): Promise<HalfSignedInCheck> => {
    await endSessionById(tx, tenantId, sessionId, 'expired', at);
    return { outcome: 'stop', result: { outcome: 'start_again', reason } };
  };
  const deadline = Math.min(session.expiresAt.getTime(), session.createdAt.getTime() + SECOND_FACTOR_TIME_LIMIT_MS);
  if (at.getTime() >= deadline) {
    await audit('sign_in.second_factor_timed_out', 'denied', { startedAt: session.createdAt.toISOString() });
    return stop('timed_out');
  }
  const failures = await recentFailures(tx, tenantId, pending.userId, source.ip, at);
  const throttle = assessSignInThrottle({ ...failures, now: at });
  if (throttle.lockedUntil) {
    await audit('sign_in.refused_while_locked', 'denied', {
      step: 'second_factor',
      lockedBy: throttle.reason,
      lockedUntil: throttle.lockedUntil.toISOString(),
    });
    return stop('locked');
  }
  const wrongCodesSoFar = failures.accountFailures.filter((failedAt) => failedAt >= session.createdAt).length;
  if (wrongCodesSoFar >= CODES_PER_HALF_SIGNED_IN_SESSION) return stop('too_many_codes');
  return { outcome: 'go', delayMs: throttle.delayMs, wrongCodesSoFar };
}

/**
 * Checks a code from the authenticator app, or a one-time recovery code, for a pending session.
 * It is throttled like the password: a growing delay before the code is checked, and no code
 * checked at all while the account is locked.
 */
export async function completeSecondFactor(
  database: Database,
  pending: Actor,
  code: string,
  source: SignInSource,
  policy: SessionPolicy,
  clock: Partial<SignInClock> = {},
): Promise<SecondFactorResult> {
  const { now, sleep } = { ...systemClock, ...clock };
  const auditIn =
    (tx: Tx) =>
    (action: string, outcome: 'allowed' | 'denied' | 'failed', details: AuditValues = {}) =>
      recordAuditEvent(tx, pending.tenantId, {
        action,
        outcome,
        actor: { userId: pending.userId, label: `${pending.fullName} <${pending.email}>` },
        subject: { type: 'user', id: pending.userId },
        source,
        details,
      });

  // First, without checking the code: is the session still good, and how long must this try wait?
  const first = await withTenant(database.orm, pending.tenantId, (tx) =>
    checkHalfSignedIn(tx, pending, source, now(), auditIn(tx)),
  );
  if (first.outcome === 'stop') return first.result;
  if (first.delayMs > 0) await sleep(first.delayMs);

  return withTenant(database.orm, pending.tenantId, async (tx): Promise<SecondFactorResult> => {
    const audit = auditIn(tx);
    // One try at a time for an account: a try sent alongside this one waits here, then sees its
    // failure, so sending many codes at once gets no more tries than sending them in turn.
    await lockAccountForSignIn(tx, pending.tenantId, pending.userId);
    const check = await checkHalfSignedIn(tx, pending, source, now(), audit);
    if (check.outcome === 'stop') return check.result;
    const user = await totpStateOf(tx, pending.tenantId, pending.userId);
    if (!user?.totpSecret || !pending.sessionId) return { outcome: 'rejected' };

    let usedRecoveryCode = false;
    const totp = verifyTotp(user.totpSecret, code, {
      nowMs: now().getTime(),
      window: 1,
      lastUsedStep: user.lastUsedStep,
    });
    if (totp.ok) {
      await setTotpLastUsedStep(tx, pending.tenantId, pending.userId, totp.step);
    } else if (await useRecoveryCode(tx, pending.tenantId, pending.userId, code, now())) {
      usedRecoveryCode = true;
    } else {
      const at = now();
      const change = await recordFailure(tx, pending.tenantId, pending.userId, source, at, 'second_factor');
      const wrongCodes = check.wrongCodesSoFar + 1;
      const over = change.accountLockedUntil
        ? ('locked' as const)
        : wrongCodes >= CODES_PER_HALF_SIGNED_IN_SESSION
          ? ('too_many_codes' as const)
          : null;
      await audit('sign_in.second_factor_failed', 'failed', { wrongCodes, sessionEnded: over !== null });
      if (over) {
        await endSessionById(tx, pending.tenantId, pending.sessionId, 'expired', at);
        return { outcome: 'start_again', reason: over };
      }
      return { outcome: 'rejected' };
    }
    // First use of a newly set-up authenticator: turn two-factor on and issue recovery codes.
    let newRecoveryCodes: string[] = [];
    if (!user.enabledAt) {
      newRecoveryCodes = generateRecoveryCodes();
      await setTotpEnabledAt(tx, pending.tenantId, pending.userId, now());
      await deleteRecoveryCodes(tx, pending.tenantId, pending.userId);
      await insertRecoveryCodes(
        tx,
        newRecoveryCodes.map((code) => ({
          tenantId: pending.tenantId,
          userId: pending.userId,
          codeHash: hashRecoveryCode(code),
        })),
      );
      await audit('account.two_factor_enabled', 'allowed');
    }
    const { token } = await markSecondFactorDone(tx, pending.tenantId, pending.sessionId, policy, now());
    await audit('sign_in.succeeded', 'allowed', { usedRecoveryCode });
    return { outcome: 'signed_in', token, usedRecoveryCode, newRecoveryCodes };
  });
}

async function useRecoveryCode(tx: Tx, tenantId: string, userId: string, code: string, now: Date): Promise<boolean> {
  return (await markRecoveryCodeUsed(tx, tenantId, userId, hashRecoveryCode(code), now)) === 1;
}

/** The secret to show when someone sets up their authenticator app; made once, kept until used. */
export async function pendingTotpSecret(
  database: Database,
  pending: Actor,
): Promise<{ secret: string; alreadyEnabled: boolean }> {
  return withTenant(database.orm, pending.tenantId, async (tx) => {
    const user = await totpSetupOf(tx, pending.tenantId, pending.userId);
    if (user?.totpSecret) return { secret: user.totpSecret, alreadyEnabled: user.enabledAt !== null };
    const secret = generateTotpSecret();
    await setTotpSecret(tx, pending.tenantId, pending.userId, secret);
    return { secret, alreadyEnabled: false };
  });
}
