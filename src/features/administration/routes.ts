/** Council administration pages. Only council administrators reach them (route access). */
import { requestSource } from '../../platform/http/request-source.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { cleanText, formErrorsFrom, noErrors, singleFormError, type FormErrors } from '../../platform/http/forms.js';
import { roleNames, staffRoles, type Role } from '../../platform/identity/roles.js';
import { administrationMessages as messages } from './messages.js';
import { administrationPaths as paths } from './paths.js';
import {
  accountOf,
  accountsOf,
  addMember,
  changeRoles,
  createStaffAccount,
  createTeamNamed,
  endSessionsFor,
  setAccountDisabled,
  teamsOf,
} from './service.js';

const admin = { permission: 'users.manage' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checkboxes arrive as a string when one is ticked and an array when several are. */
const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

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
  teamId: z.union([z.literal(''), z.string().regex(UUID, messages.chooseTeam)]),
});

const teamForm = z.object({
  name: z.string().trim().min(1, messages.enterTeamName).max(120, messages.teamNameTooLong),
});
const memberForm = z.object({
  userId: z.string().regex(UUID, messages.choosePerson),
  asManager: z.enum(['yes', 'no']).default('no'),
});

const roleItems = (checked: string[]) =>
  staffRoles.map((role) => ({ value: role, text: roleNames[role], checked: checked.includes(role) }));

const notices: Record<string, (name: string) => string> = {
  roles_changed: messages.rolesChanged,
  disabled: messages.disabled,
  enabled: messages.enabled,
};

function noticeFor(request: FastifyRequest, name: string): string | undefined {
  const code = (request.query as Record<string, unknown>).notice;
  return typeof code === 'string' ? notices[code]?.(name) : undefined;
}

