/**
 * Council administration: accounts, roles, teams, ending sessions, disabling accounts.
 * Every change is audited with who made it. New accounts get a temporary password that the
 * person must change at first sign-in, so an administrator never knows a password in use.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/db/tenancy.js';
import { hasSqlState, SqlState } from '../../platform/db/errors.js';
import {
  recordAuditEvent,
  searchAuditLog,
  type AuditDetails,
  type AuditEntry,
} from '../../platform/audit/audit-log.js';
import type { AuditAction } from '../../platform/audit/catalogue.js';
import { actorLabel, type Actor } from '../../platform/identity/actor.js';
import { addTeamMember, createAccount, createTeam } from '../../platform/identity/accounts.js';
import type { Role } from '../../platform/identity/roles.js';
import { endSessionsOfUser } from '../../platform/identity/session-store.js';
import {
  emailInUse,
  findAccount,
  findTeam,
  isMember,
  listAccounts,
  listTeams,
  replaceRoles,
  setDisabled,
  teamNameInUse,
} from './queries.js';
import type { RequestSource } from '../../platform/http/request-source.js';

export type { RequestSource } from '../../platform/http/request-source.js';

/** One audit entry about an administrator's change, naming the account changed when there is one. */
function audit(
  tx: Tx,
  actor: Actor,
  source: RequestSource,
  action: AuditAction,
  subjectUserId: string | null,
  details: AuditDetails = {},
) {
  return recordAuditEvent(tx, actor.tenantId, {
    action,
    outcome: 'allowed',
    actor: { userId: actor.userId, label: actorLabel(actor) },
    subject: subjectUserId ? { type: 'user', id: subjectUserId } : null,
    source,
    details,
  });
}

/** 16 characters from an alphabet without look-alikes, grouped for reading aloud: 80 bits. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const characters = Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join('');
  return characters.match(/.{4}/g)!.join('-');
}

export const accountsOf = (database: Database, actor: Actor) =>
  withTenant(database.orm, actor.tenantId, (tx) => listAccounts(tx, actor.tenantId));

export const accountOf = (database: Database, actor: Actor, userId: string) =>
  withTenant(database.orm, actor.tenantId, (tx) => findAccount(tx, actor.tenantId, userId));

export const teamsOf = (database: Database, actor: Actor) =>
  withTenant(database.orm, actor.tenantId, (tx) => listTeams(tx, actor.tenantId));

/** The sign-in protection's security events an administrator is shown (written by the identity layer). */
export const securityEventActions = [
  'sign_in.account_locked',
  'sign_in.address_slowed',
] as const satisfies AuditAction[];
/** How far back the administration pages show security events, and how many at most. */
export const SECURITY_EVENT_DAYS = 7;
const SECURITY_EVENTS_SHOWN = 25;

/** Accounts locked and addresses slowed down after failed sign-ins, recently, newest first. */
export const securityEventsOf = (database: Database, actor: Actor, now: Date = new Date()): Promise<AuditEntry[]> =>
  withTenant(database.orm, actor.tenantId, async (tx) => {
    const from = new Date(now.getTime() - SECURITY_EVENT_DAYS * 86_400_000);
    const found: AuditEntry[] = [];
    for (const action of securityEventActions) {
      const page = await searchAuditLog(tx, actor.tenantId, { action, from }, { limit: SECURITY_EVENTS_SHOWN });
      found.push(...page.entries);
    }
    return found.sort((a, b) => b.sequence - a.sequence).slice(0, SECURITY_EVENTS_SHOWN);
  });

export async function createStaffAccount(
  database: Database,
  actor: Actor,
  input: { fullName: string; email: string; roles: Role[]; teamId: string | null },
  source: RequestSource,
): Promise<
  | { outcome: 'created'; userId: string; temporaryPassword: string }
  | { outcome: 'email_taken' }
  | { outcome: 'no_such_team' }
