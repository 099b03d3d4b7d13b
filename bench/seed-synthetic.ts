/**
 * `npm run seed:synthetic -- --children 20000 [--seed 42] [--council-slug synthetic-borough]`
 *
 * Builds an entirely fictional council of realistic size in the configured database (the
 * same DATABASE_URL or PGlite folder Kith uses), and a second, smaller council beside it, so
 * every benchmark runs with row-level security separating two councils' rows. The data comes
 * from pure generators: synthetic-council.ts (staff, children, networks, the audit trail),
 * synthetic-mappings.ts, synthetic-visits.ts and synthetic-records.ts (assessments, plans,
 * the child's words, meetings): the same seed gives the same council.
 *
 * Rows go in as multi-row `INSERT ... SELECT * FROM unnest($1::uuid[], ...)`, about 5,000 rows
 * a statement, one owner transaction per batch (pg has no COPY FROM STDIN without
 * pg-copy-streams, and unnest is nearly as fast). On a server two batches are in flight at
 * once, so generating and hashing the next batch overlaps the database writing this one.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, describeDatabase, loadConfig } from '../src/config.js';
import { hashPassword } from '../src/platform/auth/password.js';
import type { Database } from '../src/platform/db/database.js';
import { openMigratedDatabase } from '../src/platform/db/open.js';
import { progressBar, type Progress } from './progress.js';
import { generateMappings, type SyntheticMapping } from './synthetic-mappings.js';
import { defaultScale } from '../src/features/mapping/domain.js';
import { contentFields } from '../src/features/assessment-of-need/sections.js';
import { generateVisits } from './synthetic-visits.js';
import { generateChildRecords, recordRowCounts, recordsOfChild, type ChildRecords } from './synthetic-records.js';
import type { SyntheticMeeting } from './synthetic-meetings.js';
import {
  chainedAuditEntries,
  dayOf,
  generateNetwork,
  generateTies,
  planAuditTrail,
  planCouncil,
  SYNTHETIC_PASSWORD,
  SYNTHETIC_TOTP_SECRET,
  TRAIL_DAYS,
  type AuditTrailPlan,
  type CouncilPlan,
  type RecordAuditEvent,
  type SyntheticOptions,
} from './synthetic-council.js';

export {
  generateCouncil,
  generateNetwork,
  planAuditTrail,
  planCouncil,
  SYNTHETIC_PASSWORD,
  SYNTHETIC_TOTP_SECRET,
} from './synthetic-council.js';

const BATCH_ROWS = 5_000;
const DEFAULT_CHILDREN = 20_000;
const DEFAULT_SEED = 42;
const DEFAULT_SLUG = 'synthetic-borough';
/** The second council is a tenth of the size (at least 50 children): enough to share every table. */
const NEIGHBOUR_SHARE = 0.1;

export interface SeedOptions {
  children: number;
  seed: number;
  councilSlug: string;
  /** "Today" for the generated data (YYYY-MM-DD); pin it to reproduce a council exactly. */
  asOf: string;
}

export class SeedRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedRefusedError';
  }
}