export function registerAdministrationRoutes(app: FastifyInstance, database: Database): void {
  app.get(paths.users, { config: { access: admin } }, async (request, reply) => {
    const accounts = await accountsOf(database, request.actor!);
    return reply.render('administration/views/users.njk', {
      pageTitle: 'Accounts',
      accounts: accounts.map((account) => ({
        ...account,
        href: paths.user(account.userId),
        roleText: account.roles.map((role) => roleNames[role]).join(', ') || 'No role',
      })),
      newUserHref: paths.newUser,
      teamsHref: paths.teams,
    });
  });

  const renderNewUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) => {
    const teams = await teamsOf(database, request.actor!);
    return reply.status(status).render('administration/views/new-user.njk', {
      pageTitle: 'Add an account',
      values,
      roleItems: roleItems(asList(values.roles)),
      teamItems: [
        { value: '', text: 'No team yet' },
        ...teams.map((team) => ({ value: team.teamId, text: team.name, selected: values.teamId === team.teamId })),
      ],
      backHref: paths.users,
      ...errors,
    });
  };

  app.get(paths.newUser, { config: { access: admin } }, async (request, reply) =>
    renderNewUser(request, reply, 200, {}, noErrors),
  );

  app.post<{ Body: Record<string, unknown> }>(paths.newUser, { config: { access: admin } }, async (request, reply) => {
    const body = request.body ?? {};
    const values = {
      fullName: cleanText(body.fullName),
      email: cleanText(body.email),
      roles: asList(body.roles),
      teamId: cleanText(body.teamId),
    };
    const parsed = newAccountForm.safeParse(values);
    if (!parsed.success) return renderNewUser(request, reply, 400, values, formErrorsFrom(parsed.error));
    const result = await createStaffAccount(
      database,
      request.actor!,
      parsed.data.teamId ? parsed.data : { ...parsed.data, teamId: null },
      requestSource(request),
    );
    if (result.outcome === 'email_taken')
      return renderNewUser(request, reply, 400, values, singleFormError('email', messages.emailTaken));
    if (result.outcome === 'no_such_team')
      return renderNewUser(request, reply, 400, values, singleFormError('teamId', messages.chooseTeam));
    // The temporary password is shown once, here, and never stored in a form it can be read from.
    return reply.render('administration/views/user-created.njk', {
      pageTitle: 'Account created',
      message: messages.created(parsed.data.fullName),
      email: parsed.data.email,
      temporaryPassword: result.temporaryPassword,
      userHref: paths.user(result.userId),
      usersHref: paths.users,
    });
  });

  const renderUser = async (
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
    status: number,
    errors: FormErrors,
    notice?: string,
  ) => {
    const account = UUID.test(userId) ? await accountOf(database, request.actor!, userId) : undefined;
    if (!account) {
      reply.callNotFound();
      return reply;
    }
    return reply.status(status).render('administration/views/user.njk', {
      pageTitle: account.fullName,
      account,
      notice: notice ?? noticeFor(request, account.fullName),
      roleItems: roleItems(account.roles),
      rolesAction: paths.userRoles(userId),
      endSessionsAction: paths.userEndSessions(userId),
      disableAction: paths.userDisable(userId),
      enableAction: paths.userEnable(userId),
      isSelf: userId === request.actor!.userId,
      backHref: paths.users,
      ...errors,
    });
  };

  app.get<{ Params: { userId: string } }>(paths.userPattern, { config: { access: admin } }, async (request, reply) =>
    renderUser(request, reply, request.params.userId, 200, noErrors),
  );

  app.post<{ Params: { userId: string }; Body: Record<string, unknown> }>(
    paths.userRolesPattern,
    { config: { access: admin } },
    async (request, reply) => {
      const { userId } = request.params;
      if (!UUID.test(userId)) {
        reply.callNotFound();
        return reply;
      }
      const parsed = rolesField.safeParse(asList(request.body?.roles));
      if (!parsed.success)
        return renderUser(request, reply, userId, 400, {
          errorList: [{ text: parsed.error.issues[0]!.message, href: '#roles' }],
          fieldErrors: { roles: { text: parsed.error.issues[0]!.message } },
        });
      const outcome = await changeRoles(database, request.actor!, userId, parsed.data, requestSource(request));
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (outcome === 'own_admin_role')
        return renderUser(request, reply, userId, 400, singleFormError('roles', messages.cannotRemoveOwnAdmin));
      return reply.redirect(`${paths.user(userId)}?notice=roles_changed`, 303);
    },
  );

  app.post<{ Params: { userId: string } }>(
    paths.userEndSessionsPattern,
    { config: { access: admin } },
    async (request, reply) => {
      const { userId } = request.params;
      const ended = UUID.test(userId)
        ? await endSessionsFor(database, request.actor!, userId, requestSource(request))
        : null;
      if (ended === null) {
        reply.callNotFound();
        return reply;
      }
      const account = await accountOf(database, request.actor!, userId);
      return renderUser(request, reply, userId, 200, noErrors, messages.sessionsEnded(account?.fullName ?? '', ended));
    },
  );

  for (const [pattern, disabled] of [
    [paths.userDisablePattern, true],
    [paths.userEnablePattern, false],
  ] as const) {
    app.post<{ Params: { userId: string } }>(pattern, { config: { access: admin } }, async (request, reply) => {
      const { userId } = request.params;
      const outcome = UUID.test(userId)
        ? await setAccountDisabled(database, request.actor!, userId, disabled, requestSource(request))
        : 'not_found';
      if (outcome === 'not_found') {
        reply.callNotFound();
        return reply;
      }
      if (outcome === 'self')
        return renderUser(
          request,
          reply,
          userId,
          400,
          singleFormError('disable', messages.cannotDisableSelf, 'disable-account'),
        );
      return reply.redirect(`${paths.user(userId)}?notice=${disabled ? 'disabled' : 'enabled'}`, 303);
    });
  }

  const renderTeams = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: Record<string, unknown>,
    errors: FormErrors,
    notice?: string,
  ) => {
    const [teams, accounts] = await Promise.all([
      teamsOf(database, request.actor!),
      accountsOf(database, request.actor!),
    ]);
    return reply.status(status).render('administration/views/teams.njk', {
      pageTitle: 'Teams',
      teams: teams.map((team) => ({ ...team, membersAction: paths.teamMembers(team.teamId) })),
      staffItems: [
        { value: '', text: 'Choose a person' },
        ...accounts
          .filter((account) => account.kind === 'staff' && !account.isDisabled)
          .map((account) => ({ value: account.userId, text: account.fullName })),
      ],
      values,
      notice,
      backHref: paths.users,
      ...errors,
    });
  };

  app.get(paths.teams, { config: { access: admin } }, async (request, reply) =>
    renderTeams(request, reply, 200, {}, noErrors),
  );

  app.post<{ Body: Record<string, unknown> }>(paths.teams, { config: { access: admin } }, async (request, reply) => {
    const values = { name: cleanText(request.body?.name) };
    const parsed = teamForm.safeParse(values);
    if (!parsed.success) return renderTeams(request, reply, 400, values, formErrorsFrom(parsed.error));
    const outcome = await createTeamNamed(database, request.actor!, parsed.data.name, requestSource(request));
    if (outcome === 'name_taken')
      return renderTeams(request, reply, 400, values, singleFormError('name', messages.teamNameTaken));
    return renderTeams(request, reply, 200, {}, noErrors, messages.teamCreated(parsed.data.name));
  });

  app.post<{ Params: { teamId: string }; Body: Record<string, unknown> }>(
    paths.teamMembersPattern,
    { config: { access: admin } },
    async (request, reply) => {
      const { teamId } = request.params;
      const parsed = memberForm.safeParse({
        userId: cleanText(request.body?.userId),
        asManager: cleanText(request.body?.asManager) || 'no',
      });
      const fieldId = `member-${teamId}`;
      if (!UUID.test(teamId)) {
        reply.callNotFound();
        return reply;
      }
      if (!parsed.success)
        return renderTeams(request, reply, 400, {}, singleFormError(fieldId, messages.choosePerson, fieldId));
      const result = await addMember(
        database,
        request.actor!,
        teamId,
        parsed.data.userId,
        parsed.data.asManager === 'yes',
        requestSource(request),
      );
      if (result.outcome === 'not_found')
        return renderTeams(request, reply, 400, {}, singleFormError(fieldId, messages.choosePerson, fieldId));
      if (result.outcome === 'already_member')
        return renderTeams(request, reply, 200, {}, noErrors, 'They are already in that team.');
      return renderTeams(request, reply, 200, {}, noErrors, messages.memberAdded(result.personName, result.teamName));
    },
  );
}
