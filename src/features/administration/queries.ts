/** SQL for administering a council's accounts and teams. */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { isRow, ofCouncil } from '../../platform/db/rows.js';
import type { Role } from '../../platform/identity/roles.js';
import { sessions, teamMemberships, teams, userRoles, users } from '../../platform/identity/schema.js';

/** What an account is, as the administration pages show it. */
const accountColumns = {
  userId: users.id,
  fullName: users.fullName,
  email: users.email,
  kind: users.kind,
  isDisabled: users.isDisabled,
  twoFactorOn: sql<boolean>`${users.totpEnabledAt} is not null`,
};

export async function listAccounts(tx: Tx, tenantId: string) {
  const accounts = await tx
    .select({
      ...accountColumns,
      roles: sql<
        Role[]
      >`coalesce(array_agg(${userRoles.role} order by ${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`,
    })
    .from(users)
    .leftJoin(userRoles, ofCouncil(userRoles, users.tenantId, eq(userRoles.userId, users.id)))
    .where(eq(users.tenantId, tenantId))
    .groupBy(users.tenantId, users.id)
    .orderBy(asc(users.fullName));
  return accounts;
}

export async function findAccount(tx: Tx, tenantId: string, userId: string) {
  const [account] = await tx
    .select({ ...accountColumns, createdAt: users.createdAt })
    .from(users)
    .where(isRow(users, tenantId, userId));
  if (!account) return undefined;
  const roles = await tx
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(ofCouncil(userRoles, tenantId, eq(userRoles.userId, userId)));
  const memberships = await tx
    .select({ teamId: teams.id, name: teams.name, isManager: teamMemberships.isManager })
    .from(teamMemberships)
    .innerJoin(teams, isRow(teams, teamMemberships.tenantId, teamMemberships.teamId))
    .where(ofCouncil(teamMemberships, tenantId, eq(teamMemberships.userId, userId)));
  const [openSessions] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(sessions)
    .where(ofCouncil(sessions, tenantId, eq(sessions.userId, userId), isNull(sessions.endedAt)));
  return {
    ...account,
    roles: roles.map((row) => row.role),
    teams: memberships,
    openSessions: openSessions?.total ?? 0,
  };
}

export async function emailInUse(tx: Tx, tenantId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(ofCouncil(users, tenantId, eq(users.email, email)));
  return row !== undefined;
}

export async function replaceRoles(tx: Tx, tenantId: string, userId: string, roles: Role[]): Promise<void> {
  await tx.delete(userRoles).where(ofCouncil(userRoles, tenantId, eq(userRoles.userId, userId)));
  if (roles.length > 0) await tx.insert(userRoles).values(roles.map((role) => ({ tenantId, userId, role })));
}

export async function setDisabled(tx: Tx, tenantId: string, userId: string, disabled: boolean): Promise<void> {
  await tx
    .update(users)
    .set({ isDisabled: disabled, disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
    .where(isRow(users, tenantId, userId));
}

export async function listTeams(tx: Tx, tenantId: string) {
  return tx
    .select({
      teamId: teams.id,
      name: teams.name,
      members: sql<number>`(select count(*)::int from ${teamMemberships} m where m.tenant_id = ${teams.tenantId} and m.team_id = ${teams.id})`,
    })
    .from(teams)
    .where(eq(teams.tenantId, tenantId))
    .orderBy(asc(teams.name));
}

export async function findTeam(tx: Tx, tenantId: string, teamId: string) {
  const [team] = await tx
    .select({ teamId: teams.id, name: teams.name })
    .from(teams)
    .where(isRow(teams, tenantId, teamId));
  return team;
}

export async function teamNameInUse(tx: Tx, tenantId: string, name: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.tenantId, tenantId), sql`lower(${teams.name}) = lower(${name})`));
  return row !== undefined;
}

export async function isMember(tx: Tx, tenantId: string, teamId: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(
      ofCouncil(teamMemberships, tenantId, eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)),
    );
  return row !== undefined;
}
