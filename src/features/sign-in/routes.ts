/**
 * Sign in, two-factor sign-in (and setting it up the first time), sign out.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { formErrorsFrom, noErrors, safeReturnPath, singleFormError, cleanText } from '../../platform/http/forms.js';
import { totpUri } from '../../platform/auth/totp.js';
import { sessionCookieOptions } from '../../platform/identity/request-identity.js';
import {
  endSessionById,
  endSessionsOfUser,
  SESSION_COOKIE,
  sessionCookieValue,
  type SessionPolicy,
} from '../../platform/identity/session-store.js';
import {
  completeSecondFactor,
  pendingTotpSecret,
  signInWithPassword,
  type SignInSource,
} from '../../platform/identity/sign-in.js';
import { recordAuditEvent } from '../../platform/audit/audit-log.js';
import { signInMessages } from './messages.js';
import { signInPaths } from './paths.js';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .min(1, signInMessages.enterEmail)
    .max(254, signInMessages.emailFormat)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, signInMessages.emailFormat),
  password: z.string().min(1, signInMessages.enterPassword).max(1024, signInMessages.rejected),
});

const codeForm = z.object({
  code: z.string().trim().min(1, signInMessages.enterCode).max(40, signInMessages.codeRejected),
});

function sourceOf(request: FastifyRequest): SignInSource {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
}

const endedMessages: Record<string, string> = {
  idle: signInMessages.timedOut,
  expired: signInMessages.timedOut,
  ended_by_administrator: signInMessages.disabled,
  account_disabled: signInMessages.disabled,
};

export function registerSignInRoutes(
  app: FastifyInstance,
  options: { database: Database; sessionPolicy: SessionPolicy; homePath: string },
): void {
  const { database } = options;
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, tenantId: string, token: string) => {
    reply.setCookie(SESSION_COOKIE, sessionCookieValue(tenantId, token), sessionCookieOptions(request));
  };

  app.get<{ Querystring: { returnTo?: string; signedOut?: string } }>(
    signInPaths.signIn,
    { config: { access: { public: 'the sign-in page is how people get in' } } },
    async (request, reply) => {
      if (request.actor) return reply.redirect(safeReturnPath(request.query.returnTo, options.homePath), 303);
      const notice =
        request.query.signedOut === 'everywhere'
          ? signInMessages.signedOutEverywhere
          : request.query.signedOut
            ? signInMessages.signedOut
            : request.sessionEndedReason
              ? endedMessages[request.sessionEndedReason]
              : undefined;
      return reply.render('sign-in/views/sign-in.njk', {
        pageTitle: 'Sign in to Kith',
        notice,
        returnTo: safeReturnPath(request.query.returnTo, ''),
        values: {},
        ...noErrors,
      });
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    signInPaths.signIn,
    { config: { access: { public: 'the sign-in form is how people get in' } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const returnTo = safeReturnPath(body.returnTo, '');
      const typedEmail = cleanText(body.email).slice(0, 254);
      const parsed = signInForm.safeParse({
        email: typedEmail,
        password: typeof body.password === 'string' ? body.password : '',
      });
      const rerender = (errors: ReturnType<typeof formErrorsFrom>) =>
        reply.status(400).render('sign-in/views/sign-in.njk', {
          pageTitle: 'Sign in to Kith',
          returnTo,
          values: { email: typedEmail },
          ...errors,
        });
      if (!parsed.success) return rerender(formErrorsFrom(parsed.error));
      const result = await signInWithPassword(database, parsed.data, sourceOf(request), options.sessionPolicy);
      if (result.outcome === 'rejected') return rerender(singleFormError('email', signInMessages.rejected));
      // Whatever session this browser held before ends here: signing in never keeps an old id.
      const previous = request.actor ?? request.pendingSecondFactor;
      if (previous?.sessionId) {
        await withTenant(database.orm, previous.tenantId, (tx) =>
          endSessionById(tx, previous.tenantId, previous.sessionId!, 'signed_out'),
        );
      }
      setSessionCookie(request, reply, result.tenantId, result.token);
      if (result.secondFactor !== 'done') {
        return reply.redirect(
          `${signInPaths.twoFactor}${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
          303,
        );
      }
      return reply.redirect(returnTo || options.homePath, 303);
    },
  );

  const renderTwoFactor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors = noErrors,
    returnTo = '',
  ) => {
    const pending = request.pendingSecondFactor!;
    const { secret, alreadyEnabled } = await pendingTotpSecret(database, pending);
    return reply.status(status).render('sign-in/views/two-factor.njk', {
      pageTitle: alreadyEnabled ? 'Enter your security code' : 'Set up two-factor sign-in',
      settingUp: !alreadyEnabled,
      secret: alreadyEnabled ? null : secret.replace(/(.{4})/g, '$1 ').trim(),
      otpauthUri: alreadyEnabled ? null : totpUri({ issuer: 'Kith', accountName: pending.email, secret }),
      returnTo,
      ...errors,
    });
  };

  app.get<{ Querystring: { returnTo?: string } }>(
    signInPaths.twoFactor,
    { config: { access: { awaitingSecondFactor: true } } },
    async (request, reply) =>
      renderTwoFactor(request, reply, 200, noErrors, safeReturnPath(request.query.returnTo, '')),
  );

  app.post<{ Body: Record<string, unknown> }>(
    signInPaths.twoFactor,
    { config: { access: { awaitingSecondFactor: true } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const returnTo = safeReturnPath(body.returnTo, '');
      const parsed = codeForm.safeParse({ code: cleanText(body.code) });
      if (!parsed.success) return renderTwoFactor(request, reply, 400, formErrorsFrom(parsed.error), returnTo);
      const pending = request.pendingSecondFactor!;
      const result = await completeSecondFactor(database, pending, parsed.data.code, sourceOf(request));
      if (result.outcome === 'rejected') {
        return renderTwoFactor(request, reply, 400, singleFormError('code', signInMessages.codeRejected), returnTo);
      }
      setSessionCookie(request, reply, pending.tenantId, result.token);
      if (result.newRecoveryCodes.length > 0) {
        return reply.render('sign-in/views/recovery-codes.njk', {
          pageTitle: 'Save your recovery codes',
          recoveryCodes: result.newRecoveryCodes,
          continueTo: returnTo || options.homePath,
        });
      }
      return reply.redirect(returnTo || options.homePath, 303);
    },
  );

  // "Stay signed in" from the timeout warning: the request itself refreshes the session.
  app.post(signInPaths.keepAlive, { config: { access: { signedIn: true } } }, async (request) => ({
    idleExpiresAt: request.idleExpiresAt?.toISOString() ?? null,
  }));

  app.post(signInPaths.signOut, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const actor = request.actor!;
    await withTenant(database.orm, actor.tenantId, async (tx) => {
      if (actor.sessionId) await endSessionById(tx, actor.tenantId, actor.sessionId, 'signed_out');
      await recordAuditEvent(tx, actor.tenantId, {
        action: 'sign_in.signed_out',
        outcome: 'allowed',
        actor: { userId: actor.userId, label: actor.fullName },
        source: sourceOf(request),
      });
    });
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    return reply.redirect(`${signInPaths.signIn}?signedOut=1`, 303);
  });

  app.post(signInPaths.signOutEverywhere, { config: { access: { signedIn: true } } }, async (request, reply) => {
    const actor = request.actor!;
    await withTenant(database.orm, actor.tenantId, async (tx) => {
      const ended = await endSessionsOfUser(tx, actor.tenantId, actor.userId, 'signed_out_everywhere');
      await recordAuditEvent(tx, actor.tenantId, {
        action: 'sign_in.signed_out_everywhere',
        outcome: 'allowed',
        actor: { userId: actor.userId, label: actor.fullName },
        source: sourceOf(request),
        details: { sessionsEnded: ended },
      });
    });
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    return reply.redirect(`${signInPaths.signIn}?signedOut=everywhere`, 303);
  });
}
