/** A person's own account: password, two-factor sign-in, signing out everywhere, access tokens. */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, singleFormError, type FormErrors } from '../../platform/http/forms.js';
import { totpUri } from '../../platform/auth/totp.js';
import { MAX_TOKEN_DAYS, tokenScopes, type TokenScope } from '../../platform/identity/access-tokens.js';
import type { Actor } from '../../platform/identity/actor.js';
import { hasPermission, roleNames } from '../../platform/identity/roles.js';
import { pendingTotpSecret } from '../../platform/identity/sign-in.js';
import { signInPaths } from '../sign-in/index.js';
import { accountMessages as messages } from './messages.js';
import { accountPaths, revokeAccessTokenPath } from './paths.js';
import {
  accountOverview,
  changeOwnPassword,
  createAccessToken,
  revokeOwnAccessToken,
  turnOnTwoFactor,
} from './service.js';

const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(1024, 'Enter your current password'),
    newPassword: z.string().min(1, 'Enter a new password').max(1024, 'Password must be 256 characters or fewer'),
    confirmPassword: z.string(),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    message: 'The two new passwords do not match',
    path: ['confirmPassword'],
  });

const codeForm = z.object({
  code: z
    .string()
    .transform((code) => code.replace(/\s+/g, ''))
    .pipe(
      z
        .string()
        .min(1, messages.enterCode)
        .regex(/^\d{6}$/, messages.codeFormat),
    ),
});

const tokenLifetimes = [7, 30, 90] as const satisfies readonly number[];

/** The scopes a person may put on a token: never more than their own roles allow. */
export function scopesOpenTo(actor: Pick<Actor, 'roles'>): TokenScope[] {
  return (Object.keys(tokenScopes) as TokenScope[]).filter((scope) =>
    tokenScopes[scope].permissions.every((permission) => hasPermission(actor.roles, permission)),
  );
}

const newTokenForm = (allowed: readonly TokenScope[]) =>
  z.object({
    name: z.string().trim().min(1, messages.enterTokenName).max(100, messages.tokenNameTooLong),
    scopes: z
      .array(z.string())
      .min(1, messages.chooseScope)
      .refine(
        (chosen) => chosen.every((scope) => (allowed as readonly string[]).includes(scope)),
        messages.scopeNotYours,
      )
      .transform((chosen) => [...new Set(chosen)] as TokenScope[]),
    days: z.enum(tokenLifetimes.map(String) as [string, ...string[]], messages.chooseLifetime).transform(Number),
  });

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

const ukDayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const dateText = (date: Date | null) => (date ? ukDayMonthYear.format(date) : '');

const notices: Record<string, string> = {
  revoked: messages.tokenRevoked,
  two_factor_on: messages.twoFactorOn,
};

