/** Test councils with people, accounts and sessions, made through the same code as the app. */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/database.js';
import { withTenant } from '../../src/platform/db/tenancy.js';
import {
  addTeamMember,
  allocateChild,
  createAccount,
  createTeam,
  shareChildRecord,
} from '../../src/platform/identity/accounts.js';
import type { Role } from '../../src/platform/identity/roles.js';
import { teamMemberships } from '../../src/platform/identity/schema.js';
import { insertChildRecord, insertPerson } from '../../src/features/people/queries.js';
import { childRecords } from '../../src/features/people/schema.js';
import { createTestCouncil } from './database.js';
import { totpCode } from '../../src/platform/auth/totp.js';

export const TEST_PASSWORD = 'test-river-candle-orbit';

/** An authenticator secret for a test account whose role needs two-factor sign-in (see `signInWithCode`). */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The request headers that carry a session's cookie. */
export const cookieHeader = (value: string) => ({ cookie: `kith_session=${value}` });

export async function createTestAccount(
  database: Database,
  tenantId: string,
  options: { roles: Role[]; totpSecret?: string; kind?: 'staff' | 'family' | 'young_person'; personId?: string },
): Promise<{ userId: string; email: string }> {
  const email = `${options.roles[0] ?? 'someone'}.${randomUUID().slice(0, 8)}@test.example`;
  const userId = await withTenant(database.orm, tenantId, (tx) =>
    createAccount(tx, tenantId, {
      email,
      fullName: `Test ${options.roles.join(' ')}`,
      kind: options.kind ?? 'staff',
      personId: options.personId ?? null,
      roles: options.roles,
      password: TEST_PASSWORD,
      totpSecret: options.totpSecret ?? null,
    }),
  );
  return { userId, email };
}

/** A family member (a person in the council's records) with their own account. */
export async function createFamilyAccount(
  database: Database,
  tenantId: string,
  fullName: string,
): Promise<{ userId: string; email: string; personId: string }> {
  const personId = await withTenant(database.orm, tenantId, (tx) => insertPerson(tx, tenantId, { fullName }));
  const account = await createTestAccount(database, tenantId, { roles: ['family_member'], kind: 'family', personId });
  return { ...account, personId };
}

/** Shares a child's record with an account (a partner agency, the family or the young person) under an agreement. */
export async function shareRecordWith(
  database: Database,
  tenantId: string,
  share: Parameters<typeof shareChildRecord>[2],
): Promise<void> {
  await withTenant(database.orm, tenantId, (tx) => shareChildRecord(tx, tenantId, share));
}

/** A council with one child allocated to a practitioner in a team. */
export async function createCouncilWithChild(database: Database) {
  const council = await createTestCouncil(database, 'Council with a child');
  const practitioner = await createTestAccount(database, council.id, { roles: ['practitioner'] });
  const childId = await withTenant(database.orm, council.id, async (tx) => {
    const personId = await insertPerson(tx, council.id, { fullName: 'Robin Test', dateOfBirth: '2016-05-01' });
    await insertChildRecord(tx, council.id, { personId, reference: `T-${randomUUID().slice(0, 6).toUpperCase()}` });
    const teamId = await createTeam(tx, council.id, `Team ${randomUUID().slice(0, 6)}`);
    await addTeamMember(tx, council.id, teamId, practitioner.userId);
    await allocateChild(tx, council.id, { childPersonId: personId, userId: practitioner.userId, teamId });
    return personId;
  });
  return { council, practitioner, childId };
}

/** Marks a child's record restricted: only those who work with the child open it without giving a reason. */
export async function restrictRecord(database: Database, tenantId: string, childId: string): Promise<void> {
  await withTenant(database.orm, tenantId, (tx) =>
    tx
      .update(childRecords)
      .set({ isRestricted: true })
      .where(and(eq(childRecords.tenantId, tenantId), eq(childRecords.personId, childId))),
  );
}

/** Puts an account in the (first) team of another, e.g. a colleague or manager of a child's worker. */
export async function joinTeamOf(
  database: Database,
  tenantId: string,
  memberOf: string,
  userId: string,
  asManager = false,
): Promise<void> {
  await withTenant(database.orm, tenantId, async (tx) => {
    const [membership] = await tx.select().from(teamMemberships).where(eq(teamMemberships.userId, memberOf));
    await addTeamMember(tx, tenantId, membership!.teamId, userId, asManager);
  });
}

export function sessionCookieFrom(response: { cookies: { name: string; value: string }[] }): string | undefined {
  return response.cookies.find((cookie) => cookie.name === 'kith_session')?.value;
}

/** Sends the sign-in page's email and password, and answers what the page answers. */
export function sendPassword(app: FastifyInstance, email: string, password = TEST_PASSWORD) {
  return app.inject({ method: 'POST', url: '/sign-in', payload: { email, password } });
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await sendPassword(app, email, password);
  const cookie = sessionCookieFrom(response);
  if (response.statusCode !== 303 || !cookie) throw new Error(`sign-in failed with ${response.statusCode}`);
  return cookie;
}

export function csrfTokenIn(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/** Signs in a person whose role needs two-factor sign-in, with the current code. */
export async function signInWithCode(app: FastifyInstance, email: string, secret: string): Promise<string> {
  const pending = await signIn(app, email);
  const page = await app.inject({ url: '/sign-in/two-factor', headers: { cookie: `kith_session=${pending}` } });
  const done = await app.inject({
    method: 'POST',
    url: '/sign-in/two-factor',
    headers: { cookie: `kith_session=${pending}` },
    payload: { _csrf: csrfTokenIn(page.body), code: totpCode(secret, Date.now()) },
  });
  const cookie = sessionCookieFrom(done);
  if (done.statusCode !== 303 || !cookie) throw new Error(`two-factor sign-in failed with ${done.statusCode}`);
  return cookie;
}
