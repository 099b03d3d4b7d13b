/**
 * Everything recorded about a child beyond their network, visits and mappings, for the
 * synthetic council: the assessment of need and safe uncertainty (synthetic-assessments.ts),
 * the child's own words (synthetic-words.ts), plans with their reviews and agreements
 * (synthetic-plans.ts) and meetings, with family group conferences (synthetic-meetings.ts);
 * each with its kept versions and the audit entries the services wrote as it was made.
 * Deterministic for a seed, like the rest of the council.
 */
import { generateAssessments, generateSafeUncertainty } from './synthetic-assessments.js';
import type { SyntheticAssessment, SyntheticPosition, SyntheticQuestion } from './synthetic-assessments.js';
import { childContext, type KeptVersion } from './synthetic-context.js';
import { generateMappings, type SyntheticMapping } from './synthetic-mappings.js';
import { generateMeetings, type SyntheticMeeting, type SyntheticOffer } from './synthetic-meetings.js';
import { generatePlans, planIds, type SyntheticPlan } from './synthetic-plans.js';
import {
  generateWords,
  type SyntheticDirectWork,
  type SyntheticPreference,
  type SyntheticWords,
} from './synthetic-words.js';
import { generateNetwork, type CouncilPlan, type PersonRow, type RecordAuditEvent } from './synthetic-council.js';

export interface ChildRecords {
  assessments: SyntheticAssessment[];
  positions: SyntheticPosition[];
  questions: SyntheticQuestion[];
  words: SyntheticWords[];
  directWork: SyntheticDirectWork[];
  preferences: SyntheticPreference[];
  /** The child's plans, the family plans from conferences included. */
  plans: SyntheticPlan[];
  meetings: SyntheticMeeting[];
  offers: SyntheticOffer[];
  /** Every kept version (record_versions) of the records above. */
  versions: KeptVersion[];
  /** The audit entries making them wrote, in the order they were planned. */
  events: RecordAuditEvent[];
}

export function generateChildRecords(
  plan: CouncilPlan,
  childIndex: number,
  people: readonly PersonRow[],
  mappings: readonly SyntheticMapping[],
): ChildRecords {
  const context = childContext(plan, childIndex, people);
  const assessed = generateAssessments(context);
  const safety = generateSafeUncertainty(context);
  const voice = generateWords(context);
  const ids = planIds(context);
  const planned = generatePlans(context, mappings, ids);
  const met = generateMeetings(context, planned.plans, voice.preferences, ids);
  return {
    assessments: assessed.assessments,
    positions: safety.positions,
    questions: safety.questions,
    words: voice.words,
    directWork: voice.directWork,
    preferences: voice.preferences,
    plans: [...planned.plans, ...met.familyPlans],
    meetings: met.meetings,
    offers: met.offers,
    versions: [...assessed.versions, ...safety.versions, ...planned.versions, ...met.versions],
    events: context.events,
  };
}

/** A child's records from scratch: their network and mappings first, as the seed makes them. */
export function recordsOfChild(plan: CouncilPlan, childIndex: number): ChildRecords {
  const people = generateNetwork(plan, childIndex);
  return generateChildRecords(plan, childIndex, people, generateMappings(plan, childIndex, people));
}

/** How many rows one child's records take, table by table. */
export function recordRowCounts(records: ChildRecords): Record<string, number> {
  const sum = <T>(items: readonly T[], count: (item: T) => number) =>
    items.reduce((total, item) => total + count(item), 0);
  return {
    need_assessments: records.assessments.length,
    need_assessment_versions: sum(records.assessments, (assessment) => assessment.versions.length),
    safe_uncertainty_positions: records.positions.length,
    safe_uncertainty_questions: records.questions.length,
    childs_words: records.words.length,
    direct_work: records.directWork.length,
    participation_preferences: records.preferences.length,
    plans: records.plans.length,
    plan_reviews: sum(records.plans, (plan) => plan.reviews.length),
    plan_agreements: sum(records.plans, (plan) => plan.agreements.length),
    family_meeting_offers: records.offers.length,
    meetings: records.meetings.length,
    meeting_invitees: sum(records.meetings, (meeting) => meeting.invitees.length),
    record_versions: records.versions.length,
  };
}
