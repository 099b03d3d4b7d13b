/**
 * Sign in, two-factor sign-in (and setting it up the first time), sign out.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import type { Database } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import {
  cleanText,
  formErrorsFrom,
  noErrors,
  safeReturnPath,
  singleFormError,
  type FormErrors,
} from '../../platform/http/forms.js';
import { requestSource } from '../../platform/http/request-source.js';
import { sessionCookieOptions } from '../../platform/identity/request-identity.js';
import {
  endSessionById,
  endSessionsOfUser,
  SESSION_COOKIE,
  sessionCookieValue,
  type SessionPolicy,
} from '../../platform/identity/session-store.js';
import { completeSecondFactor, pendingTotpSecret, signInWithPassword } from '../../platform/identity/sign-in.js';
import { recordAuditEvent, type AuditDetails } from '../../platform/audit/audit-log.js';
import type { Tx } from '../../platform/db/database.js';
import { signInMessages } from './messages.js';
import { signInPages } from './paths.js';
import { presentTotpSetUp } from './presenters.js';
import { returnPlaceOf } from './return-to.js';

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

/** Why a half-signed-in session was ended, as the sign-in page says it (`?secondStep=`). */
const secondStepMessages: Record<string, string> = {
  timed_out: signInMessages.codeTimedOut,
  too_many_codes: signInMessages.tooManyCodes,
  locked: signInMessages.codeLocked,
};

const endedMessages: Record<string, string> = {
  idle: signInMessages.timedOut,
  expired: signInMessages.timedOut,
  ended_by_administrator: signInMessages.disabled,
  account_disabled: signInMessages.disabled,
};

export interface SignInOptions {
  database: Database;
  sessionPolicy: SessionPolicy;
  /** Where someone lands after signing in when they were not on their way somewhere. */
  homePath: string;
}

