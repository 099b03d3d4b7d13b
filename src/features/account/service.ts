/**
 * A person's own account: their password, two-factor sign-in and access tokens. Changing the
 * password ends every other session of theirs.
 */
import type { Database, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent, type AuditDetails } from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
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
import type { RequestSource } from '../../platform/http/request-source.js';
import {
  endOtherSessions,
  passwordHashOf,
  replaceRecoveryCodes,
  setPassword,
  switchOnTotp,
  totpStateOf,
  twoFactorEnabledAt,
  unusedRecoveryCodes,
} from './queries.js';

/**
 * One audit entry about the person's own account. Audit subjects are records with uuids, so a
 * token is named in the details (never its secret).
 */
function auditOwnAccount(tx: Tx, actor: Actor, action: AuditAction, source: RequestSource, details?: AuditDetails) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: { userId: actor.userId, label: actorLabel(actor) },
    subject: { type: 'user', id: actor.userId },
    source,
    details,
  });
}

export type PasswordChange =
  { outcome: 'changed' } | { outcome: 'wrong_current' } | { outcome: 'weak'; problems: PasswordProblem[] };

export async function changeOwnPassword(
  database: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  source: RequestSource,
): Promise<PasswordChange> {
  const storedHash = await withTenant(database.orm, actor.tenantId, (tx) =>
    passwordHashOf(tx, actor.tenantId, actor.userId),
  );
  if (!storedHash || !(await verifyPassword(storedHash, input.currentPassword))) {
    return { outcome: 'wrong_current' };
  }
  const problems = checkPasswordPolicy(input.newPassword, { email: actor.email, fullName: actor.fullName });
  if (problems.length > 0) return { outcome: 'weak', problems };
  const newHash = await hashPassword(input.newPassword);
  await withTenant(database.orm, actor.tenantId, async (tx) => {
    const now = new Date();
    await setPassword(tx, actor.tenantId, actor.userId, newHash, now);
    const ended = await endOtherSessions(tx, actor.tenantId, actor.userId, actor.sessionId, now);
    await auditOwnAccount(tx, actor, 'account.password_changed', source, { otherSessionsEnded: ended });
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
    const enabledAt = await twoFactorEnabledAt(tx, actor.tenantId, actor.userId);
    const unused = await unusedRecoveryCodes(tx, actor.tenantId, actor.userId);
    return {
      twoFactorOn: Boolean(enabledAt),
      twoFactorRequired: requiresTwoFactor(actor.roles),
      unusedRecoveryCodes: unused,
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
  source: RequestSource,
  now: Date = new Date(),
): Promise<{ outcome: 'turned_on'; recoveryCodes: string[] } | { outcome: 'wrong_code' } | { outcome: 'already_on' }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const user = await totpStateOf(tx, actor.tenantId, actor.userId);
    if (user?.enabledAt) return { outcome: 'already_on' as const };
    const checked = user?.totpSecret
      ? verifyTotp(user.totpSecret, code, { nowMs: now.getTime(), window: 1, lastUsedStep: user.lastUsedStep })
      : { ok: false as const };
    if (!checked.ok) return { outcome: 'wrong_code' as const };
    const codes = generateRecoveryCodes();
    await switchOnTotp(tx, actor.tenantId, actor.userId, checked.step, now);
    await replaceRecoveryCodes(tx, actor.tenantId, actor.userId, codes.map(hashRecoveryCode));
    await auditOwnAccount(tx, actor, 'account.two_factor_enabled', source);
    return { outcome: 'turned_on' as const, recoveryCodes: codes };
  });
}

export async function createAccessToken(
  database: Database,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; days: number },
  source: RequestSource,
): Promise<{ token: string; expiresAt: Date }> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const issued = await issueAccessToken(tx, actor.tenantId, actor.userId, input);
    await auditOwnAccount(tx, actor, 'account.access_token_created', source, {
      tokenId: issued.id,
      name: input.name,
      scopes: input.scopes.join(' '),
      days: input.days,
    });
    return { token: issued.token, expiresAt: issued.expiresAt };
  });
}

export async function revokeOwnAccessToken(
  database: Database,
  actor: Actor,
  tokenId: string,
  source: RequestSource,
): Promise<boolean> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const revoked = await revokeAccessToken(tx, actor.tenantId, actor.userId, tokenId);
    if (revoked) await auditOwnAccount(tx, actor, 'account.access_token_revoked', source, { tokenId });
    return revoked;
  });
}
