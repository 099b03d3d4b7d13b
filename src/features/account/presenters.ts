/** The account pages' content: the access tokens table and the new-token form's choices. */
import { MAX_TOKEN_DAYS, tokenScopes, type TokenScope } from '../../platform/identity/access-tokens.js';
import type { Actor } from '../../platform/identity/actor.js';
import { hasPermission } from '../../platform/identity/roles.js';
import { ukTime } from '../../platform/views/clock.js';
import type { AccountOverview } from './service.js';
import { accountPages } from './paths.js';

/** How long a token may last, in days, as offered on the form. */
export const tokenLifetimes = [7, 30, 90] as const satisfies readonly number[];

/** "23 November 2026" in the UK. */
export function dateText(date: Date | null): string {
  if (!date) return '';
  const time = ukTime(date);
  return `${time.day} ${time.month} ${time.year}`;
}

/** The scopes a person may put on a token: never more than their own roles allow. */
export function scopesOpenTo(actor: Pick<Actor, 'roles'>): TokenScope[] {
  return (Object.keys(tokenScopes) as TokenScope[]).filter((scope) =>
    tokenScopes[scope].permissions.every((permission) => hasPermission(actor.roles, permission)),
  );
}

/** The person's access tokens as the account page lists them, with a revoke form for each live one. */
export function presentAccessTokens(tokens: AccountOverview['accessTokens'], now: number = Date.now()) {
  return tokens.map((token) => {
    const live = !token.revokedAt && token.expiresAt.getTime() > now;
    return {
      name: token.name,
      scopes: token.scopes.map((scope) => tokenScopes[scope as TokenScope]?.description ?? scope).join('; '),
      createdOn: dateText(token.createdAt),
      expiresOn: dateText(token.expiresAt),
      lastUsedOn: token.lastUsedAt ? dateText(token.lastUsedAt) : 'Not used yet',
      status: token.revokedAt ? 'Revoked' : token.expiresAt.getTime() <= now ? 'Expired' : 'Active',
      revokeAction: live ? accountPages.revokeAccessToken.href({ tokenId: token.id }) : null,
    };
  });
}

/** What was typed on the new-token form. */
export interface NewTokenValues {
  name?: string;
  scopes?: string[];
  days?: string;
}

/** The new-token form's scope checkboxes and lifetime radios, ticked as typed. */
export function newTokenChoices(actor: Pick<Actor, 'roles'>, values: NewTokenValues) {
  return {
    scopeItems: scopesOpenTo(actor).map((scope) => ({
      value: scope,
      text: tokenScopes[scope].description,
      hint: { text: `Scope: ${scope}` },
      checked: values.scopes?.includes(scope) ?? false,
    })),
    lifetimeItems: tokenLifetimes.map((days) => ({
      value: String(days),
      text: `${days} days`,
      checked: (values.days ?? '30') === String(days),
    })),
    maxDays: MAX_TOKEN_DAYS,
  };
}
