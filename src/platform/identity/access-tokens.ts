/**
 * Personal access tokens for integrations calling the JSON API. Stored by the hash of their
 * secret, limited by scope (a token can never do more than its owner may) and by expiry, and
 * revocable. Each use is checked inside the owning council's transaction.
 */
import type { Orm, Tx } from '../db/database.js';
import { withTenant } from '../db/tenancy.js';
import { currentCouncil } from '../tenancy/councils.js';
import { generatePersonalAccessToken, parsePersonalAccessToken, tokenMatchesHash } from '../auth/tokens.js';
import type { Actor } from './actor.js';
import type { Permission } from './roles.js';
import {
  accessTokensOf,
  councilOfAccessToken,
  insertAccessToken,
  liveAccessToken,
  revokeToken,
  touchAccessToken,
} from './queries.js';
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
  await insertAccessToken(tx, {
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
  return accessTokensOf(tx, tenantId, userId);
}

export async function revokeAccessToken(tx: Tx, tenantId: string, userId: string, tokenId: string): Promise<boolean> {
  return (await revokeToken(tx, tenantId, userId, tokenId, new Date())) === 1;
}

/** The actor an `Authorization: Bearer` token speaks for, or null if it is not valid now. */
export async function actorForAccessToken(orm: Orm, bearer: string, now: Date = new Date()): Promise<Actor | null> {
  const parsed = parsePersonalAccessToken(bearer);
  if (!parsed) return null;
  const tenantId = await councilOfAccessToken(orm, parsed.id);
  if (!tenantId) return null;
  return withTenant(orm, tenantId, async (tx) => {
    const row = await liveAccessToken(tx, tenantId, parsed.id, now);
    if (!row || row.isDisabled || !tokenMatchesHash(parsed.secret, row.secretHash)) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await touchAccessToken(tx, tenantId, parsed.id, now);
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