export class SeedStoppedError extends Error {
  constructor() {
    super('Stopped before the end; the partly written councils were removed again.');
    this.name = 'SeedStoppedError';
  }
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** The main council and its smaller neighbour, as generator options. */
export function councilsFor(options: SeedOptions): [SyntheticOptions, SyntheticOptions] {
  const neighbourSlug = `${options.councilSlug}-neighbour`;
  return [
    {
      seed: options.seed,
      children: options.children,
      slug: options.councilSlug,
      name: `${titleFromSlug(options.councilSlug)} Council`,
      asOf: options.asOf,
    },
    {
      seed: options.seed,
      children: Math.max(50, Math.round(options.children * NEIGHBOUR_SHARE)),
      slug: neighbourSlug,
      name: `${titleFromSlug(neighbourSlug)} Council`,
      asOf: options.asOf,
    },
  ];
}

export function parseSeedArguments(argv: readonly string[]): SeedOptions {
  const options: SeedOptions = {
    children: DEFAULT_CHILDREN,
    seed: DEFAULT_SEED,
    councilSlug: DEFAULT_SLUG,
    asOf: todayUtc(),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = argv[index + 1];
    const wholeNumber = (low: number, high: number) => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < low || parsed > high) {
        throw new SeedRefusedError(`${flag} must be a whole number from ${low} to ${high}.`);
      }
      index += 1;
      return parsed;
    };
    if (flag === '--children') options.children = wholeNumber(1, 200_000);
    else if (flag === '--seed') options.seed = wholeNumber(0, 4_294_967_295);
    else if (flag === '--council-slug') {
      if (!value || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 50) {
        throw new SeedRefusedError(
          '--council-slug must be lower-case words joined by hyphens, such as synthetic-borough.',
        );
      }
      options.councilSlug = value;
      index += 1;
    } else if (flag === '--as-of') {
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(dayOf(value)) || value > todayUtc()) {
        throw new SeedRefusedError('--as-of must be a date (YYYY-MM-DD) no later than today.');
      }
      options.asOf = value;
      index += 1;
    } else {
      throw new SeedRefusedError(
        `Unknown option ${flag}. Use --children N, --seed N, --council-slug NAME and --as-of YYYY-MM-DD.`,
      );
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Writing in batches

interface Column {
  name: string;
  /** The element type of the array parameter. */
  type: string;
  /** How to turn the unnested value into the column's value, when a cast is not enough. */
  expression?: (value: string) => string;
}

/** INSERT ... SELECT FROM unnest(...): one statement, one array parameter per column. */
function unnestInsert(table: string, columns: readonly Column[]): string {
  const aliases = columns.map((_, index) => `c${index}`);
  const selected = columns.map((column, index) => column.expression?.(aliases[index]!) ?? aliases[index]!);
  const parameters = columns.map((column, index) => `$${index + 2}::${column.type}[]`);
  return (
    `insert into ${table} (tenant_id, ${columns.map((column) => column.name).join(', ')}) ` +
    `select $1::uuid, ${selected.join(', ')} from unnest(${parameters.join(', ')}) as t(${aliases.join(', ')})`
  );
}

/** unnest() cannot carry jsonb documents of different shapes as one array, so they travel as text. */
const jsonb = (value: string) => `${value}::jsonb`;
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const tables = {
  teams: [
    { name: 'id', type: 'uuid' },
    { name: 'name', type: 'text' },
  ],
  users: [
    { name: 'id', type: 'uuid' },
    { name: 'email', type: 'text' },
    { name: 'full_name', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'password_hash', type: 'text' },
    { name: 'password_changed_at', type: 'timestamptz' },
    { name: 'totp_secret', type: 'text' },
    { name: 'totp_enabled_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
  ],
  user_roles: [
    { name: 'user_id', type: 'uuid' },
    { name: 'role', type: 'text' },
    { name: 'granted_at', type: 'timestamptz' },
  ],
  team_memberships: [
    { name: 'team_id', type: 'uuid' },
    { name: 'user_id', type: 'uuid' },
    { name: 'is_manager', type: 'bool' },
  ],
  people: [
    { name: 'id', type: 'uuid' },
    { name: 'kind', type: 'text' },
    { name: 'full_name', type: 'text' },
    { name: 'known_as', type: 'text' },
    { name: 'pronouns', type: 'text' },
    { name: 'gender', type: 'text' },
    { name: 'date_of_birth', type: 'date' },
    { name: 'date_of_birth_is_approximate', type: 'bool' },
    { name: 'died_on', type: 'date' },
    // unnest() flattens a two-dimensional array, so each row's languages travel as one string.
    { name: 'languages', type: 'text', expression: (value) => `string_to_array(${value}, '|')` },
    { name: 'what_they_bring', type: 'text' },
  ],
  child_records: [
    { name: 'person_id', type: 'uuid' },
    { name: 'reference', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'opened_on', type: 'date' },
    { name: 'closed_on', type: 'date' },
    { name: 'is_restricted', type: 'bool' },
  ],
  child_allocations: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'user_id', type: 'uuid' },
    { name: 'team_id', type: 'uuid' },
    { name: 'starts_on', type: 'date' },
    { name: 'ends_on', type: 'date' },
  ],
  network_members: [
    { name: 'child_person_id', type: 'uuid' },
    { name: 'person_id', type: 'uuid' },
    { name: 'circle', type: 'text' },
  ],
  relationships: [
    { name: 'id', type: 'uuid' },
    { name: 'from_person_id', type: 'uuid' },
    { name: 'to_person_id', type: 'uuid' },
    { name: 'type', type: 'text' },
    { name: 'closeness', type: 'text' },
    { name: 'quality', type: 'text' },
    { name: 'support_flows', type: 'text' },
    { name: 'loves_the_child', type: 'bool' },
    { name: 'child_loves_them', type: 'bool' },
    { name: 'lifelong_connection', type: 'bool' },
    { name: 'safety_network_role', type: 'text' },
  ],
  mappings: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'title', type: 'text' },
    { name: 'held_on', type: 'date' },
    { name: 'who_took_part', type: 'text' },
    { name: 'scaling_question', type: 'text' },
    { name: 'scale_zero_means', type: 'text' },
    { name: 'scale_ten_means', type: 'text' },
    { name: 'created_by_label', type: 'text' },
  ],
  mapping_children: [
    { name: 'mapping_id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
  ],
  mapping_entries: [
    { name: 'id', type: 'uuid' },
    { name: 'mapping_id', type: 'uuid' },
    { name: 'section', type: 'text' },
    { name: 'statement', type: 'text' },
    { name: 'harm_severity', type: 'text' },
    { name: 'harm_frequency', type: 'text' },
    { name: 'harm_when', type: 'text' },
    { name: 'worried_who', type: 'text' },
    { name: 'could_happen', type: 'text' },
    { name: 'because_of', type: 'text' },
    { name: 'in_circumstances', type: 'text' },
    { name: 'goal_who', type: 'text' },
    { name: 'goal_will_be_doing', type: 'text' },
    { name: 'goal_how_we_will_know', type: 'text' },
    { name: 'step_owner_person_id', type: 'uuid' },
    { name: 'step_owner_name', type: 'text' },
    { name: 'step_due_on', type: 'date' },
    { name: 'view_of_kind', type: 'text' },
    { name: 'view_of_person_id', type: 'uuid' },
    { name: 'view_of_name', type: 'text' },
    { name: 'position', type: 'int4' },
  ],
  scaling_scores: [
    { name: 'id', type: 'uuid' },
    { name: 'mapping_id', type: 'uuid' },
    { name: 'scored_on', type: 'date' },
    { name: 'scorer_kind', type: 'text' },
    { name: 'scorer_person_id', type: 'uuid' },
    { name: 'scorer_name', type: 'text' },
    { name: 'score', type: 'int2' },
    { name: 'reason', type: 'text' },
    { name: 'recorded_by_label', type: 'text' },
  ],
  visits: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'kind', type: 'text' },
    { name: 'happened_at', type: 'timestamptz' },
    { name: 'place', type: 'text' },
    { name: 'child_seen', type: 'bool' },
    { name: 'seen_alone', type: 'bool' },
    { name: 'not_seen_reason', type: 'text' },
    { name: 'seen_heard_felt', type: 'text' },
    { name: 'childs_words', type: 'text' },
    { name: 'working_well', type: 'text' },
    { name: 'worries', type: 'text' },
    { name: 'reflection', type: 'text' },
    { name: 'next_steps', type: 'text', expression: (value) => `${value}::jsonb` },
    { name: 'recorded_by_label', type: 'text' },
  ],
  audit_events: [
    { name: 'sequence', type: 'int8' },
    { name: 'occurred_at', type: 'timestamptz' },
    { name: 'actor_user_id', type: 'uuid' },
    { name: 'actor_label', type: 'text' },
    { name: 'action', type: 'text' },
    { name: 'outcome', type: 'text' },
    { name: 'subject_type', type: 'text' },
    { name: 'subject_id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'reason', type: 'text' },
    { name: 'source_ip', type: 'text' },
    { name: 'user_agent', type: 'text' },
    { name: 'request_id', type: 'text' },
    { name: 'details', type: 'text', expression: (value) => `${value}::jsonb` },
    { name: 'chain_position', type: 'int8' },
    { name: 'previous_hash', type: 'text' },
    { name: 'hash', type: 'text' },
  ],
  record_versions: [
    { name: 'record_type', type: 'text' },
    { name: 'record_id', type: 'uuid' },
    { name: 'version', type: 'int4' },
    { name: 'recorded_at', type: 'timestamptz' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'content', type: 'text', expression: jsonb },
  ],
  need_assessments: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'started_at', type: 'timestamptz' },
    { name: 'started_by', type: 'uuid' },
    { name: 'started_by_label', type: 'text' },
  ],
  need_assessment_versions: [
    { name: 'id', type: 'uuid' },
    { name: 'assessment_id', type: 'uuid' },
    { name: 'version_number', type: 'int4' },
    { name: 'status', type: 'text' },
    { name: 'revision', type: 'int4' },
    ...contentFields.map((field) => ({ name: snakeCase(field), type: 'text' })),
    { name: 'author_user_id', type: 'uuid' },
    { name: 'author_label', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
    { name: 'updated_by_label', type: 'text' },
    { name: 'submitted_at', type: 'timestamptz' },
    { name: 'submitted_by', type: 'uuid' },
    { name: 'submitted_by_label', type: 'text' },
    { name: 'signed_off_at', type: 'timestamptz' },
    { name: 'signed_off_by', type: 'uuid' },
    { name: 'signed_off_by_label', type: 'text' },
    { name: 'sign_off_comment', type: 'text' },
    { name: 'returned_at', type: 'timestamptz' },
    { name: 'returned_by', type: 'uuid' },
    { name: 'returned_by_label', type: 'text' },
    { name: 'return_comment', type: 'text' },
  ],
  safe_uncertainty_positions: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'position', type: 'text' },
    { name: 'reasons', type: 'text' },
    { name: 'assessed_on', type: 'date' },
    { name: 'recorded_at', type: 'timestamptz' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
  ],
  safe_uncertainty_questions: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'kind', type: 'text' },
    { name: 'wording', type: 'text' },
    { name: 'raised_on', type: 'date' },
    { name: 'revisit_on', type: 'date' },
    { name: 'recorded_at', type: 'timestamptz' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'finding', type: 'text' },
    { name: 'found_on', type: 'date' },
    { name: 'finding_recorded_at', type: 'timestamptz' },
    { name: 'finding_recorded_by', type: 'uuid' },
    { name: 'finding_recorded_by_label', type: 'text' },
    { name: 'version', type: 'int4' },
  ],
  childs_words: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'words', type: 'text' },
    { name: 'heard_by', type: 'text' },
    { name: 'heard_on', type: 'date' },
    { name: 'setting', type: 'text' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  direct_work: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'tool', type: 'text' },
    { name: 'done_on', type: 'date' },
    { name: 'done_with', type: 'text' },
    { name: 'childs_words', type: 'text', expression: jsonb },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  participation_preferences: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'way', type: 'text' },
    { name: 'in_their_words', type: 'text' },
    { name: 'said_on', type: 'date' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  // The source meeting of a family plan is set once its meeting is written (they refer to each other).
  plans: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'kind', type: 'text' },
    { name: 'title', type: 'text' },
    { name: 'starts_on', type: 'date' },
    { name: 'review_by', type: 'date' },
    { name: 'support', type: 'text' },
    { name: 'goals', type: 'text', expression: jsonb },
    { name: 'actions', type: 'text', expression: jsonb },
    { name: 'from_mapping_id', type: 'uuid' },
    { name: 'status', type: 'text' },
    { name: 'agreed_on', type: 'date' },
    { name: 'agreed_version', type: 'int4' },
    { name: 'shared_with_family', type: 'bool' },
    { name: 'next_action_due_on', type: 'date' },
    { name: 'version', type: 'int4' },
    { name: 'created_by', type: 'uuid' },
    { name: 'created_by_label', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ],
  plan_reviews: [
    { name: 'id', type: 'uuid' },
    { name: 'plan_id', type: 'uuid' },
    { name: 'held_on', type: 'date' },
    { name: 'who_came', type: 'text' },
    { name: 'scores', type: 'text', expression: jsonb },
    { name: 'what_has_changed', type: 'text' },
    { name: 'what_has_been_achieved', type: 'text' },
    { name: 'decisions', type: 'text' },
    { name: 'next_review_by', type: 'date' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  plan_agreements: [
    { name: 'id', type: 'uuid' },
    { name: 'plan_id', type: 'uuid' },
    { name: 'plan_version', type: 'int4' },
    { name: 'person_id', type: 'uuid' },
    { name: 'person_name', type: 'text' },
    { name: 'response', type: 'text' },
    { name: 'in_their_words', type: 'text' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  family_meeting_offers: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'offered_on', type: 'date' },
    { name: 'before_decision', type: 'text' },
    { name: 'response', type: 'text' },
    { name: 'responded_on', type: 'date' },
    { name: 'family_reason', type: 'text' },
    { name: 'recorded_by', type: 'uuid' },
    { name: 'recorded_by_label', type: 'text' },
    { name: 'recorded_at', type: 'timestamptz' },
  ],
  meetings: [
    { name: 'id', type: 'uuid' },
    { name: 'child_person_id', type: 'uuid' },
    { name: 'kind', type: 'text' },
    { name: 'held_on', type: 'date' },
    { name: 'starts_at', type: 'text' },
    { name: 'ends_at', type: 'text' },
    { name: 'place', type: 'text' },
    { name: 'purpose', type: 'text' },
    { name: 'child_preference', type: 'text' },
    { name: 'how_child_took_part', type: 'text' },
    { name: 'what_was_shared', type: 'text' },
    { name: 'professional_notes', type: 'text' },
    { name: 'decisions', type: 'text', expression: jsonb },
    { name: 'actions', type: 'text', expression: jsonb },
    { name: 'stage', type: 'text' },
    { name: 'coordinator_user_id', type: 'uuid' },
    { name: 'coordinator_name', type: 'text' },
    { name: 'conference', type: 'text', expression: jsonb },
    { name: 'review_of_meeting_id', type: 'uuid' },
    { name: 'offer_id', type: 'uuid' },
    { name: 'plan_id', type: 'uuid' },
    { name: 'version', type: 'int4' },
    { name: 'created_by', type: 'uuid' },
    { name: 'created_by_label', type: 'text' },
    { name: 'created_at', type: 'timestamptz' },
    { name: 'updated_at', type: 'timestamptz' },
  ],
  meeting_invitees: [
    { name: 'id', type: 'uuid' },
    { name: 'meeting_id', type: 'uuid' },
    { name: 'person_id', type: 'uuid' },
    { name: 'name', type: 'text' },
    { name: 'relationship', type: 'text' },
    { name: 'circle', type: 'text' },
    { name: 'attendance', type: 'text' },
    { name: 'preparation_visit_on', type: 'date' },
    { name: 'preparation_notes', type: 'text' },
    { name: 'added_at', type: 'timestamptz' },
  ],
} satisfies Record<string, readonly Column[]>;

type TableName = keyof typeof tables;

/** Tables in the order their rows can be removed again (children before parents). */
const removalOrder = [
  'audit_chain_heads',
  'audit_events',
  'meeting_invitees',
  'meetings',
  'family_meeting_offers',
  'plan_agreements',
  'plan_reviews',
  'plans',
  'need_assessment_versions',
  'need_assessments',
  'safe_uncertainty_questions',
  'safe_uncertainty_positions',
  'childs_words',
  'direct_work',
  'participation_preferences',
  'visits',
  'scaling_scores',
  'mapping_entries',
  'mapping_children',
  'mappings',
  'child_allocations',
  'relationships',
  'network_members',
  'household_members',
  'households',
  'record_versions',
  'child_records',
  'team_memberships',
  'user_roles',
  'sessions',
  'sign_in_failures',
  'users',
  'teams',
  'people',
] as const;

/**
 * Keeps up to `limit` batches in flight. The first failure is kept and thrown at the next
 * submit or drain, so no rejection goes unhandled while other batches are still running.
 */
class BatchWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly database: Database,
    private readonly limit: number,
    private readonly progress: Progress,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async insert(tenantId: string, table: TableName, rows: unknown[][], stage: string): Promise<void> {
    if (rows.length === 0) return;
    const columns: readonly Column[] = tables[table];
    // Column-wise arrays: one parameter per column, each as long as the batch.
    const parameters = columns.map((_, column) => rows.map((row) => row[column]));
    await this.run(tenantId, unnestInsert(table, columns), [tenantId, ...parameters], rows.length, stage);
  }

  /** One statement as this council, in flight like a batch; `rows` is what it adds to the count. */
  async run(tenantId: string, text: string, parameters: unknown[], rows: number, stage: string): Promise<void> {
    this.throwIfFailed();
    if (this.signal?.aborted) throw new SeedStoppedError();
    while (this.inFlight.size >= this.limit) {
      await Promise.race(this.inFlight);
      this.throwIfFailed();
    }
    const work = this.database
      .asOwner(async (owner) => {
        // Every council-owned table forces row-level security: the owner writes as this council.
        await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
        await owner.query(text, parameters);
      })
      .then(
        () => {
          this.progress.advance(rows, stage);
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Waits for every batch in flight: the next table may refer to these rows. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** Buffers rows and hands them to the writer BATCH_ROWS at a time. */
function batcher(writer: BatchWriter, tenantId: string, table: TableName, stage: string) {
  let rows: unknown[][] = [];
  return {
    async add(row: unknown[]): Promise<void> {
      rows.push(row);
      if (rows.length >= BATCH_ROWS) {
        const full = rows;
        rows = [];
        await writer.insert(tenantId, table, full, stage);
      }
    },
    async flush(): Promise<void> {
      const rest = rows;
      rows = [];
      await writer.insert(tenantId, table, rest, stage);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One council

export interface CouncilSummary {
  slug: string;
  name: string;
  tenantId: string;
  emailDomain: string;
  rows: Record<TableName | 'audit_chain_heads', number>;
  /** How long each part of the council took to write. */
  phases: { name: string; seconds: number }[];
}

/** The tables a child's records go to (synthetic-records.ts), as recordRowCounts names them. */
const recordTables = [
  'need_assessments',
  'need_assessment_versions',
  'safe_uncertainty_positions',
  'safe_uncertainty_questions',
  'childs_words',
  'direct_work',
  'participation_preferences',
  'plans',
  'plan_reviews',
  'plan_agreements',
  'family_meeting_offers',
  'meetings',
  'meeting_invitees',
  'record_versions',
] as const satisfies readonly TableName[];
type RecordTable = (typeof recordTables)[number];

/**
 * What a child's records add, on average, in rows and in audit entries inside the trail's year:
 * measured on up to 200 children spread across the council (a few milliseconds each).
 */
function recordsPerChild(plan: CouncilPlan): { rows: number; auditEntries: number } {
  const step = Math.max(1, Math.floor(plan.children.length / 200));
  const trailStart = (dayOf(plan.options.asOf) - TRAIL_DAYS) * 86_400_000;
  let sampled = 0;
  let rows = 0;
  let auditEntries = 0;
  for (let index = 0; index < plan.children.length; index += step) {
    const records = recordsOfChild(plan, index);
    rows += Object.values(recordRowCounts(records)).reduce((sum, count) => sum + count, 0);
    auditEntries += records.events.filter((event) => event.at >= trailStart).length;
    sampled += 1;
  }
  return { rows: rows / sampled, auditEntries: auditEntries / sampled };
}

/** The rows the progress bar expects: counted where cheap, estimated for visits and records. */
function rowTotal(plan: CouncilPlan, trail: AuditTrailPlan): number {
  const records = recordsPerChild(plan);
  return (
    plan.teams.length +
    plan.users.length * 2 + // users and their one role each
    plan.memberships.length +
    plan.peopleCount +
    plan.children.length * 2 + // child records and allocations
    // Per-child and per-person averages as the generators wrote them for 20,000 children
    // (within 1% for the 2,000-child neighbour): a network member and about two ties per person,
    // about 106 visits a child, and about 4.2 mappings a child of some 14 rows each.
    Math.round(plan.peopleCount * 3.0) +
    Math.round(plan.children.length * 105.9) +
    Math.round(plan.children.length * 60.0) +
    Math.round(plan.children.length * (records.rows + records.auditEntries)) +
    trail.events.length +
    1 // the chain head
  );
}

async function writeCouncil(
  database: Database,
  writer: BatchWriter,
  plan: CouncilPlan,
  passwordHash: string,
  progress: Progress,
): Promise<CouncilSummary> {
  const tenantId = plan.tenantId;
  const label = plan.options.slug;
  const phases: { name: string; seconds: number }[] = [];
  let phaseStarted = performance.now();
  const phaseDone = (name: string) => {
    const now = performance.now();
    phases.push({ name, seconds: Math.round((now - phaseStarted) / 100) / 10 });
    phaseStarted = now;
  };
  // Accounts were made when Kith went live, a little before the trail starts.
  const createdAt = new Date((dayOf(plan.options.asOf) - TRAIL_DAYS - 7) * 86_400_000).toISOString();

  const staff = batcher(writer, tenantId, 'teams', `${label}: teams`);
  for (const team of plan.teams) await staff.add([team.id, team.name]);
  await staff.flush();
  const users = batcher(writer, tenantId, 'users', `${label}: staff`);
  for (const user of plan.users) {
    await users.add([
      user.id,
      user.email,
      user.fullName,
      'staff',
      passwordHash,
      createdAt,
      user.totpSecret,
      user.totpSecret ? createdAt : null,
      createdAt,
    ]);
  }
  await users.flush();
  await writer.drain();
  const roles = batcher(writer, tenantId, 'user_roles', `${label}: roles`);
  for (const user of plan.users) for (const role of user.roles) await roles.add([user.id, role, createdAt]);
  await roles.flush();
  const memberships = batcher(writer, tenantId, 'team_memberships', `${label}: teams`);
  for (const membership of plan.memberships) {
    await memberships.add([membership.teamId, membership.userId, membership.isManager]);
  }
  await memberships.flush();

  const people = batcher(writer, tenantId, 'people', `${label}: people`);
  for (const child of plan.children) {
    for (const person of generateNetwork(plan, child.index)) {
      await people.add([
        person.id,
        person.kind,
        person.fullName,
        person.knownAs,
        person.pronouns,
        person.gender,
        person.dateOfBirth,
        person.dateOfBirthIsApproximate,
        person.diedOn,
        person.languages.join('|'),
        person.whatTheyBring,
      ]);
    }
  }
  await people.flush();
  await writer.drain();

  const records = batcher(writer, tenantId, 'child_records', `${label}: child records`);
  for (const { record } of plan.children) {
    await records.add([
      record.personId,
      record.reference,
      record.status,
      record.openedOn,
      record.closedOn,
      record.isRestricted,
    ]);
  }
  await records.flush();
  await writer.drain();
  // Each child's world: who is in it, and the ties between them (people exist already).
  const members = batcher(writer, tenantId, 'network_members', `${label}: networks`);
  const relationships = batcher(writer, tenantId, 'relationships', `${label}: relationships`);
  let memberCount = 0;
  let tieCount = 0;
  for (const child of plan.children) {
    const { members: memberRows, ties } = generateTies(plan, child.index, generateNetwork(plan, child.index));
    memberCount += memberRows.length;
    tieCount += ties.length;
    for (const member of memberRows) await members.add([member.childPersonId, member.personId, member.circle]);
    for (const tie of ties) {
      await relationships.add([
        tie.id,
        tie.fromPersonId,
        tie.toPersonId,
        tie.type,
        tie.closeness,
        tie.quality,
        tie.supportFlows,
        tie.lovesTheChild,
        tie.childLovesThem,
        tie.lifelongConnection,
        tie.safetyNetworkRole,
      ]);
    }
  }
  await members.flush();
  await relationships.flush();
  await writer.drain();
  const allocations = batcher(writer, tenantId, 'child_allocations', `${label}: allocations`);
  for (const { allocation } of plan.children) {
    await allocations.add([
      allocation.id,
      allocation.childPersonId,
      allocation.userId,
      allocation.teamId,
      allocation.startsOn,
      allocation.endsOn,
    ]);
  }
  await allocations.flush();
  await writer.drain();

  phaseDone('people, networks and allocations');
  // Mappings with each family, every few months, scaled by the people who took part.
  const mappingRows = batcher(writer, tenantId, 'mappings', `${label}: mappings`);
  const mappingChildRows = batcher(writer, tenantId, 'mapping_children', `${label}: mappings`);
  const entryRows = batcher(writer, tenantId, 'mapping_entries', `${label}: mapping entries`);
  const scoreRows = batcher(writer, tenantId, 'scaling_scores', `${label}: scaling`);
  let mappingCount = 0;
  let entryCount = 0;
  let scoreCount = 0;
  const mappingsByChild: SyntheticMapping[][] = [];
  for (const child of plan.children) {
    const mappings = generateMappings(plan, child.index, generateNetwork(plan, child.index));
    mappingsByChild.push(mappings);
    for (const mapping of mappings) {
      mappingCount += 1;
      await mappingRows.add([
        mapping.id,
        mapping.childPersonId,
        mapping.title,
        mapping.heldOn,
        mapping.whoTookPart,
        defaultScale.scalingQuestion,
        defaultScale.scaleZeroMeans,
        defaultScale.scaleTenMeans,
        mapping.createdByLabel,
      ]);
    }
  }
  await mappingRows.flush();
  await writer.drain();
  for (const mappings of mappingsByChild) {
    for (const mapping of mappings) {
      await mappingChildRows.add([mapping.id, mapping.childPersonId]);
      for (const entry of mapping.entries) {
        entryCount += 1;
        await entryRows.add([
          entry.id,
          mapping.id,
          entry.section,
          entry.statement,
          entry.harmSeverity,
          entry.harmFrequency,
          entry.harmWhen,
          entry.worriedWho,
          entry.couldHappen,
          entry.becauseOf,
          entry.inCircumstances,
          entry.goalWho,
          entry.goalWillBeDoing,
          entry.goalHowWeWillKnow,
          entry.stepOwnerPersonId,
          entry.stepOwnerName,
          entry.stepDueOn,
          entry.viewOfKind,
          entry.viewOfPersonId,
          entry.viewOfName,
          entry.position,
        ]);
      }
      for (const score of mapping.scores) {
        scoreCount += 1;
        await scoreRows.add([
          score.id,
          mapping.id,
          score.scoredOn,
          score.scorerKind,
          score.scorerPersonId,
          score.scorerName,
          score.score,
          score.reason,
          mapping.createdByLabel,
        ]);
      }
    }
  }
  await mappingChildRows.flush();
  await entryRows.flush();
  await scoreRows.flush();
  await writer.drain();

  phaseDone('mappings');
  // A contact every few days while the record is open: about two million at 20,000 children.
  const visitRows = batcher(writer, tenantId, 'visits', `${label}: visits`);
  let visitCount = 0;
  for (const child of plan.children) {
    for (const visit of generateVisits(plan, child.index, generateNetwork(plan, child.index))) {
      visitCount += 1;
      await visitRows.add([
        visit.id,
        visit.childPersonId,
        visit.kind,
        visit.happenedAt,
        visit.place,
        visit.childSeen,
        visit.seenAlone,
        visit.notSeenReason,
        visit.seenHeardFelt,
        visit.childsWords,
        visit.workingWell,
        visit.worries,
        visit.reflection,
        JSON.stringify(visit.nextSteps),
        visit.recordedByLabel,
      ]);
    }
  }
  await visitRows.flush();
  await writer.drain();
  phaseDone('visits');

  // Assessments, plans, the child's words and meetings, with their versions; the audit entries
  // making them wrote join the trail below.
  const written = await writeRecords(writer, plan, mappingsByChild);
  phaseDone('assessments, plans, words and meetings');

  const trail = planAuditTrail(plan, written.events);
  written.events.length = 0;
  const audit = batcher(writer, tenantId, 'audit_events', `${label}: audit trail`);
  let head = { sequence: 0, hash: '' };
  for (const entry of chainedAuditEntries(trail)) {
    const { fields } = entry;
    await audit.add([
      fields.sequence,
      fields.occurredAt.toISOString(),
      fields.actorUserId,
      fields.actorLabel,
      fields.action,
      fields.outcome,
      fields.subjectType,
      fields.subjectId,
      fields.childPersonId,
      fields.reason,
      fields.sourceIp,
      fields.userAgent,
      fields.requestId,
      JSON.stringify(fields.details),
      // Written already sealed: the council's trail starts at 1, so each entry's place in the
      // chain is its sequence.
      fields.sequence,
      entry.previousHash,
      entry.hash,
    ]);
    head = { sequence: fields.sequence, hash: entry.hash };
  }
  await audit.flush();
  await writer.drain();
  if (head.sequence > 0) {
    // The head is where the sealer links the next entries on: it must name the last entry.
    await database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      await owner.query('insert into audit_chain_heads (tenant_id, last_position, last_hash) values ($1, $2, $3)', [
        tenantId,
        head.sequence,
        head.hash,
      ]);
    });
    progress.advance(1);
  }
  phaseDone('audit trail');
  return {
    slug: plan.options.slug,
    name: plan.options.name,
    tenantId,
    emailDomain: plan.emailDomain,
    rows: {
      teams: plan.teams.length,
      users: plan.users.length,
      user_roles: plan.users.length,
      team_memberships: plan.memberships.length,
      people: plan.peopleCount,
      child_records: plan.children.length,
      child_allocations: plan.children.length,
      network_members: memberCount,
      relationships: tieCount,
      visits: visitCount,
      mappings: mappingCount,
      mapping_children: mappingCount,
      mapping_entries: entryCount,
      scaling_scores: scoreCount,
      ...written.rows,
      audit_events: trail.events.length,
      audit_chain_heads: head.sequence > 0 ? 1 : 0,
    },
    phases,
  };
}

/** Children whose records are made and written together: their rows are held until written. */
const RECORD_CHUNK = 1_000;

/**
 * Writes every child's assessments, safe uncertainty, words, plans and meetings, a chunk of
 * children at a time, parents before the rows that refer to them: each level is drained before
 * the next starts (batches in flight commit in any order). Returns the row counts and the audit
 * entries the making wrote, inside the trail's year.
 */
async function writeRecords(
  writer: BatchWriter,
  plan: CouncilPlan,
  mappingsByChild: readonly (readonly SyntheticMapping[])[],
): Promise<{ rows: Record<RecordTable, number>; events: RecordAuditEvent[] }> {
  const tenantId = plan.tenantId;
  const label = plan.options.slug;
  const trailStart = (dayOf(plan.options.asOf) - TRAIL_DAYS) * 86_400_000;
  const events: RecordAuditEvent[] = [];
  const rows = Object.fromEntries(recordTables.map((table) => [table, 0])) as Record<RecordTable, number>;
  const json = (value: unknown) => JSON.stringify(value);
  /** One chunk of children's records, made in memory (a few megabytes for a thousand children). */
  const generate = (first: number): ChildRecords[] =>
    plan.children.slice(first, first + RECORD_CHUNK).map((child) => {
      const people = generateNetwork(plan, child.index);
      const made = generateChildRecords(plan, child.index, people, mappingsByChild[child.index] ?? []);
      for (const event of made.events) if (event.at >= trailStart) events.push(event);
      made.events.length = 0;
      for (const [table, count] of Object.entries(recordRowCounts(made))) rows[table as RecordTable] += count;
      return made;
    });
  let next: ChildRecords[] | null = generate(0);
  for (let first = 0; next !== null; first += RECORD_CHUNK) {
    const chunk: ChildRecords[] = next;
    next = null;
    /**
     * Writes each table's rows; then, unless told not to, waits for all of them: the next level
     * refers to these. While the last batches are in flight, the next chunk is made.
     */
    const level = async (
      parts: [RecordTable, string, (records: ChildRecords) => Iterable<unknown[]>][],
      then: { makeNext?: boolean; drain?: boolean } = {},
    ) => {
      for (const [table, stage, rowsOf] of parts) {
        const rowBatcher = batcher(writer, tenantId, table, `${label}: ${stage}`);
        for (const records of chunk) for (const row of rowsOf(records)) await rowBatcher.add(row);
        await rowBatcher.flush();
      }
      if (then.makeNext && first + RECORD_CHUNK < plan.children.length) next = generate(first + RECORD_CHUNK);
      if (then.drain !== false) await writer.drain();
    };
    await level(
      [
        [
          'need_assessments',
          'assessments of need',
          (records) =>
            records.assessments.map((a) => [a.id, a.childPersonId, a.startedAt, a.startedBy, a.startedByLabel]),
        ],
        [
          'safe_uncertainty_positions',
          'safe uncertainty',
          (records) =>
            records.positions.map((p) => [
              p.id,
              p.childPersonId,
              p.position,
              p.reasons,
              p.assessedOn,
              p.recordedAt,
              p.recordedBy,
              p.recordedByLabel,
            ]),
        ],
        [
          'safe_uncertainty_questions',
          'safe uncertainty',
          (records) =>
            records.questions.map((q) => [
              q.id,
              q.childPersonId,
              q.kind,
              q.wording,
              q.raisedOn,
              q.revisitOn,
              q.recordedAt,
              q.recordedBy,
              q.recordedByLabel,
              q.finding,
              q.foundOn,
              q.findingRecordedAt,
              q.findingRecordedBy,
              q.findingRecordedByLabel,
              q.version,
            ]),
        ],
        [
          'childs_words',
          'the child’s words',
          (records) =>
            records.words.map((w) => [
              w.id,
              w.childPersonId,
              w.words,
              w.heardBy,
              w.heardOn,
              w.setting,
              w.recordedBy,
              w.recordedByLabel,
              w.recordedAt,
            ]),
        ],
        [
          'direct_work',
          'direct work',
          (records) =>
            records.directWork.map((d) => [
              d.id,
              d.childPersonId,
              d.tool,
              d.doneOn,
              d.doneWith,
              json(d.childsWords),
              d.recordedBy,
              d.recordedByLabel,
              d.recordedAt,
            ]),
        ],
        [
          'participation_preferences',
          'the child’s words',
          (records) =>
            records.preferences.map((p) => [
              p.id,
              p.childPersonId,
              p.way,
              p.inTheirWords,
              p.saidOn,
              p.recordedBy,
              p.recordedByLabel,
              p.recordedAt,
            ]),
        ],
        [
          'family_meeting_offers',
          'meetings',
          (records) =>
            records.offers.map((o) => [
              o.id,
              o.childPersonId,
              o.offeredOn,
              o.beforeDecision,
              o.response,
              o.respondedOn,
              o.familyReason,
              o.recordedBy,
              o.recordedByLabel,
              o.recordedAt,
            ]),
        ],
        [
          'plans',
          'plans',
          (records) =>
            records.plans.map((p) => [
              p.id,
              p.childPersonId,
              p.kind,
              p.title,
              p.startsOn,
              p.reviewBy,
              p.support,
              json(p.goals),
              json(p.actions),
              p.fromMappingId,
              p.status,
              p.agreedOn,
              p.agreedVersion,
              p.sharedWithFamily,
              p.nextActionDueOn,
              p.version,
              p.createdBy,
              p.createdByLabel,
              p.createdAt,
              p.updatedAt,
            ]),
        ],
        [
          'record_versions',
          'record history',
          (records) =>
            records.versions.map((v) => [
              v.recordType,
              v.recordId,
              v.version,
              v.recordedAt,
              v.recordedBy,
              v.recordedByLabel,
              v.reason,
              json(v.content),
            ]),
        ],
      ],
      { makeNext: true },
    );
    const meetingRow = (m: SyntheticMeeting) => [
      m.id,
      m.childPersonId,
      m.kind,
      m.heldOn,
      m.startsAt,
      m.endsAt,
      m.place,
      m.purpose,
      m.childPreference,
      m.howChildTookPart,
      m.whatWasShared,
      m.professionalNotes,
      json(m.decisions),
      json(m.actions),
      m.stage,
      m.coordinatorUserId,
      m.coordinatorName,
      json(m.conference),
      m.reviewOfMeetingId,
      m.offerId,
      m.planId,
      m.version,
      m.createdBy,
      m.createdByLabel,
      m.createdAt,
      m.updatedAt,
    ];
    await level([
      [
        'need_assessment_versions',
        'assessments of need',
        (records) =>
          records.assessments.flatMap((a) =>
            a.versions.map((v) => [
              v.id,
              v.assessmentId,
              v.versionNumber,
              v.status,
              v.revision,
              ...contentFields.map((field) => v.content[field]),
              v.authorUserId,
              v.authorLabel,
              v.createdAt,
              v.updatedAt,
              v.updatedByLabel,
              v.submittedAt,
              v.submittedBy,
              v.submittedByLabel,
              v.signedOffAt,
              v.signedOffBy,
              v.signedOffByLabel,
              v.signOffComment,
              v.returnedAt,
              v.returnedBy,
              v.returnedByLabel,
              v.returnComment,
            ]),
          ),
      ],
      [
        'plan_reviews',
        'plan reviews',
        (records) =>
          records.plans.flatMap((p) =>
            p.reviews.map((r) => [
              r.id,
              r.planId,
              r.heldOn,
              r.whoCame,
              json(r.scores),
              r.whatHasChanged,
              r.whatHasBeenAchieved,
              r.decisions,
              r.nextReviewBy,
              r.recordedBy,
              r.recordedByLabel,
              r.recordedAt,
            ]),
          ),
      ],
      [
        'plan_agreements',
        'plan agreements',
        (records) =>
          records.plans.flatMap((p) =>
            p.agreements.map((a) => [
              a.id,
              a.planId,
              a.planVersion,
              a.personId,
              a.personName,
              a.response,
              a.inTheirWords,
              a.recordedBy,
              a.recordedByLabel,
              a.recordedAt,
            ]),
          ),
      ],
      // A review conference refers to the conference it reviews: those come in the next level.
      ['meetings', 'meetings', (records) => records.meetings.filter((m) => !m.reviewOfMeetingId).map(meetingRow)],
    ]);
    await level([
      ['meetings', 'meetings', (records) => records.meetings.filter((m) => m.reviewOfMeetingId).map(meetingRow)],
    ]);
    // The invitees and the family plans' sources are left in flight while the next chunk starts.
    await level(
      [
        [
          'meeting_invitees',
          'meeting invitees',
          (records) =>
            records.meetings.flatMap((m) =>
              m.invitees.map((i) => [
                i.id,
                i.meetingId,
                i.personId,
                i.name,
                i.relationship,
                i.circle,
                i.attendance,
                i.preparationVisitOn,
                i.preparationNotes,
                i.addedAt,
              ]),
            ),
        ],
      ],
      { drain: false },
    );
    // Each family plan names the conference it came from, now that the meeting is there.
    const sources = chunk.flatMap((records) =>
      records.plans.filter((p) => p.sourceMeetingId).map((p) => [p.id, p.sourceMeetingId]),
    );
    if (sources.length > 0) {
      await writer.run(
        tenantId,
        'update plans set source_meeting_id = t.meeting_id from unnest($2::uuid[], $3::uuid[]) as t(plan_id, meeting_id) ' +
          'where plans.tenant_id = $1 and plans.id = t.plan_id',
        [tenantId, sources.map(([planId]) => planId), sources.map(([, meetingId]) => meetingId)],
        0,
        `${label}: plans`,
      );
    }
  }
  await writer.drain();
  return { rows, events };
}

async function removeCouncils(database: Database, tenantIds: readonly string[]): Promise<void> {
  for (const tenantId of tenantIds) {
    await database.asOwner(async (owner) => {
      await owner.query(`select set_config('kith.tenant_id', $1, true)`, [tenantId]);
      // The tables this seed writes, children before parents; then any other council-owned
      // table a feature added since (a benchmark run writes visits, drafts, plans...), each
      // tried in turn until every one is empty, so a new table never leaves a council behind.
      // A signed-off assessment of need is locked by a trigger, whoever asks, even to remove it:
      // the seed lifts the lock for this transaction only, to take away what it wrote itself.
      // A family plan and the conference it came from name each other: one link goes first.
      await owner.query('alter table need_assessment_versions disable trigger need_assessment_versions_guard');
      // Likewise the audit trail refuses any removal (migration 0025); a council this seed made
      // itself, and could not finish, goes with its entries (the benchmark's own, never a real one).
      await owner.query('alter table audit_events disable trigger audit_events_never_deleted');
      await owner.query('alter table audit_chain_heads disable trigger audit_chain_heads_never_deleted');
      await owner.query(
        'update plans set source_meeting_id = null where tenant_id = $1 and source_meeting_id is not null',
        [tenantId],
      );
      for (const table of removalOrder) await owner.query(`delete from ${table} where tenant_id = $1`, [tenantId]);
      const rows = await owner.query<{ table_name: string }>(
        `select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'tenant_id' and table_name <> 'tenants'`,
      );
      let remaining = rows.map((row) => row.table_name).filter((table) => /^[a-z_0-9]+$/.test(table));
      for (let pass = 0; remaining.length > 0 && pass < remaining.length + 1; pass += 1) {
        const blocked: string[] = [];
        for (const table of remaining) {
          await owner.query('savepoint remove_council');
          try {
            await owner.query(`delete from ${table} where tenant_id = $1`, [tenantId]);
            await owner.query('release savepoint remove_council');
          } catch {
            // Still referenced by a table not emptied yet: try again on the next pass.
            await owner.query('rollback to savepoint remove_council');
            blocked.push(table);
          }
        }
        remaining = blocked;
      }
      if (remaining.length > 0) throw new Error(`could not empty ${remaining.join(', ')} for council ${tenantId}`);
      await owner.query('delete from tenants where id = $1', [tenantId]);
      await owner.query('alter table need_assessment_versions enable trigger need_assessment_versions_guard');
      await owner.query('alter table audit_events enable trigger audit_events_never_deleted');
      await owner.query('alter table audit_chain_heads enable trigger audit_chain_heads_never_deleted');
    });
  }
}

export interface SeedSummary {
  councils: CouncilSummary[];
  rows: number;
  seconds: number;
}

/**
 * Writes the synthetic council and its neighbour. Refuses if either slug is taken. If
 * anything fails (or `signal` aborts) the councils are removed again, so a retry can start
 * clean instead of being refused.
 */
export async function seedSyntheticCouncils(
  database: Database,
  options: SeedOptions,
  settings: { signal?: AbortSignal; progressStream?: NodeJS.WriteStream } = {},
): Promise<SeedSummary> {
  const startedAt = performance.now();
  const councils = councilsFor(options);
  const taken = await database.asOwner((owner) =>
    owner.query<{ slug: string }>('select slug from tenants where slug = any($1::text[]) order by slug', [
      councils.map((council) => council.slug),
    ]),
  );
  if (taken.length > 0) {
    const where = database.kind === 'pglite' ? 'this PGlite database' : 'this database';
    const slugs = taken.map((row) => `"${row.slug}"`);
    throw new SeedRefusedError(
      `${slugs.length === 1 ? `A council with the slug ${slugs[0]!} already exists` : `Councils with the slugs ${slugs.join(' and ')} already exist`} in ${where}, ` +
        'so nothing was added. Choose another --council-slug, or use a fresh database.',
    );
  }
  const plans = councils.map((council) => planCouncil(council));
  // The trail without the records' entries, for the count; the whole trail is planned once
  // the records are written (it takes the entries their making wrote).
  const total = plans.reduce((sum, plan) => sum + rowTotal(plan, planAuditTrail(plan)), 0) + plans.length;
  // argon2 is deliberately slow, so one hash serves every synthetic account.
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
  const progress = progressBar(total, settings.progressStream);
  const writer = new BatchWriter(database, database.kind === 'postgres' ? 2 : 1, progress, settings.signal);

  const created: string[] = [];
  try {
    const summaries: CouncilSummary[] = [];
    for (const plan of plans) {
      await database.asOwner((owner) =>
        owner.query('insert into tenants (id, slug, name) values ($1, $2, $3)', [
          plan.tenantId,
          plan.options.slug,
          plan.options.name,
        ]),
      );
      created.push(plan.tenantId);
      progress.advance(1);
      summaries.push(await writeCouncil(database, writer, plan, passwordHash, progress));
    }
    // Entries Kith writes from now on are numbered after every entry written here.
    const highestSequence = Math.max(0, ...summaries.map((summary) => summary.rows.audit_events));
    await database.asOwner((owner) =>
      owner.query(
        `select setval('audit_events_sequence_seq', greatest($1::bigint, (select last_value from audit_events_sequence_seq)) + 1, false)`,
        [highestSequence],
      ),
    );
    // Fresh planner statistics, as a council running for a year would have: without them the
    // first queries are planned as if the tables were empty.
    await database.asOwner((owner) =>
      owner.exec(
        'analyze people, child_records, child_allocations, users, user_roles, teams, team_memberships, audit_events, ' +
          'network_members, relationships, visits, mappings, mapping_children, mapping_entries, scaling_scores, ' +
          recordTables.join(', '),
      ),
    );
    progress.finish();
    return { councils: summaries, rows: progress.done, seconds: (performance.now() - startedAt) / 1000 };
  } catch (error) {
    progress.finish();
    await writer.drain().catch(() => undefined);
    await removeCouncils(database, created).catch((cleanupError: unknown) => {
      process.stderr.write(`Could not remove the partly written councils: ${String(cleanupError)}\n`);
    });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The command

const number = new Intl.NumberFormat('en-GB');

export function describeSeed(summary: SeedSummary): string {
  const lines: string[] = [];
  for (const council of summary.councils) {
    lines.push(`${council.name} (${council.slug}, id ${council.tenantId})`);
    for (const [table, rows] of Object.entries(council.rows)) {
      lines.push(`  ${table.padEnd(26)} ${number.format(rows).padStart(10)}`);
    }
    lines.push(`  time: ${council.phases.map((phase) => `${phase.name} ${phase.seconds.toFixed(1)} s`).join(', ')}`);
  }
  const rate = summary.seconds > 0 ? Math.round(summary.rows / summary.seconds) : 0;
  lines.push(
    `${number.format(summary.rows)} rows in ${summary.seconds.toFixed(1)} s (${number.format(rate)} rows/s).`,
    '',
    `Sign in with the password ${SYNTHETIC_PASSWORD}:`,
  );
  for (const council of summary.councils) {
    lines.push(
      `  ${council.name}: practitioner.0001@${council.emailDomain} … (practitioners), ` +
        `manager.001@${council.emailDomain} … (team managers, two-factor secret ${SYNTHETIC_TOTP_SECRET}), ` +
        `auditor@${council.emailDomain}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let options: SeedOptions;
  let config;
  try {
    options = parseSeedArguments(process.argv.slice(2));
    config = loadConfig();
  } catch (error) {
    const message = error instanceof ConfigError ? error.problems.join('\n') : (error as Error).message;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  const { database } = await openMigratedDatabase(config);
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nStopping after the batches in flight; removing what was written…\n');
    controller.abort();
  });
  try {
    process.stderr.write(
      `Seeding ${number.format(options.children)} children (seed ${options.seed}, as of ${options.asOf}) into ${describeDatabase(config)}\n`,
    );
    const summary = await seedSyntheticCouncils(database, options, { signal: controller.signal });
    process.stdout.write(`${describeSeed(summary)}\n`);
  } catch (error) {
    if (error instanceof SeedRefusedError || error instanceof SeedStoppedError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    await database.close();
  }
}

// Run only as a command: the benchmark and the tests import this file.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
