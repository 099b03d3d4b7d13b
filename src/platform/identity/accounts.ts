/** Creating accounts, teams and allocations: used by administration and by the demo seed. */
import type { Tx } from '../db/database.js';
import { hashPassword } from '../auth/password.js';
import type { Role } from './roles.js';
import { childAllocations, recordShares, teamMemberships, teams, userRoles, users } from './schema.js';

export interface NewAccount {
  email: string;
  fullName: string;
  kind: 'staff' | 'family' | 'young_person';
  personId?: string | null;
  roles: Role[];
  password: string;
  /** Set to turn two-factor sign-in on from the start (the demo accounts use this). */
  totpSecret?: string | null;
  /** A temporary password its owner must change at first sign-in. */
  passwordMustChange?: boolean;
}

export async function createAccount(tx: Tx, tenantId: string, account: NewAccount): Promise<string> {
  const now = new Date();
  const [row] = await tx
    .insert(users)
    .values({
      tenantId,
      email: account.email.trim().toLowerCase(),
      fullName: account.fullName,
      kind: account.kind,
      personId: account.personId ?? null,
      passwordHash: await hashPassword(account.password),
      passwordChangedAt: now,
      passwordMustChange: account.passwordMustChange ?? false,
      totpSecret: account.totpSecret ?? null,
      totpEnabledAt: account.totpSecret ? now : null,
    })
    .returning({ id: users.id });
  const userId = row!.id;
  if (account.roles.length > 0) {
    await tx.insert(userRoles).values(account.roles.map((role) => ({ tenantId, userId, role })));
  }
  return userId;
}

export async function createTeam(tx: Tx, tenantId: string, name: string): Promise<string> {
  const [row] = await tx.insert(teams).values({ tenantId, name }).returning({ id: teams.id });
  return row!.id;
}

export async function addTeamMember(
  tx: Tx,
  tenantId: string,
  teamId: string,
  userId: string,
  isManager = false,
): Promise<void> {
  await tx.insert(teamMemberships).values({ tenantId, teamId, userId, isManager });
}

export async function allocateChild(
  tx: Tx,
  tenantId: string,
  allocation: { childPersonId: string; userId?: string | null; teamId?: string | null; startsOn?: string },
): Promise<void> {
  await tx.insert(childAllocations).values({ tenantId, ...allocation });
}

export async function shareChildRecord(
  tx: Tx,
  tenantId: string,
  share: {
    childPersonId: string;
    userId: string;
    audience: 'partner_agency' | 'family' | 'young_person';
    agreement: string;
    createdBy?: string | null;
  },
): Promise<void> {
  await tx.insert(recordShares).values({ tenantId, ...share });
}
