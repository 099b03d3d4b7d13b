/** Drizzle definitions of migrations/0002_people.sql (a test checks they agree). */
import { boolean, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { councilTable, timestamps } from '../../platform/db/columns.js';

export const personKinds = ['person', 'group', 'place', 'online_community'] as const;
export type PersonKind = (typeof personKinds)[number];
export const genders = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof genders)[number];

export const people = councilTable('people', {
  kind: text('kind', { enum: personKinds }).notNull().default('person'),
  fullName: text('full_name').notNull(),
  knownAs: text('known_as'),
  pronouns: text('pronouns'),
  gender: text('gender', { enum: genders }).notNull().default('unknown'),
  dateOfBirth: date('date_of_birth'),
  dateOfBirthIsApproximate: boolean('date_of_birth_is_approximate').notNull().default(false),
  diedOn: date('died_on'),
  languages: text('languages').array().notNull().default([]),
  whatTheyBring: text('what_they_bring'),
  contactDetails: text('contact_details'),
  mergedInto: uuid('merged_into'),
  ...timestamps(),
});

/** A child's details as a child's record shows them (the summary, the details form), to select together. */
export const childDetailsColumns = {
  fullName: people.fullName,
  knownAs: people.knownAs,
  pronouns: people.pronouns,
  dateOfBirth: people.dateOfBirth,
  dateOfBirthIsApproximate: people.dateOfBirthIsApproximate,
  languages: people.languages,
  whatTheyBring: people.whatTheyBring,
};

export const childRecords = pgTable(
  'child_records',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    openedOn: date('opened_on').notNull().defaultNow(),
    closedOn: date('closed_on'),
    isRestricted: boolean('is_restricted').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.personId] })],
);