export function registerSignInRoutes(app: FastifyInstance, options: SignInOptions): void {
  const { database } = options;
  const setSessionCookie = (request: FastifyRequest, reply: FastifyReply, tenantId: string, token: string) => {
    reply.setCookie(SESSION_COOKIE, sessionCookieValue(tenantId, token), sessionCookieOptions(request));
  };

  const showSignIn = (
    reply: FastifyReply,
    status: number,
    page: { notice?: string; returnTo: string; values: { email?: string } },
    errors: FormErrors,
  ) => reply.status(status).render('sign-in/views/sign-in.njk', { pageTitle: 'Sign in to Kith', ...page, ...errors });

  app.get<{ Querystring: { returnTo?: string; signedOut?: string; secondStep?: string } }>(
    signInPages.signIn.pattern,
    { config: { access: { public: 'the sign-in page is how people get in' } } },
    async (request, reply) => {
      if (request.actor) return reply.redirect(safeReturnPath(request.query.returnTo, options.homePath), 303);
      const notice =
        request.query.signedOut === 'everywhere'
          ? signInMessages.signedOutEverywhere
          : request.query.signedOut
            ? signInMessages.signedOut
            : request.query.secondStep && Object.hasOwn(secondStepMessages, request.query.secondStep)
              ? secondStepMessages[request.query.secondStep]
              : request.sessionEndedReason
                ? endedMessages[request.sessionEndedReason]
                : undefined;
      const { returnTo, textKept } = returnPlaceOf(request);
      const page = { notice: textKept ? signInMessages.textKept : notice, returnTo, values: {} };
      return showSignIn(reply, 200, page, noErrors);
    },
  );

  app.post<{ Body: Record<string, unknown> }>(
    signInPages.signIn.pattern,
    { config: { access: { public: 'the sign-in form is how people get in' } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const returnTo = safeReturnPath(body.returnTo, '');
      const typedEmail = cleanText(body.email).slice(0, 254);
      const parsed = signInForm.safeParse({
        email: typedEmail,
        password: typeof body.password === 'string' ? body.password : '',
      });
      const rerender = (errors: FormErrors) =>
        showSignIn(reply, 400, { returnTo, values: { email: typedEmail } }, errors);
      if (!parsed.success) return rerender(formErrorsFrom(parsed.error));
      const result = await signInWithPassword(database, parsed.data, requestSource(request), options.sessionPolicy);
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
        return reply.redirect(signInPages.twoFactor.href({}, { returnTo: returnTo || undefined }), 303);
      }
      return reply.redirect(returnTo || options.homePath, 303);
    },
  );

  const showTwoFactor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    errors: FormErrors,
    returnTo: string,
  ) => {
    const pending = request.pendingSecondFactor!;
    const { secret, alreadyEnabled } = await pendingTotpSecret(database, pending);
    const setUp = alreadyEnabled ? null : presentTotpSetUp(pending.email, secret);
    return reply.status(status).render('sign-in/views/two-factor.njk', {
      pageTitle: alreadyEnabled ? 'Enter your security code' : 'Set up two-factor sign-in',
      settingUp: !alreadyEnabled,
      secret: setUp?.secret ?? null,
      otpauthUri: setUp?.otpauthUri ?? null,
      returnTo,
      ...errors,
    });
  };

  app.get<{ Querystring: { returnTo?: string } }>(
    signInPages.twoFactor.pattern,
    { config: { access: { awaitingSecondFactor: true } } },
    async (request, reply) => showTwoFactor(request, reply, 200, noErrors, safeReturnPath(request.query.returnTo, '')),
  );

  app.post<{ Body: Record<string, unknown> }>(
    signInPages.twoFactor.pattern,
    { config: { access: { awaitingSecondFactor: true } } },
    async (request, reply) => {
      const body = request.body ?? {};
      const returnTo = safeReturnPath(body.returnTo, '');
      const parsed = codeForm.safeParse({ code: cleanText(body.code) });
      if (!parsed.success) return showTwoFactor(request, reply, 400, formErrorsFrom(parsed.error), returnTo);
      const pending = request.pendingSecondFactor!;
      const result = await completeSecondFactor(
        database,
        pending,
        parsed.data.code,
        requestSource(request),
        options.sessionPolicy,
      );
      if (result.outcome === 'start_again') {
        // The half-signed-in session has ended: back to the password, saying why.
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
        const query = { returnTo: returnTo || undefined, secondStep: result.reason };
        return reply.redirect(signInPages.signIn.href({}, query), 303);
      }
      if (result.outcome === 'rejected') {
        return showTwoFactor(request, reply, 400, singleFormError('code', signInMessages.codeRejected), returnTo);
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
  app.post(signInPages.keepAlive.pattern, { config: { access: { signedIn: true } } }, async (request) => ({
    idleExpiresAt: request.idleExpiresAt?.toISOString() ?? null,
  }));

  /** Signing out here, or everywhere: ends the sessions, records it, and goes back to the sign-in page. */
  const signOut = (
    pattern: string,
    action: AuditAction,
    signedOut: string,
    end: (tx: Tx, actor: NonNullable<FastifyRequest['actor']>) => Promise<AuditDetails | undefined>,
  ) =>
    app.post(pattern, { config: { access: { signedIn: true } } }, async (request, reply) => {
      const actor = request.actor!;
      await withTenant(database.orm, actor.tenantId, async (tx) => {
        const details = await end(tx, actor);
        await recordAuditEvent(tx, actor.tenantId, {
          action,
          outcome: 'allowed',
          actor: { userId: actor.userId, label: actor.fullName },
          source: requestSource(request),
          details,
        });
      });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
      return reply.redirect(signInPages.signIn.href({}, { signedOut }), 303);
    });

  signOut(signInPages.signOut.pattern, 'sign_in.signed_out', '1', async (tx, actor) => {
    if (actor.sessionId) await endSessionById(tx, actor.tenantId, actor.sessionId, 'signed_out');
    return undefined;
  });

  signOut(signInPages.signOutEverywhere.pattern, 'sign_in.signed_out_everywhere', 'everywhere', async (tx, actor) => ({
    sessionsEnded: await endSessionsOfUser(tx, actor.tenantId, actor.userId, 'signed_out_everywhere'),
  }));
}
