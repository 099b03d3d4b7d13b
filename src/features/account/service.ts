/**
 * A person's own account: their password, two-factor sign-in and access tokens. Changing the
 * password ends every other session of theirs.
 */
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import {
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PasswordProblem,
} from '../../platform/auth/password.js';
import { generateRecoveryCodes, hashRecoveryCode } from '../../platform/auth/recovery-codes.js';
import { verifyTotp } from '../../platform/auth/totp.js';
import {
  issueAccessToken,
  revokeAccessToken,
  tokensOf,
  type TokenScope,
} from '../../platform/identity/access-tokens.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { requiresTwoFactor } from '../../platform/identity/roles.js';
import { recoveryCodes, sessions, users } from '../../platform/identity/schema.js';

type AuditSource = { ip: string | null; userAgent: string | null; requestId: string };

export type PasswordChange =
  { outcome: 'changed' } | { outcome: 'wrong_current' } | { outcome: 'weak'; problems: PasswordProblem[] };

export async function changeOwnPassword(
  database: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  source: { ip: string | null; userAgent: string | null; requestId: string },
): Promise<PasswordChange> {
  const [stored] = await withTenant(database.orm, actor.tenantId, (tx) =>
    tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId))),
  );
  if (!stored?.passwordHash || !(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    return { outcome: 'wrong_current' };
  }
  const problems = checkPasswordPolicy(input.newPassword, { email: actor.email, fullName: actor.fullName });
  if (problems.length > 0) return { outcome: 'weak', problems };
  const newHash = await hashPassword(input.newPassword);
  await withTenant(database.orm, actor.tenantId, async (tx) => {
    const now = new Date();
    await tx
      .update(users)
      .set({ passwordHash: newHash, passwordChangedAt: now, passwordMustChange: false, updatedAt: now })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    const ended = await tx
      .update(sessions)
      .set({ endedAt: now, endedReason: 'signed_out_everywhere' })
      .where(
        and(
          eq(sessions.tenantId, actor.tenantId),
          eq(sessions.userId, actor.userId),
          isNull(sessions.endedAt),
          ne(sessions.id, actor.sessionId ?? '00000000-0000-0000-0000-000000000000'),
        ),
      )
      .returning({ id: sessions.id });
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'account.password_changed',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      subject: { type: 'user', id: actor.userId },
      source,
      details: { otherSessionsEnded: ended.length },
    });
  });
  return { outcome: 'changed' };
}

export interface AccountOverview {
  twoFactorOn: boolean;
  twoFactorRequired: boolean;
  unusedRecoveryCodes: number;
  accessTokens: Awaited<ReturnType<typeof tokensOf>>;
}

export async function accountOverview(database: Database, actor: Actor): Promise<AccountOverview> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const [user] = await tx
      .select({ totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    const [codes] = await tx
      .select({ unused: count() })
      .from(recoveryCodes)
      .where(
        and(
          eq(recoveryCodes.tenantId, actor.tenantId),
          eq(recoveryCodes.userId, actor.userId),
          isNull(recoveryCodes.usedAt),
        ),
      );
    return {
      twoFactorOn: Boolean(user?.totpEnabledAt),
      twoFactorRequired: requiresTwoFactor(actor.roles),
      unusedRecoveryCodes: codes?.unused ?? 0,
      accessTokens: await tokensOf(tx, actor.tenantId, actor.userId),
    };
  });
}

/**
 * Turning on two-factor sign-in from the account page (it is offered to everyone, required of
 * managers and administrators). The secret is kept from the moment it is shown until the first
 * right code, which switches two-factor on and issues recovery codes.
 */
export async function turnOnTwoFactor(
  database: Database,
  actor: Actor,
  code: string,
  source: AuditSource,
  now: Date = new Date(),
): Promise<{ outcome: 'turned_on'; recoveryCodes: string[] } | { outcome: 'wrong_code' } | { outcome: 'already_on' }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const [user] = await tx
      .select({ totpSecret: users.totpSecret, enabledAt: users.totpEnabledAt, lastUsedStep: users.totpLastUsedStep })
      .from(users)
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    if (user?.enabledAt) return { outcome: 'already_on' as const };
    const checked = user?.totpSecret
      ? verifyTotp(user.totpSecret, code, { nowMs: now.getTime(), window: 1, lastUsedStep: user.lastUsedStep })
      : { ok: false as const };
    if (!checked.ok) return { outcome: 'wrong_code' as const };
    const codes = generateRecoveryCodes();
    await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastUsedStep: checked.step, updatedAt: now })
      .where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
    await tx
      .delete(recoveryCodes)
      .where(and(eq(recoveryCodes.tenantId, actor.tenantId), eq(recoveryCodes.userId, actor.userId)));
    await tx
      .insert(recoveryCodes)
      .values(
        codes.map((one) => ({ tenantId: actor.tenantId, userId: actor.userId, codeHash: hashRecoveryCode(one) })),
      );
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'account.two_factor_enabled',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      subject: { type: 'user', id: actor.userId },
      source,
    });
    return { outcome: 'turned_on' as const, recoveryCodes: codes };
  });
}

export async function createAccessToken(
  database: Database,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; days: number },
  source: AuditSource,
): Promise<{ token: string; expiresAt: Date }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const issued = await issueAccessToken(tx, actor.tenantId, actor.userId, input);
    await recordAuditEvent(tx, actor.tenantId, {
      action: 'account.access_token_created',
      outcome: 'allowed',
      actor: { userId: actor.userId, label: actorLabel(actor) },
      // Audit subjects are records with uuids; the token is named in the details (never its secret).
      subject: { type: 'user', id: actor.userId },
      source,
      details: { tokenId: issued.id, name: input.name, scopes: input.scopes.join(' '), days: input.days },
    });
    return { token: issued.token, expiresAt: issued.expiresAt };
  });
}

export async function revokeOwnAccessToken(
  database: Database,
  actor: Actor,
  tokenId: string,
  source: AuditSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const revoked = await revokeAccessToken(tx, actor.tenantId, actor.userId, tokenId);
    if (revoked) {
      await recordAuditEvent(tx, actor.tenantId, {
        action: 'account.access_token_revoked',
        outcome: 'allowed',
        actor: { userId: actor.userId, label: actorLabel(actor) },
        subject: { type: 'user', id: actor.userId },
        source,
        details: { tokenId },
      });
    }
    return revoked;
  });
}
