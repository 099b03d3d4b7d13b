/** Drizzle definitions of migrations/0014_voice.sql (a test checks they agree). */
import { boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { childTable, recordedBy, timestamps, timestamptz, versioned } from '../../platform/db/columns.js';

export const visitKinds = ['home_visit', 'school_visit', 'office', 'phone', 'video', 'message'] as const;
export type VisitKind = (typeof visitKinds)[number];
export const participationWays = [
  'attend',
  'part_of_meetings',
  'send_words_or_drawing',
  'through_an_advocate',
  'not_at_all',
] as const;
export type ParticipationWay = (typeof participationWays)[number];

export interface PersonThere {
  personId: string | null;
  name: string;
}
export interface NextStep {
  who: string;
  what: string;
  byWhen: string | null;
}

/** A form as typed: each field by name, a list for checkboxes. */
export type DraftContent = Record<string, string | string[]>;

/** A full-text column: written by PostgreSQL, read only in search queries. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const visits = childTable('visits', {
  kind: text('kind', { enum: visitKinds }).notNull(),
  happenedAt: timestamptz('happened_at').notNull(),
  place: text('place'),
  whoWasThere: jsonb('who_was_there').$type<PersonThere[]>().notNull().default([]),
  childSeen: boolean('child_seen').notNull(),
  seenAlone: boolean('seen_alone'),
  notSeenReason: text('not_seen_reason'),
  seenHeardFelt: text('seen_heard_felt'),
  childsWords: text('childs_words'),
  workingWell: text('working_well'),
  worries: text('worries'),
  reflection: text('reflection'),
  nextSteps: jsonb('next_steps').$type<NextStep[]>().notNull().default([]),
  ...versioned(),
  recordedBy: uuid('recorded_by'),
  recordedByLabel: text('recorded_by_label').notNull(),
  ...timestamps(),
});

export const childsWords = childTable('childs_words', {
  words: text('words').notNull(),
  heardBy: text('heard_by').notNull(),
  heardOn: date('heard_on').notNull(),
  setting: text('setting'),
  ...recordedBy(),
});

export const participationPreferences = childTable('participation_preferences', {
  way: text('way', { enum: participationWays }).notNull(),
  inTheirWords: text('in_their_words'),
  saidOn: date('said_on').notNull(),
  ...recordedBy(),
});

export const drafts = pgTable(
  'drafts',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    childPersonId: uuid('child_person_id').notNull(),
    formKey: text('form_key').notNull(),
    content: jsonb('content').$type<DraftContent>().notNull(),
    ...versioned(),
    savedAt: timestamptz('saved_at').notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.userId, table.childPersonId, table.formKey] })],
);

export const directWorkTools = ['three_houses', 'wizard', 'wishes_and_feelings', 'want_people_to_know'] as const;
export type DirectWorkTool = (typeof directWorkTools)[number];
/** Each part of a tool (a house, the wizard's changes, ...) as a list in the child's words. */
export type DirectWorkWords = Record<string, string[]>;

export const directWork = childTable('direct_work', {
  tool: text('tool', { enum: directWorkTools }).notNull(),
  doneOn: date('done_on').notNull(),
  doneWith: text('done_with').notNull(),
  childsWords: jsonb('childs_words').$type<DirectWorkWords>().notNull(),
  ...recordedBy(),
});

export const chronologyCategories = [
  'family_life',
  'home',
  'school',
  'health',
  'time_with_family',
  'meeting',
  'other',
] as const;
export type ChronologyCategory = (typeof chronologyCategories)[number];

export const chronologyEntries = childTable('chronology_entries', {
  happenedOn: date('happened_on').notNull(),
  category: text('category', { enum: chronologyCategories }).notNull(),
  title: text('title').notNull(),
  details: text('details'),
  ...recordedBy(),
});

export const attachmentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];
export const attachmentOwners = ['direct_work', 'visit', 'child_record'] as const;
export type AttachmentOwner = (typeof attachmentOwners)[number];

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const attachments = childTable('attachments', {
  belongsTo: text('belongs_to', { enum: attachmentOwners }).notNull(),
  belongsToId: uuid('belongs_to_id'),
  fileName: text('file_name').notNull(),
  contentType: text('content_type', { enum: attachmentTypes }).notNull(),
  byteSize: integer('byte_size').notNull(),
  description: text('description'),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedByLabel: text('uploaded_by_label').notNull(),
  uploadedAt: timestamptz('uploaded_at').notNull().defaultNow(),
});

/**
 * Every searchable record's words, kept by triggers on the records themselves (see
 * migrations/0022_record_words.sql). Search reads only this table to find and order matches.
 */
export const recordWords = pgTable(
  'record_words',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind', { enum: ['visit', 'childs_words', 'direct_work', 'chronology'] }).notNull(),
    recordId: uuid('record_id').notNull(),
    childPersonId: uuid('child_person_id').notNull(),
    happenedAt: timestamptz('happened_at').notNull(),
    words: tsvector('words').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.kind, table.recordId] })],
);
