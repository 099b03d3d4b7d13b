/** Council administration pages. Only council administrators reach them (route access). */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteHandlerMethod,
} from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { isUuid } from '../../platform/db/ids.js';
import { cleanText, formErrorsFrom, noErrors, singleFormError, type FormErrors } from '../../platform/http/forms.js';
import { serviceCaller } from '../../platform/http/api-route.js';
import { staffRoles, type Role } from '../../platform/identity/roles.js';
import { administrationMessages as messages } from './messages.js';
import { administrationPages as pages } from './paths.js';
import {
  accountCreatedPage,
  accountPage,
  accountsPage,
  asList,
  newAccountPage,
  teamsPage,
  type FormValues,
} from './presenters.js';
import {
  accountOf,
  accountsOf,
  addMember,
  changeRoles,
  createStaffAccount,
  createTeamNamed,
  endSessionsFor,
  securityEventsOf,
  setAccountDisabled,
  teamsOf,
} from './service.js';

const admin = { permission: 'users.manage' } as const;

const rolesField = z
  .array(z.string())
  .min(1, messages.chooseRole)
  .refine((roles) => roles.every((role) => (staffRoles as readonly string[]).includes(role)), messages.staffRolesOnly)
  .transform((roles) => roles as Role[]);

const newAccountForm = z.object({
  fullName: z.string().trim().min(1, messages.enterName).max(200, messages.nameTooLong),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, messages.enterEmail)
    .max(254, messages.emailFormat)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, messages.emailFormat),
  roles: rolesField,
  teamId: z.union([z.literal(''), z.string().refine(isUuid, messages.chooseTeam)]),
});

const rolesForm = z.object({ roles: rolesField });

const teamForm = z.object({
  name: z.string().trim().min(1, messages.enterTeamName).max(120, messages.teamNameTooLong),
});

const memberForm = z.object({
  userId: z.string().refine(isUuid, messages.choosePerson),
  asManager: z.enum(['yes', 'no']).default('no'),
});

const notices: Record<string, (name: string) => string> = {
  roles_changed: messages.rolesChanged,
  disabled: messages.disabled,
  enabled: messages.enabled,
};

function noticeFor(request: FastifyRequest, name: string): string | undefined {
  const code = (request.query as Record<string, unknown>).notice;
  return typeof code === 'string' ? notices[code]?.(name) : undefined;
}

function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

type FormRoute = { Body: Record<string, unknown> };
type UserRoute = FormRoute & { Params: { userId: string } };
type TeamRoute = FormRoute & { Params: { teamId: string } };