export function registerAccountRoutes(app: FastifyInstance, database: Database): void {
  app.get<{ Querystring: { notice?: string } }>(
    accountPaths.account,
    { config: { access: { signedIn: true } } },
    async (request, reply) => {
      const actor = request.actor!;
      const overview = await accountOverview(database, actor);
      const now = Date.now();
      return reply.render('account/views/account.njk', {
        pageTitle: 'Your account',
        notice: typeof request.query.notice === 'string' ? notices[request.query.notice] : undefined,
        person: { fullName: actor.fullName, email: actor.email, councilName: actor.councilName },
        roleText: actor.roles.map((role) => roleNames[role]).join(', '),
        overview,
        mayUseTokens: hasPermission(actor.roles, 'access_tokens.manage'),
        accessTokens: overview.accessTokens.map((token) => ({
          name: token.name,
          scopes: token.scopes.map((scope) => tokenScopes[scope as TokenScope]?.description ?? scope).join('; '),
          createdOn: dateText(token.createdAt),
          expiresOn: dateText(token.expiresAt),
          lastUsedOn: token.lastUsedAt ? dateText(token.lastUsedAt) : 'Not used yet',
          status: token.revokedAt ? 'Revoked' : token.expiresAt.getTime() <= now ? 'Expired' : 'Active',
          revokeAction: !token.revokedAt && token.expiresAt.getTime() > now ? revokeAccessTokenPath(token.id) : null,
        })),
        signOutEverywhereAction: signInPaths.signOutEverywhere,
        accountPaths,
      });
    },
  );

  app.get(accountPaths.changePassword, { config: { access: { signedIn: true } } }, async (request, reply) =>
    reply.render('account/views/change-password.njk', {
      pageTitle: 'Change your password',
      mustChange: request.actor!.mustChangePassword,
      ...noErrors,
    }),
  );

  app.post<{ Body: Record<string, unknown> }>(
    accountPaths.changePassword,
    { config: { access: { signedIn: true } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
      // Passwords are never put back into the page, even when something else was wrong.
      const rerender = (errors: ReturnType<typeof formErrorsFrom>) =>
        reply.status(400).render('account/views/change-password.njk', {
          pageTitle: 'Change your password',
          mustChange: request.actor!.mustChangePassword,
          ...errors,
        });
      const parsed = changePasswordForm.safeParse({
        currentPassword: text('currentPassword'),
        newPassword: text('newPassword'),
        confirmPassword: text('confirmPassword'),
      });
      if (!parsed.success) return rerender(formErrorsFrom(parsed.error));
      const result = await changeOwnPassword(database, request.actor!, parsed.data, requestSource(request));
      if (result.outcome === 'wrong_current') {
        return rerender({
          errorList: [{ text: 'Your current password is not right', href: '#currentPassword' }],
          fieldErrors: { currentPassword: { text: 'Your current password is not right' } },
        });
      }
      if (result.outcome === 'weak') {
        const text = result.problems.map((problem) => problem.message).join('. ');
        return rerender({ errorList: [{ text, href: '#newPassword' }], fieldErrors: { newPassword: { text } } });
      }
      return reply.render('account/views/password-changed.njk', { pageTitle: 'Your password has been changed' });
    },
  );

  const renderTwoFactor = async (request: FastifyRequest, reply: FastifyReply, status: number, errors: FormErrors) => {
    const actor = request.actor!;
    const { secret, alreadyEnabled } = await pendingTotpSecret(database, actor);
    if (alreadyEnabled) return reply.redirect(accountPaths.account, 303);
    // The secret is on this page: never keep it in a shared cache or the back-forward cache.
    reply.header('cache-control', 'no-store');
    return reply.status(status).render('account/views/two-factor.njk', {
      pageTitle: 'Set up two-factor sign-in',
      secret: secret.replace(/(.{4})/g, '$1 ').trim(),
      otpauthUri: totpUri({ issuer: 'Kith', accountName: actor.email, secret }),
      ...errors,
    });
  };

  app.get(accountPaths.twoFactor, { config: { access: { signedIn: true } } }, async (request, reply) =>
    renderTwoFactor(request, reply, 200, noErrors),
  );

  app.post<{ Body: Record<string, unknown> }>(
    accountPaths.twoFactor,
    { config: { access: { signedIn: true } } },
    async (request, reply) => {
      const parsed = codeForm.safeParse({ code: cleanText(request.body?.code) });
      if (!parsed.success) return renderTwoFactor(request, reply, 400, formErrorsFrom(parsed.error));
      const result = await turnOnTwoFactor(database, request.actor!, parsed.data.code, requestSource(request));
      if (result.outcome === 'wrong_code') {
        return renderTwoFactor(request, reply, 400, singleFormError('code', messages.codeRejected));
      }
      if (result.outcome === 'already_on') return reply.redirect(accountPaths.account, 303);
      reply.header('cache-control', 'no-store');
      return reply.render('sign-in/views/recovery-codes.njk', {
        pageTitle: 'Save your recovery codes',
        recoveryCodes: result.recoveryCodes,
        continueTo: `${accountPaths.account}?notice=two_factor_on`,
      });
    },
  );

  const tokens = { permission: 'access_tokens.manage' } as const;
  const renderNewToken = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors: FormErrors,
    values: { name?: string; scopes?: string[]; days?: string } = {},
  ) => {
    const allowed = scopesOpenTo(request.actor!);
    return reply.status(status).render('account/views/new-token.njk', {
      pageTitle: 'Make an access token',
      values,
      scopeItems: allowed.map((scope) => ({
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
      ...errors,
    });
  };

  app.get(accountPaths.newAccessToken, { config: { access: tokens } }, async (request, reply) =>
    renderNewToken(request, reply, 200, noErrors),
  );

  app.post<{ Body: Record<string, unknown> }>(
    accountPaths.newAccessToken,
    { config: { access: tokens } },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = {
        name: cleanText(body.name).slice(0, 200),
        scopes: asList(body.scopes),
        days: cleanText(body.days),
      };
      const parsed = newTokenForm(scopesOpenTo(request.actor!)).safeParse(values);
      if (!parsed.success) {
        return renderNewToken(
          request,
          reply,
          400,
          formErrorsFrom(parsed.error, { scopes: 'scopes', days: 'days' }),
          values,
        );
      }
      const issued = await createAccessToken(database, request.actor!, parsed.data, requestSource(request));
      // The token is shown this once; it must not linger in any cache.
      reply.header('cache-control', 'no-store');
      return reply.status(201).render('account/views/token-made.njk', {
        pageTitle: 'Your new access token',
        token: issued.token,
        name: parsed.data.name,
        expiresOn: dateText(issued.expiresAt),
        accountPath: accountPaths.account,
      });
    },
  );

  app.post<{ Params: { tokenId: string } }>(
    accountPaths.revokeAccessToken,
    { config: { access: tokens } },
    async (request, reply) => {
      const tokenId = request.params.tokenId.slice(0, 64);
      await revokeOwnAccessToken(database, request.actor!, tokenId, requestSource(request));
      // Revoking a token that is already gone (or someone else's) changes nothing and says so quietly.
      return reply.redirect(`${accountPaths.account}?notice=revoked`, 303);
    },
  );
}
