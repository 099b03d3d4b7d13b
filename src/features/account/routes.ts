/** A person's own account: password, two-factor sign-in, signing out everywhere, access tokens. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../platform/access/route-access.js';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, singleFormError, type FormErrors } from '../../platform/http/forms.js';
import { requestSource } from '../../platform/http/request-source.js';
import type { TokenScope } from '../../platform/identity/access-tokens.js';
import { hasPermission, roleNames } from '../../platform/identity/roles.js';
import { pendingTotpSecret } from '../../platform/identity/sign-in.js';
import { presentTotpSetUp, signInPages } from '../sign-in/index.js';
import { accountMessages as messages } from './messages.js';
import { accountPages } from './paths.js';
import {
  dateText,
  newTokenChoices,
  presentAccessTokens,
  scopesOpenTo,
  tokenLifetimes,
  type NewTokenValues,
} from './presenters.js';
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

const notices: Record<string, string> = {
  revoked: messages.tokenRevoked,
  two_factor_on: messages.twoFactorOn,
};

/** Checkboxes arrive as a string when one is ticked and an array when several are. */
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/** A password field as typed: passwords are never cleaned, and never put back into the page. */
const passwordField = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name] : '';

type FormRequest = FastifyRequest<{ Body: Record<string, unknown> }>;

interface AccountForm<Values, Data> {
  /** Shows the form (with what was typed, when the form keeps it). */
  show(request: FastifyRequest, reply: FastifyReply, status: number, errors: FormErrors, values?: Values): unknown;
  /** What was typed, from the posted body. */
  read(body: Record<string, unknown>): Values;
  schema(request: FastifyRequest): z.ZodType<Data, Values>;
  fieldIds?: Record<string, string>;
  /** Saves; answers the reply it sent (a page shown once), or the errors to show the form again with. */
  save(data: Data, request: FormRequest, reply: FastifyReply): Promise<FastifyReply | FormErrors>;
}

/**
 * The account's forms, each the same way: GET shows it; POST checks it with its zod schema and
 * shows it again (400) or saves. Not the platform's question page: a good save here answers
 * with a page of its own (a secret shown once, a 201), not a redirect.
 */
function registerAccountForm<Values, Data>(
  app: FastifyInstance,
  pattern: string,
  access: RouteAccess,
  form: AccountForm<Values, Data>,
): void {
  app.get(pattern, { config: { access } }, async (request, reply) => form.show(request, reply, 200, noErrors));
  app.post<{ Body: Record<string, unknown> }>(pattern, { config: { access } }, async (request, reply) => {
    const values = form.read(request.body ?? {});
    const parsed = form.schema(request).safeParse(values);
    if (!parsed.success) return form.show(request, reply, 400, formErrorsFrom(parsed.error, form.fieldIds), values);
    const outcome = await form.save(parsed.data, request, reply);
    return 'errorList' in outcome ? form.show(request, reply, 400, outcome, values) : outcome;
  });
}