export function registerAdministrationRoutes(app: FastifyInstance, database: Database): void {
  const call = serviceCaller(database);
  /** A form's POST on an administration page. */
  const post = <Route extends FormRoute>(
    pattern: string,
    handler: RouteHandlerMethod<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, Route>,
  ) => app.post<Route>(pattern, { config: { access: admin } }, handler);

  app.get(pages.users.pattern, { config: { access: admin } }, async (request, reply) => {
    const accounts = await accountsOf(database, request.actor!);
    const securityEvents = await securityEventsOf(database, request.actor!);
    return reply.render('administration/views/users.njk', accountsPage(accounts, securityEvents));
  });

  const showNewAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: FormValues,
    errors: FormErrors,
  ) => {
    const teams = await teamsOf(database, request.actor!);
    return reply.status(status).render('administration/views/new-user.njk', newAccountPage(teams, values, errors));
  };

  app.get(pages.newUser.pattern, { config: { access: admin } }, async (request, reply) =>
    showNewAccount(request, reply, 200, {}, noErrors),
  );

  post<FormRoute>(pages.newUser.pattern, async (request, reply) => {
    const body = request.body ?? {};
    const values = {
      fullName: cleanText(body.fullName),
      email: cleanText(body.email),
      roles: asList(body.roles),
      teamId: cleanText(body.teamId),
    };
    const parsed = newAccountForm.safeParse(values);
    if (!parsed.success) return showNewAccount(request, reply, 400, values, formErrorsFrom(parsed.error));
    const result = await call(request, createStaffAccount, { ...parsed.data, teamId: parsed.data.teamId || null });
    if (result.outcome === 'email_taken') {
      return showNewAccount(request, reply, 400, values, singleFormError('email', messages.emailTaken));
    }
    if (result.outcome === 'no_such_team') {
      return showNewAccount(request, reply, 400, values, singleFormError('teamId', messages.chooseTeam));
    }
    // The temporary password is shown once, here, and never stored in a form it can be read from.
    const page = accountCreatedPage(result, parsed.data.email, messages.created(parsed.data.fullName));
    return reply.render('administration/views/user-created.njk', page);
  });

  const showAccount = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    status: number,
    errors: FormErrors,
    notice?: string,
  ) => {
    const account = isUuid(userId) ? await accountOf(database, request.actor!, userId) : undefined;
    if (!account) return notFound(reply);
    const page = accountPage(account, request.actor!, notice ?? noticeFor(request, account.fullName), errors);
    return reply.status(status).render('administration/views/user.njk', page);
  };

  app.get<UserRoute>(pages.user.pattern, { config: { access: admin } }, async (request, reply) =>
    showAccount(request, reply, request.params.userId, 200, noErrors),
  );

  post<UserRoute>(pages.userRoles.pattern, async (request, reply) => {
    const { userId } = request.params;
    if (!isUuid(userId)) return notFound(reply);
    const parsed = rolesForm.safeParse({ roles: asList(request.body?.roles) });
    if (!parsed.success) return showAccount(request, reply, userId, 400, formErrorsFrom(parsed.error));
    const outcome = await call(request, changeRoles, userId, parsed.data.roles);
    if (outcome === 'not_found') return notFound(reply);
    if (outcome === 'own_admin_role') {
      return showAccount(request, reply, userId, 400, singleFormError('roles', messages.cannotRemoveOwnAdmin));
    }
    return reply.redirect(pages.user.href({ userId }, { notice: 'roles_changed' }), 303);
  });

  post<UserRoute>(pages.userEndSessions.pattern, async (request, reply) => {
    const { userId } = request.params;
    const ended = isUuid(userId) ? await call(request, endSessionsFor, userId) : null;
    if (ended === null) return notFound(reply);
    const account = await accountOf(database, request.actor!, userId);
    return showAccount(request, reply, userId, 200, noErrors, messages.sessionsEnded(account?.fullName ?? '', ended));
  });

  for (const [page, disabled] of [
    [pages.userDisable, true],
    [pages.userEnable, false],
  ] as const) {
    post<UserRoute>(page.pattern, async (request, reply) => {
      const { userId } = request.params;
      const outcome = isUuid(userId) ? await call(request, setAccountDisabled, userId, disabled) : 'not_found';
      if (outcome === 'not_found') return notFound(reply);
      if (outcome === 'self') {
        const errors = singleFormError('disable', messages.cannotDisableSelf, 'disable-account');
        return showAccount(request, reply, userId, 400, errors);
      }
      return reply.redirect(pages.user.href({ userId }, { notice: disabled ? 'disabled' : 'enabled' }), 303);
    });
  }

  const showTeams = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: FormValues,
    errors: FormErrors,
    notice?: string,
  ) => {
    const [teams, accounts] = await Promise.all([
      teamsOf(database, request.actor!),
      accountsOf(database, request.actor!),
    ]);
    return reply
      .status(status)
      .render('administration/views/teams.njk', teamsPage(teams, accounts, values, errors, notice));
  };

  app.get(pages.teams.pattern, { config: { access: admin } }, async (request, reply) =>
    showTeams(request, reply, 200, {}, noErrors),
  );

  post<FormRoute>(pages.teams.pattern, async (request, reply) => {
    const values = { name: cleanText(request.body?.name) };
    const parsed = teamForm.safeParse(values);
    if (!parsed.success) return showTeams(request, reply, 400, values, formErrorsFrom(parsed.error));
    const outcome = await call(request, createTeamNamed, parsed.data.name);
    if (outcome === 'name_taken') {
      return showTeams(request, reply, 400, values, singleFormError('name', messages.teamNameTaken));
    }
    return showTeams(request, reply, 200, {}, noErrors, messages.teamCreated(parsed.data.name));
  });

  post<TeamRoute>(pages.teamMembers.pattern, async (request, reply) => {
    const { teamId } = request.params;
    if (!isUuid(teamId)) return notFound(reply);
    // Each team has its own "add someone" field, so the error names that team's.
    const fieldId = `member-${teamId}`;
    const choosePerson = () =>
      showTeams(request, reply, 400, {}, singleFormError(fieldId, messages.choosePerson, fieldId));
    const parsed = memberForm.safeParse({
      userId: cleanText(request.body?.userId),
      asManager: cleanText(request.body?.asManager) || 'no',
    });
    if (!parsed.success) return choosePerson();
    const { userId, asManager } = parsed.data;
    const result = await call(request, addMember, teamId, userId, asManager === 'yes');
    if (result.outcome === 'not_found') return choosePerson();
    if (result.outcome === 'already_member') {
      return showTeams(request, reply, 200, {}, noErrors, 'They are already in that team.');
    }
    return showTeams(request, reply, 200, {}, noErrors, messages.memberAdded(result.personName, result.teamName));
  });
}
