/** Drizzle definitions of migrations/0008_network.sql (a test checks they agree). */
import { boolean, date, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { councilTable, timestamps, timestamptz, versioned } from '../../platform/db/columns.js';

export const circles = ['family', 'friends_and_community', 'professional'] as const;
export type Circle = (typeof circles)[number];
export const closenessLevels = ['strong', 'moderate', 'tenuous'] as const;
export type Closeness = (typeof closenessLevels)[number];
export const qualities = ['supportive', 'mixed', 'stressful', 'broken'] as const;
export type Quality = (typeof qualities)[number];
export const supportDirections = ['from_first', 'to_first', 'both', 'none'] as const;
export type SupportDirection = (typeof supportDirections)[number];

export const networkMembers = pgTable(
  'network_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    childPersonId: uuid('child_person_id').notNull(),
    personId: uuid('person_id').notNull(),
    circle: text('circle', { enum: circles }).notNull(),
    positionX: real('position_x'),
    positionY: real('position_y'),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
    noLongerInvolvedOn: date('no_longer_involved_on'),
    noLongerInvolvedReason: text('no_longer_involved_reason'),
    ...versioned(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.childPersonId, table.personId] })],
);

export const relationships = councilTable('relationships', {
  fromPersonId: uuid('from_person_id').notNull(),
  toPersonId: uuid('to_person_id').notNull(),
  type: text('type').notNull(),
  closeness: text('closeness', { enum: closenessLevels }).notNull().default('moderate'),
  quality: text('quality', { enum: qualities }).notNull().default('supportive'),
  supportFlows: text('support_flows', { enum: supportDirections }).notNull().default('none'),
  lovesTheChild: boolean('loves_the_child'),
  childLovesThem: boolean('child_loves_them'),
  lifelongConnection: boolean('lifelong_connection').notNull().default(false),
  safetyNetworkRole: text('safety_network_role'),
  startedOn: date('started_on'),
  endedOn: date('ended_on'),
  notes: text('notes'),
  ...versioned(),
  ...timestamps(),
});

export const households = councilTable('households', {
  name: text('name').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

export const householdMembers = pgTable(
  'household_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    householdId: uuid('household_id').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.householdId, table.personId] })],
);
