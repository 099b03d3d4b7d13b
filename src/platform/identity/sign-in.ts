/**
 * Signing in. Messages never say whether an account exists: an unknown address, a wrong
 * password, a disabled account and a locked account all get the same answer and take about
 * the same time (a dummy hash is checked when there is no account). Failures slow further
 * attempts down and then lock the account, and the address, for a while. Every attempt is
 * audited in the council it concerns.
 */
import type { Database, Tx } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { hashPassword, passwordNeedsRehash, verifyAgainstDummy, verifyPassword } from '../auth/password.js';
import { generateRecoveryCodes, hashRecoveryCode } from '../auth/recovery-codes.js';
import { assessSignInThrottle, THROTTLE_LOOKBACK_MS } from '../auth/sign-in-throttle.js';
import { generateTotpSecret, verifyTotp } from '../auth/totp.js';
import type { Actor } from './actor.js';
import { requiresTwoFactor } from './roles.js';
import { markSecondFactorDone, rolesOf, startSession, type SessionPolicy } from './session-store.js';
import {
  accountsWithEmail,
  deleteRecoveryCodes,
  failuresFromAddressSince,
  failuresOfUserSince,
  insertRecoveryCodes,
  insertSignInFailure,
  markRecoveryCodeUsed,
  selectUser,
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function accountsForEmail(database: Database, email: string): Promise<{ tenantId: string; userId: string }[]> {
  return accountsWithEmail(database.orm, email);
}

export async function signInWithPassword(
  database: Database,
  credentials: { email: string; password: string },
  source: SignInSource,
  policy: SessionPolicy,
  now: () => Date = () => new Date(),
): Promise<PasswordSignInResult> {
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
      // Look back far enough that a lock lasts its full time after the failure that set it.
      const since = new Date(now().getTime() - THROTTLE_LOOKBACK_MS);
      const accountFailures = await failuresOfUserSince(tx, account.tenantId, user.id, since);
      const addressFailures = source.ip ? await failuresFromAddressSince(tx, account.tenantId, source.ip, since) : [];
      const throttle = assessSignInThrottle({
        accountFailures: accountFailures.map((row) => row.failedAt),
        addressFailures: addressFailures.map((row) => row.failedAt),
        now: now(),
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
        const audit = (
          action: string,
          outcome: 'allowed' | 'denied' | 'failed',
          details: Record<string, string | number | boolean | null> = {},
        ) =>
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
            lockedBy: throttle.reason,
            lockedUntil: throttle.lockedUntil.toISOString(),
          });
          return null;
        }
        if (!passwordMatches || user.isDisabled) {
          await insertSignInFailure(tx, {
            tenantId: account.tenantId,
            userId: user.id,
            sourceIp: source.ip,
            failedAt: now(),
          });
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

/** Checks a code from the authenticator app, or a one-time recovery code, for a pending session. */
export async function completeSecondFactor(
  database: Database,
  pending: Actor,
  code: string,
  source: SignInSource,
  now: () => Date = () => new Date(),
): Promise<
  | { outcome: 'signed_in'; token: string; usedRecoveryCode: boolean; newRecoveryCodes: string[] }
  | { outcome: 'rejected' }
> {
  return withTenant(database.orm, pending.tenantId, async (tx) => {
    const user = await totpStateOf(tx, pending.tenantId, pending.userId);
    const audit = (
      action: string,
      outcome: 'allowed' | 'failed',
      details: Record<string, string | number | boolean | null> = {},
    ) =>
      recordAuditEvent(tx, pending.tenantId, {
        action,
        outcome,
        actor: { userId: pending.userId, label: `${pending.fullName} <${pending.email}>` },
        subject: { type: 'user', id: pending.userId },
        source,
        details,
      });
    if (!user?.totpSecret || !pending.sessionId) return { outcome: 'rejected' as const };

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
      await insertSignInFailure(tx, {
        tenantId: pending.tenantId,
        userId: pending.userId,
        sourceIp: source.ip,
        failedAt: now(),
      });
      await audit('sign_in.second_factor_failed', 'failed');
      return { outcome: 'rejected' as const };
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
    const { token } = await markSecondFactorDone(tx, pending.tenantId, pending.sessionId);
    await audit('sign_in.succeeded', 'allowed', { usedRecoveryCode });
    return { outcome: 'signed_in' as const, token, usedRecoveryCode, newRecoveryCodes };
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
