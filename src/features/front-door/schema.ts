/** Drizzle definitions of migrations/0030_front_door.sql, the front door (a test checks they agree). */
import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { councilTable, recordedBy, timestamptz } from '../../platform/db/columns.js';

export const contactStatuses = ['draft', 'awaiting_decision', 'decided'] as const;
export type ContactStatus = (typeof contactStatuses)[number];
export const contactKinds = ['partner_agency', 'family_member', 'child', 'public', 'anonymous'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const consents = ['given', 'not_asked', 'refused'] as const;
export type Consent = (typeof consents)[number];
export const urgencies = ['immediate', 'same_day', 'standard'] as const;
export type Urgency = (typeof urgencies)[number];
export const decisions = ['advice', 'early_help', 'referral', 'strategy_discussion'] as const;
export type Decision = (typeof decisions)[number];
export const involvements = ['child', 'adult'] as const;
export type Involvement = (typeof involvements)[number];

export const personIdentifiers = pgTable(
  'person_identifiers',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    nhsNumber: text('nhs_number'),
    uniquePupilNumber: text('unique_pupil_number'),
    address: text('address'),
    postcode: text('postcode'),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.personId] }),
    index('person_identifiers_postcode_idx').on(table.tenantId, table.postcode),
  ],
);

export const contacts = councilTable(
  'contacts',
  {
    status: text('status', { enum: contactStatuses }).notNull().default('draft'),
    receivedOn: date('received_on').notNull(),
    contactKind: text('contact_kind', { enum: contactKinds }),
    contactName: text('contact_name'),
    contactOrganisation: text('contact_organisation'),
    relationshipToChild: text('relationship_to_child'),
    worries: text('worries'),
    goingWell: text('going_well'),
    consent: text('consent', { enum: consents }),
    consentReason: text('consent_reason'),
    urgency: text('urgency', { enum: urgencies }),
    decision: text('decision', { enum: decisions }),
    decisionReasons: text('decision_reasons'),
    letterToFamily: text('letter_to_family'),
    decidedOn: date('decided_on'),
    decidedAt: timestamptz('decided_at'),
    decidedBy: uuid('decided_by'),
    decidedByLabel: text('decided_by_label'),
    ...recordedBy(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (table) => [index('contacts_queue_idx').on(table.tenantId, table.status, table.receivedOn)],
);

export const contactPeople = pgTable(
  'contact_people',
  {
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    personId: uuid('person_id').notNull(),
    involvement: text('involvement', { enum: involvements }).notNull(),
    referralId: uuid('referral_id'),
    addedAt: timestamptz('added_at').notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.contactId, table.personId] }),
    index('contact_people_person_idx').on(table.tenantId, table.personId),
  ],
);
