/** Drizzle definitions of migrations/0004_identity.sql (a test checks they agree). */
import { bigint, boolean, date, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, councilTable, tenantPrimaryKey, timestamps, timestamptz } from '../db/columns.js';
import type { Role } from './roles.js';

export const users = councilTable('users', {
  email: text('email').notNull(),
  fullName: text('full_name').notNull(),
  kind: text('kind', { enum: ['staff', 'family', 'young_person'] }).notNull(),
  personId: uuid('person_id'),
  passwordHash: text('password_hash'),
  passwordChangedAt: timestamptz('password_changed_at'),
  passwordMustChange: boolean('password_must_change').notNull().default(false),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamptz('totp_enabled_at'),
  totpLastUsedStep: bigint('totp_last_used_step', { mode: 'number' }),
  isDisabled: boolean('is_disabled').notNull().default(false),
  disabledAt: timestamptz('disabled_at'),
  ...timestamps(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    grantedAt: timestamptz('granted_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.userId, table.role] })],
);

export const teams = councilTable('teams', {
  name: text('name').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const teamMemberships = pgTable(
  'team_memberships',
  {
    tenantId: uuid('tenant_id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    isManager: boolean('is_manager').notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.teamId, table.userId] })],
);

export const childAllocations = childTable('child_allocations', {
  userId: uuid('user_id'),
  teamId: uuid('team_id'),
  startsOn: date('starts_on').notNull().defaultNow(),
  endsOn: date('ends_on'),
});

export const recordShares = childTable('record_shares', {
  userId: uuid('user_id').notNull(),
  audience: text('audience', { enum: ['partner_agency', 'family', 'young_person'] }).notNull(),
  agreement: text('agreement').notNull(),
  startsAt: timestamptz('starts_at').notNull().defaultNow(),
  endsAt: timestamptz('ends_at'),
  createdBy: uuid('created_by'),
});

export const restrictedAccessGrants = childTable('restricted_access_grants', {
  userId: uuid('user_id').notNull(),
  reason: text('reason').notNull(),
  grantedAt: timestamptz('granted_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  reviewedBy: uuid('reviewed_by'),
  reviewedAt: timestamptz('reviewed_at'),
  reviewNote: text('review_note'),
});

export const sessionEndReasons = [
  'signed_out',
  'signed_out_everywhere',
  'idle',
  'expired',
  'ended_by_administrator',
  'account_disabled',
] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

export const sessions = councilTable('sessions', {
  tokenHash: text('token_hash').notNull(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  secondFactorDone: boolean('second_factor_done').notNull().default(false),
  endedAt: timestamptz('ended_at'),
  endedReason: text('ended_reason', { enum: sessionEndReasons }),
  sourceIp: text('source_ip'),
  userAgent: text('user_agent'),
});

export const signInFailures = councilTable('sign_in_failures', {
  userId: uuid('user_id'),
  sourceIp: text('source_ip'),
  failedAt: timestamptz('failed_at').notNull().defaultNow(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.userId, table.codeHash] })],
);

export const personalAccessTokens = pgTable(
  'personal_access_tokens',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  tenantPrimaryKey,
);
