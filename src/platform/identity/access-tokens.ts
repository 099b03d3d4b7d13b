/**
 * Personal access tokens for integrations calling the JSON API. Stored by the hash of their
 * secret, limited by scope (a token can never do more than its owner may) and by expiry, and
 * revocable. Each use is checked inside the owning council's transaction.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../db/database.js';
import { rowsOf, withTenant } from '../db/tenancy.js';
import { currentCouncil } from '../tenancy/councils.js';
import { generatePersonalAccessToken, parsePersonalAccessToken, tokenMatchesHash } from '../auth/tokens.js';
import type { Actor } from './actor.js';
import type { Permission } from './roles.js';
import { personalAccessTokens, users } from './schema.js';
import { rolesOf } from './session-store.js';

export const tokenScopes = {
  'caseload:read': { description: 'List the children you work with', permissions: ['caseload.view'] },
  'child_records:read': { description: 'Read children’s records you may see', permissions: ['child_record.view'] },
  'audit:read': {
    description: 'Read who has seen records, and search the audit log',
    permissions: ['audit.view', 'audit.search'],
  },
} as const satisfies Record<string, { description: string; permissions: readonly Permission[] }>;
export type TokenScope = keyof typeof tokenScopes;
export const MAX_TOKEN_DAYS = 90;

export function scopesAllow(scopes: readonly string[], permission: Permission): boolean {
  if (permission === 'account.read_own') return true;
  return scopes.some(
    (scope) =>
      (tokenScopes[scope as TokenScope]?.permissions as readonly Permission[] | undefined)?.includes(permission) ??
      false,
  );
}

export async function issueAccessToken(
  tx: Tx,
  tenantId: string,
  userId: string,
  options: { name: string; scopes: TokenScope[]; days: number; now?: Date },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const { token, id, secretHash } = generatePersonalAccessToken();
  const expiresAt = new Date(now.getTime() + Math.min(options.days, MAX_TOKEN_DAYS) * 86_400_000);
  await tx.insert(personalAccessTokens).values({
    tenantId,
    id,
    userId,
    name: options.name,
    secretHash,
    scopes: options.scopes,
    createdAt: now,
    expiresAt,
  });
  return { token, id, expiresAt };
}

export async function tokensOf(tx: Tx, tenantId: string, userId: string) {
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
    .where(and(eq(personalAccessTokens.tenantId, tenantId), eq(personalAccessTokens.userId, userId)))
    .orderBy(sql`${personalAccessTokens.createdAt} desc`);
}

export async function revokeAccessToken(tx: Tx, tenantId: string, userId: string, tokenId: string): Promise<boolean> {
  const revoked = await tx
    .update(personalAccessTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(personalAccessTokens.tenantId, tenantId),
        eq(personalAccessTokens.userId, userId),
        eq(personalAccessTokens.id, tokenId),
        isNull(personalAccessTokens.revokedAt),
      ),
    )
    .returning({ id: personalAccessTokens.id });
  return revoked.length === 1;
}

/** The actor an `Authorization: Bearer` token speaks for, or null if it is not valid now. */
export async function actorForAccessToken(orm: Orm, bearer: string, now: Date = new Date()): Promise<Actor | null> {
  const parsed = parsePersonalAccessToken(bearer);
  if (!parsed) return null;
  const [found] = rowsOf<{ tenantId: string | null }>(
    await orm.execute(sql`select kith_council_for_access_token(${parsed.id}) as "tenantId"`),
  );
  if (!found?.tenantId) return null;
  const tenantId = found.tenantId;
  return withTenant(orm, tenantId, async (tx) => {
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
      .innerJoin(
        users,
        and(eq(users.tenantId, personalAccessTokens.tenantId), eq(users.id, personalAccessTokens.userId)),
      )
      .where(
        and(
          eq(personalAccessTokens.tenantId, tenantId),
          eq(personalAccessTokens.id, parsed.id),
          isNull(personalAccessTokens.revokedAt),
          gt(personalAccessTokens.expiresAt, now),
        ),
      );
    if (!row || row.isDisabled || !tokenMatchesHash(parsed.secret, row.secretHash)) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await tx
        .update(personalAccessTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(personalAccessTokens.tenantId, tenantId), eq(personalAccessTokens.id, parsed.id)));
    }
    const council = await currentCouncil(tx, tenantId);
    return {
      tenantId,
      councilName: council?.name ?? '',
      userId: row.userId,
      fullName: row.fullName,
      email: row.email,
      kind: row.kind,
      personId: row.personId,
      roles: await rolesOf(tx, tenantId, row.userId),
      sessionId: null,
      mustChangePassword: false,
      tokenScopes: row.scopes,
    };
  });
}
