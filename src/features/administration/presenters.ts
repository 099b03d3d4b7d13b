/** The administration pages' content: accounts, one account, teams, and the choices their forms offer. */
import type { FormErrors } from '../../platform/http/forms.js';
import { roleNames, staffRoles } from '../../platform/identity/roles.js';
import type { PageContext } from '../../platform/views/render.js';
import { administrationPages as pages } from './paths.js';
import type { accountOf, accountsOf, teamsOf } from './service.js';

type Accounts = Awaited<ReturnType<typeof accountsOf>>;
type Account = NonNullable<Awaited<ReturnType<typeof accountOf>>>;
type Teams = Awaited<ReturnType<typeof teamsOf>>;

/** What was typed on a form, kept to show again. */
export type FormValues = Record<string, unknown>;

/** Checkboxes arrive as a string when one is ticked and an array when several are. */
export const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/** A checkbox for each staff role, ticked as chosen. */
const roleItems = (checked: string[]) =>
  staffRoles.map((role) => ({ value: role, text: roleNames[role], checked: checked.includes(role) }));

export function accountsPage(accounts: Accounts): PageContext {
  return {
    pageTitle: 'Accounts',
    accounts: accounts.map((account) => ({
      ...account,
      href: pages.user.href({ userId: account.userId }),
      roleText: account.roles.map((role) => roleNames[role]).join(', ') || 'No role',
    })),
    newUserHref: pages.newUser.href({}),
    teamsHref: pages.teams.href({}),
  };
}

export function newAccountPage(teams: Teams, values: FormValues, errors: FormErrors): PageContext {
  return {
    pageTitle: 'Add an account',
    values,
    roleItems: roleItems(asList(values.roles)),
    teamItems: [
      { value: '', text: 'No team yet' },
      ...teams.map((team) => ({ value: team.teamId, text: team.name, selected: values.teamId === team.teamId })),
    ],
    backHref: pages.users.href({}),
    ...errors,
  };
}

/** The page shown once, with the temporary password, after an account is made. */
export function accountCreatedPage(
  created: { userId: string; temporaryPassword: string },
  email: string,
  message: string,
): PageContext {
  return {
    pageTitle: 'Account created',
    message,
    email,
    temporaryPassword: created.temporaryPassword,
    userHref: pages.user.href({ userId: created.userId }),
    usersHref: pages.users.href({}),
  };
}

export function accountPage(
  account: Account,
  viewer: { userId: string },
  notice: string | undefined,
  errors: FormErrors,
): PageContext {
  const userId = account.userId;
  return {
    pageTitle: account.fullName,
    account,
    notice,
    roleItems: roleItems(account.roles),
    rolesAction: pages.userRoles.href({ userId }),
    endSessionsAction: pages.userEndSessions.href({ userId }),
    disableAction: pages.userDisable.href({ userId }),
    enableAction: pages.userEnable.href({ userId }),
    isSelf: userId === viewer.userId,
    backHref: pages.users.href({}),
    ...errors,
  };
}

export function teamsPage(
  teams: Teams,
  accounts: Accounts,
  values: FormValues,
  errors: FormErrors,
  notice?: string,
): PageContext {
  return {
    pageTitle: 'Teams',
    teams: teams.map((team) => ({ ...team, membersAction: pages.teamMembers.href({ teamId: team.teamId }) })),
    staffItems: [
      { value: '', text: 'Choose a person' },
      ...accounts
        .filter((account) => account.kind === 'staff' && !account.isDisabled)
        .map((account) => ({ value: account.userId, text: account.fullName })),
    ],
    values,
    notice,
    backHref: pages.users.href({}),
    ...errors,
  };
}
