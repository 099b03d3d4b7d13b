/** The administration pages' content: accounts, one account, teams, and the choices their forms offer. */
import type { AuditEntry } from '../../platform/audit/audit-log.js';
import type { FormErrors } from '../../platform/http/forms.js';
import { roleNames, staffRoles } from '../../platform/identity/roles.js';
import { ukDateTimeInWords } from '../../platform/views/clock.js';
import type { TableCell } from '../../platform/views/table.js';
import type { PageContext } from '../../platform/views/render.js';
import { administrationPages as pages } from './paths.js';
import { SECURITY_EVENT_DAYS, type accountOf, type accountsOf, type teamsOf } from './service.js';

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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What one security event says: what happened, to which account, from which address, and what it means. */
function securityEventRow(entry: AuditEntry, accountNames: Map<string, string>): TableCell[] {
  const details = entry.details;
  const failures = typeof details.failures === 'number' ? details.failures : 0;
  const when = { text: ukDateTimeInWords(entry.occurredAt) };
  if (entry.action === 'sign_in.account_locked') {
    const lockedUntil = typeof details.lockedUntil === 'string' ? new Date(details.lockedUntil) : null;
    const lastTry = details.step === 'second_factor' ? ' (the last a security code)' : '';
    return [
      when,
      { text: 'Account locked' },
      { text: accountNames.get(entry.subjectId ?? '') ?? 'An account no longer listed' },
      { text: entry.sourceIp ?? 'Not known' },
      {
        text:
          `${plural(failures, 'failed try', 'failed tries')} in 15 minutes${lastTry}. ` +
          (lockedUntil && !Number.isNaN(lockedUntil.getTime())
            ? `No one can sign in to it until ${ukDateTimeInWords(lockedUntil)}.`
            : 'No one can sign in to it for 15 minutes.'),
      },
    ];
  }
  const delaySeconds = typeof details.delaySeconds === 'number' ? details.delaySeconds : 0;
  return [
    when,
    { text: 'Network address slowed down' },
    { text: 'Several accounts' },
    { text: typeof details.address === 'string' ? details.address : (entry.sourceIp ?? 'Not known') },
    {
      text:
        `${plural(failures, 'failed sign-in', 'failed sign-ins')} from this address in 15 minutes. ` +
        `Each try from it now waits ${plural(delaySeconds, 'second', 'seconds')}; no one is locked out by this.`,
    },
  ];
}

/** The administrators' security events: accounts locked, addresses slowed down after failed sign-ins. */
export function securityEventsSection(events: AuditEntry[], accounts: Accounts) {
  const accountNames = new Map(accounts.map((account) => [account.userId, `${account.fullName} (${account.email})`]));
  return {
    days: SECURITY_EVENT_DAYS,
    head: [
      { text: 'When' },
      { text: 'What happened' },
      { text: 'Account' },
      { text: 'Network address' },
      { text: 'What it means' },
    ],
    rows: events.map((entry) => securityEventRow(entry, accountNames)),
  };
}

export function accountsPage(accounts: Accounts, securityEvents: AuditEntry[] = []): PageContext {
  return {
    pageTitle: 'Accounts',
    securityEvents: securityEventsSection(securityEvents, accounts),
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