export function registerAccountRoutes(app: FastifyInstance, database: Database): void {
  const signedIn = { signedIn: true } as const;
  const tokens = { permission: 'access_tokens.manage' } as const;

  app.get<{ Querystring: { notice?: string } }>(
    accountPages.account.pattern,
    { config: { access: signedIn } },
    async (request, reply) => {
      const actor = request.actor!;
      const overview = await accountOverview(database, actor);
      return reply.render('account/views/account.njk', {
        pageTitle: 'Your account',
        notice: typeof request.query.notice === 'string' ? notices[request.query.notice] : undefined,
        person: { fullName: actor.fullName, email: actor.email, councilName: actor.councilName },
        roleText: actor.roles.map((role) => roleNames[role]).join(', '),
        overview,
        mayUseTokens: hasPermission(actor.roles, 'access_tokens.manage'),
        accessTokens: presentAccessTokens(overview.accessTokens),
        signOutEverywhereAction: signInPages.signOutEverywhere.href({}),
        accountPaths: {
          changePassword: accountPages.changePassword.href({}),
          twoFactor: accountPages.twoFactor.href({}),
          newAccessToken: accountPages.newAccessToken.href({}),
        },
      });
    },
  );

  registerAccountForm(app, accountPages.changePassword.pattern, signedIn, {
    // Passwords are never put back into the page, even when something else was wrong.
    show: (request, reply, status, errors) =>
      reply.status(status).render('account/views/change-password.njk', {
        pageTitle: 'Change your password',
        mustChange: request.actor!.mustChangePassword,
        ...errors,
      }),
    read: (body) => ({
      currentPassword: passwordField(body, 'currentPassword'),
      newPassword: passwordField(body, 'newPassword'),
      confirmPassword: passwordField(body, 'confirmPassword'),
    }),
    schema: () => changePasswordForm,
    save: async (data, request, reply) => {
      const result = await changeOwnPassword(database, request.actor!, data, requestSource(request));
      if (result.outcome === 'wrong_current') {
        return singleFormError('currentPassword', 'Your current password is not right');
      }
      if (result.outcome === 'weak') {
        return singleFormError('newPassword', result.problems.map((problem) => problem.message).join('. '));
      }
      return reply.render('account/views/password-changed.njk', { pageTitle: 'Your password has been changed' });
    },
  });

  registerAccountForm(app, accountPages.twoFactor.pattern, signedIn, {
    show: async (request, reply, status, errors) => {
      const actor = request.actor!;
      const { secret, alreadyEnabled } = await pendingTotpSecret(database, actor);
      if (alreadyEnabled) return reply.redirect(accountPages.account.href({}), 303);
      // The secret is on this page: never keep it in a shared cache or the back-forward cache.
      reply.header('cache-control', 'no-store');
      return reply.status(status).render('account/views/two-factor.njk', {
        pageTitle: 'Set up two-factor sign-in',
        ...presentTotpSetUp(actor.email, secret),
        formAction: accountPages.twoFactor.href({}),
        accountPath: accountPages.account.href({}),
        ...errors,
      });
    },
    read: (body) => ({ code: cleanText(body.code) }),
    schema: () => codeForm,
    save: async ({ code }, request, reply) => {
      const result = await turnOnTwoFactor(database, request.actor!, code, requestSource(request));
      if (result.outcome === 'wrong_code') return singleFormError('code', messages.codeRejected);
      if (result.outcome === 'already_on') return reply.redirect(accountPages.account.href({}), 303);
      reply.header('cache-control', 'no-store');
      return reply.render('sign-in/views/recovery-codes.njk', {
        pageTitle: 'Save your recovery codes',
        recoveryCodes: result.recoveryCodes,
        continueTo: accountPages.account.href({}, { notice: 'two_factor_on' }),
      });
    },
  });

  registerAccountForm(app, accountPages.newAccessToken.pattern, tokens, {
    show: (request, reply, status, errors, values: NewTokenValues = {}) =>
      reply.status(status).render('account/views/new-token.njk', {
        pageTitle: 'Make an access token',
        values,
        ...newTokenChoices(request.actor!, values),
        formAction: accountPages.newAccessToken.href({}),
        accountPath: accountPages.account.href({}),
        ...errors,
      }),
    read: (body) => ({
      name: cleanText(body.name).slice(0, 200),
      scopes: asList(body.scopes),
      days: cleanText(body.days),
    }),
    schema: (request) => newTokenForm(scopesOpenTo(request.actor!)),
    fieldIds: { scopes: 'scopes', days: 'days' },
    save: async (data, request, reply) => {
      const issued = await createAccessToken(database, request.actor!, data, requestSource(request));
      // The token is shown this once; it must not linger in any cache.
      reply.header('cache-control', 'no-store');
      return reply.status(201).render('account/views/token-made.njk', {
        pageTitle: 'Your new access token',
        token: issued.token,
        name: data.name,
        expiresOn: dateText(issued.expiresAt),
        accountPath: accountPages.account.href({}),
      });
    },
  });

  app.post<{ Params: { tokenId: string } }>(
    accountPages.revokeAccessToken.pattern,
    { config: { access: tokens } },
    async (request, reply) => {
      const tokenId = request.params.tokenId.slice(0, 64);
      await revokeOwnAccessToken(database, request.actor!, tokenId, requestSource(request));
      // Revoking a token that is already gone (or someone else's) changes nothing and says so quietly.
      return reply.redirect(accountPages.account.href({}, { notice: 'revoked' }), 303);
    },
  );
}
