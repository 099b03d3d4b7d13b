/** A person changing their own password. Every other session of theirs ends. */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import {
  checkPasswordPolicy,
  hashPassword,
  verifyPassword,
  type PasswordProblem,
} from '../../platform/auth/password.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { sessions, users } from '../../platform/identity/schema.js';

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