> {
  const password = temporaryPassword();
  try {
    return await withTenant(database.orm, actor.tenantId, async (tx) => {
      if (await emailInUse(tx, actor.tenantId, input.email)) return { outcome: 'email_taken' as const };
      if (input.teamId && !(await findTeam(tx, actor.tenantId, input.teamId)))
        return { outcome: 'no_such_team' as const };
      const userId = await createAccount(tx, actor.tenantId, {
        email: input.email,
        fullName: input.fullName,
        kind: 'staff',
        roles: input.roles,
        password,
        passwordMustChange: true,
      });
      if (input.teamId)
        await addTeamMember(tx, actor.tenantId, input.teamId, userId, input.roles.includes('team_manager'));
      await audit(tx, actor, source, 'admin.account_created', userId, {
        roles: input.roles.join(','),
        teamId: input.teamId,
      });
      return { outcome: 'created' as const, userId, temporaryPassword: password };
    });
  } catch (error) {
    // Two administrators adding the same address at once: the unique key decides.
    if (hasSqlState(error, SqlState.uniqueViolation)) return { outcome: 'email_taken' };
    throw error;
  }
}

export async function changeRoles(
  database: Database,
  actor: Actor,
  userId: string,
  roles: Role[],
  source: RequestSource,
): Promise<'changed' | 'not_found' | 'own_admin_role'> {
  if (userId === actor.userId && !roles.includes('council_administrator')) return 'own_admin_role';
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const account = await findAccount(tx, actor.tenantId, userId);
    if (!account || account.kind !== 'staff') return 'not_found';
    await replaceRoles(tx, actor.tenantId, userId, roles);
    await audit(tx, actor, source, 'admin.roles_changed', userId, {
      from: account.roles.join(','),
      to: roles.join(','),
    });
    return 'changed';
  });
}

export async function endSessionsFor(
  database: Database,
  actor: Actor,
  userId: string,
  source: RequestSource,
): Promise<number | null> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const account = await findAccount(tx, actor.tenantId, userId);
    if (!account) return null;
    const ended = await endSessionsOfUser(tx, actor.tenantId, userId, 'ended_by_administrator');
    await audit(tx, actor, source, 'admin.sessions_ended', userId, { sessionsEnded: ended });
    return ended;
  });
}

export async function setAccountDisabled(
  database: Database,
  actor: Actor,
  userId: string,
  disabled: boolean,
  source: RequestSource,
): Promise<'done' | 'not_found' | 'self'> {
  if (disabled && userId === actor.userId) return 'self';
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const account = await findAccount(tx, actor.tenantId, userId);
    if (!account) return 'not_found';
    await setDisabled(tx, actor.tenantId, userId, disabled);
    // Disabling ends every session at once, in the same transaction.
    const ended = disabled ? await endSessionsOfUser(tx, actor.tenantId, userId, 'account_disabled') : 0;
    await audit(tx, actor, source, disabled ? 'admin.account_disabled' : 'admin.account_enabled', userId, {
      sessionsEnded: ended,
    });
    return 'done';
  });
}

export async function createTeamNamed(
  database: Database,
  actor: Actor,
  name: string,
  source: RequestSource,
): Promise<'created' | 'name_taken'> {
  try {
    return await withTenant(database.orm, actor.tenantId, async (tx) => {
      if (await teamNameInUse(tx, actor.tenantId, name)) return 'name_taken' as const;
      const teamId = await createTeam(tx, actor.tenantId, name);
      await audit(tx, actor, source, 'admin.team_created', null, { teamId, name });
      return 'created' as const;
    });
  } catch (error) {
    if (hasSqlState(error, SqlState.uniqueViolation)) return 'name_taken';
    throw error;
  }
}

export async function addMember(
  database: Database,
  actor: Actor,
  teamId: string,
  userId: string,
  asManager: boolean,
  source: RequestSource,
): Promise<
  { outcome: 'added'; personName: string; teamName: string } | { outcome: 'not_found' } | { outcome: 'already_member' }
> {
  return withTenant(database.orm, actor.tenantId, async (tx) => {
    const team = await findTeam(tx, actor.tenantId, teamId);
    const account = await findAccount(tx, actor.tenantId, userId);
    if (!team || !account || account.kind !== 'staff') return { outcome: 'not_found' as const };
    if (await isMember(tx, actor.tenantId, teamId, userId)) return { outcome: 'already_member' as const };
    await addTeamMember(tx, actor.tenantId, teamId, userId, asManager);
    await audit(tx, actor, source, 'admin.team_member_added', userId, { teamId, asManager });
    return { outcome: 'added' as const, personName: account.fullName, teamName: team.name };
  });
}
